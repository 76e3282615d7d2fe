import type { TargetComparison, TargetInForce } from '../plan/indicators/indicator-values';

export const RAG_STATUSES = ['green', 'amber', 'red', 'none'] as const;
export type Rag = (typeof RAG_STATUSES)[number];

export interface RagAssessment {
  rag: Rag;
  /** Why, in words a committee member reads: "Below the target of 98%, within the 5% tolerance". */
  reason: string;
}

export interface RagInput {
  actual: number;
  /** The target and tolerance in force when the actual was recorded, never the current ones. */
  assessedAgainst: TargetInForce;
  /** The period the actual is for, named when there is no target. */
  period: string;
  /** Writes a value in the indicator's unit ("98%", "£25"); plain numbers otherwise. */
  formatValue?: (value: number) => string;
}

/**
 * Floating-point noise must not turn an actual sitting exactly on the tolerance edge (93.1 against
 * 98 with 5%) from amber into red, nor one exactly on the target from green.
 */
const relativeEpsilon = (magnitude: number): number => 1e-9 * Math.max(1, Math.abs(magnitude));

/** Where an actual stands against a target with a figure: met, or how far it misses and from which bound. */
type Standing = { met: true; words: string } | { met: false; shortfall: number; from: number; words: string };

function standing(actual: number, comparison: TargetComparison, value: number, upper: number, of: string): Standing {
  const epsilon = relativeEpsilon(value);
  switch (comparison) {
    case 'at-least':
      return actual >= value - epsilon
        ? { met: true, words: `At or above ${of}` }
        : { met: false, shortfall: value - actual, from: value, words: `Below ${of}` };
    case 'more-than':
      if (actual > value + epsilon) return { met: true, words: `Above ${of}` };
      return { met: false, shortfall: value - actual, from: value, words: `Not above ${of}` };
    case 'at-most':
      return actual <= value + epsilon
        ? { met: true, words: `At or below ${of}` }
        : { met: false, shortfall: actual - value, from: value, words: `Above ${of}` };
    case 'less-than':
      if (actual < value - epsilon) return { met: true, words: `Below ${of}` };
      return { met: false, shortfall: actual - value, from: value, words: `Not below ${of}` };
    case 'between':
      if (actual < value - epsilon) return { met: false, shortfall: value - actual, from: value, words: `Below ${of}` };
      if (actual > upper + relativeEpsilon(upper)) {
        return { met: false, shortfall: actual - upper, from: upper, words: `Above ${of}` };
      }
      return { met: true, words: `Within ${of}` };
    case 'equal':
      if (Math.abs(actual - value) <= epsilon) return { met: true, words: `On ${of}` };
      return { met: false, shortfall: Math.abs(actual - value), from: value, words: `${actual < value ? 'Below' : 'Above'} ${of}` };
  }
}

/**
 * RAG of an actual, by the target's comparison alone: green when it meets it ("less than 18" is
 * missed at 18), amber when it misses by no more than the tolerance (a percent of the bound it
 * misses, or an amount in the unit; edge included), red beyond or when there is no tolerance. No
 * target, or a target stated only in words, gives no RAG and says so.
 */
export function assessRag(input: RagInput): RagAssessment {
  const { actual, assessedAgainst, period } = input;
  const format = input.formatValue ?? ((value: number) => String(value));
  const target = assessedAgainst.target;
  if (target === null) {
    return { rag: 'none', reason: `No target set for ${period}` };
  }
  if (target.value === null || target.comparison === null) {
    const wording = target.text ? ` ("${target.text}")` : '';
    return { rag: 'none', reason: `Target to be set for ${target.period}${wording}, so the actual is not rated` };
  }
  const upper = target.upper ?? target.value;
  const of =
    target.comparison === 'between'
      ? `the target range of ${format(target.value)} to ${format(upper)}`
      : `the target of ${format(target.value)}`;
  const result = standing(actual, target.comparison, target.value, upper, of);
  if (result.met) return { rag: 'green', reason: result.words };
  const { allowed, words: toleranceWords } = toleranceOf(assessedAgainst, result.from, format);
  if (allowed > 0 && result.shortfall <= allowed + relativeEpsilon(result.from)) {
    return { rag: 'amber', reason: `${result.words}, within ${toleranceWords}` };
  }
  return { rag: 'red', reason: allowed > 0 ? `${result.words} by more than ${toleranceWords}` : `${result.words}, with no tolerance` };
}

function toleranceOf(
  inForce: TargetInForce,
  bound: number,
  format: (value: number) => string,
): { allowed: number; words: string } {
  if (inForce.toleranceAbsolute !== null) {
    return { allowed: inForce.toleranceAbsolute, words: `the tolerance of ${format(inForce.toleranceAbsolute)}` };
  }
  const percent = inForce.tolerancePercent ?? 0;
  return { allowed: (Math.abs(bound) * percent) / 100, words: `the ${percent}% tolerance` };
}
