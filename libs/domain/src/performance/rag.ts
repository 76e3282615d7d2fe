import type { Polarity, TargetInForce } from '../plan/indicators/indicator-values';

export const RAG_STATUSES = ['green', 'amber', 'red', 'none'] as const;
export type Rag = (typeof RAG_STATUSES)[number];

export interface RagAssessment {
  rag: Rag;
  /** Why, in words a committee member reads: "Below the target of 98%, within the 5% tolerance". */
  reason: string;
}

export interface RagInput {
  actual: number;
  polarity: Polarity;
  /** The target and tolerance in force when the actual was recorded, never the current ones. */
  assessedAgainst: TargetInForce;
  /** The period the actual is for, named when there is no target. */
  period: string;
  /** Writes a value in the indicator's unit ("98%", "£25"); plain numbers otherwise. */
  formatValue?: (value: number) => string;
}

/**
 * Floating-point noise must not turn an actual sitting exactly on the tolerance edge (93.1 against
 * 98 with 5%) from amber into red.
 */
const relativeEpsilon = (magnitude: number): number => 1e-9 * Math.max(1, Math.abs(magnitude));

/**
 * How far the actual falls short of the target in the indicator's bad direction; zero or less is at
 * or better than target. On-target-is-best indicators miss in both directions.
 */
function shortfall(actual: number, target: number, polarity: Polarity): number {
  switch (polarity) {
    case 'higher-is-better':
      return target - actual;
    case 'lower-is-better':
      return actual - target;
    case 'on-target-is-best':
      return Math.abs(actual - target);
  }
}

function missWord(actual: number, target: number, polarity: Polarity): string {
  if (polarity === 'higher-is-better') return 'Below';
  if (polarity === 'lower-is-better') return 'Above';
  return actual < target ? 'Below' : 'Above';
}

function metWording(polarity: Polarity): string {
  if (polarity === 'higher-is-better') return 'At or above';
  if (polarity === 'lower-is-better') return 'At or below';
  return 'On';
}

/**
 * RAG of an actual: green at or better than target, amber when it misses by no more than the
 * tolerance (a percentage of the target, edge included), red beyond. No target, or a target stated
 * only in words, gives no RAG and says so.
 */
export function assessRag(input: RagInput): RagAssessment {
  const { actual, polarity, assessedAgainst, period } = input;
  const format = input.formatValue ?? ((value: number) => String(value));
  const target = assessedAgainst.target;
  if (target === null) {
    return { rag: 'none', reason: `No target set for ${period}` };
  }
  if (target.value === null) {
    const wording = target.text ? ` ("${target.text}")` : '';
    return {
      rag: 'none',
      reason: `The target for ${target.period} has no figure${wording}, so the actual cannot be rated`,
    };
  }
  const tolerance = assessedAgainst.tolerancePercent;
  const allowed = (Math.abs(target.value) * tolerance) / 100;
  const miss = shortfall(actual, target.value, polarity);
  const epsilon = relativeEpsilon(target.value);
  const targetText = `the target of ${format(target.value)}`;
  if (miss <= epsilon) {
    return { rag: 'green', reason: `${metWording(polarity)} ${targetText}` };
  }
  const side = missWord(actual, target.value, polarity);
  if (miss <= allowed + epsilon) {
    return { rag: 'amber', reason: `${side} ${targetText}, within the ${tolerance}% tolerance` };
  }
  return { rag: 'red', reason: `${side} ${targetText} by more than the ${tolerance}% tolerance` };
}
