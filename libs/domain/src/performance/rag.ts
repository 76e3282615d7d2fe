import { scaleOf } from '../plan/indicators/figures';
import { figureKindOf, type Figure, type FigureKind, type TargetComparison, type TargetInForce, type Unit } from '../plan/indicators/indicator-values';

export const RAG_STATUSES = ['green', 'amber', 'red', 'none'] as const;
export type Rag = (typeof RAG_STATUSES)[number];

export interface RagAssessment {
  rag: Rag;
  /** Why, in words a committee member reads: "Below the target of 98%, within the 5% tolerance". */
  reason: string;
}

export interface RagInput {
  actual: Figure;
  /** The indicator's unit when the actual was recorded: a date is early or late, a yes/no result met or not. */
  unit: Unit;
  /** The target and tolerance in force when the actual was recorded, never the current ones. */
  assessedAgainst: TargetInForce;
  /** The period the actual is for, named when there is no target. */
  period: string;
  /** Writes a value in the indicator's unit ("98%", "£25", "30 September 2024"); as written otherwise. */
  formatValue?: (value: Figure) => string;
}

/**
 * Floating-point noise must not turn an actual sitting exactly on the tolerance edge (93.1 against
 * 98 with 5%) from amber into red, nor one exactly on the target from green.
 */
const relativeEpsilon = (magnitude: number): number => 1e-9 * Math.max(1, Math.abs(magnitude));

/** Where an actual stands against a target with a figure: met, or how far it misses and from which bound. */
type Standing = { met: true; words: string } | { met: false; shortfall: number; from: number; words: string };

/** How a standing is worded: a number is above or below its target, a date after or before it, a yes/no result is it or not. */
interface StandingWords {
  atOrAbove: string;
  above: string;
  notAbove: string;
  atOrBelow: string;
  below: string;
  notBelow: string;
  within: string;
  on: string;
}

const STANDING_WORDS: Record<FigureKind, StandingWords> = {
  number: {
    atOrAbove: 'At or above',
    above: 'Above',
    notAbove: 'Not above',
    atOrBelow: 'At or below',
    below: 'Below',
    notBelow: 'Not below',
    within: 'Within',
    on: 'On',
  },
  date: {
    atOrAbove: 'On or after',
    above: 'After',
    notAbove: 'Not after',
    atOrBelow: 'On or before',
    below: 'Before',
    notBelow: 'Not before',
    within: 'Within',
    on: 'On',
  },
  'yes-no': {
    atOrAbove: 'As',
    above: 'Not',
    notAbove: 'Not',
    atOrBelow: 'As',
    below: 'Not',
    notBelow: 'Not',
    within: 'As',
    on: 'As',
  },
};

function standing(actual: number, comparison: TargetComparison, value: number, upper: number, of: string, words: StandingWords): Standing {
  const epsilon = relativeEpsilon(value);
  switch (comparison) {
    case 'at-least':
      return actual >= value - epsilon
        ? { met: true, words: `${words.atOrAbove} ${of}` }
        : { met: false, shortfall: value - actual, from: value, words: `${words.below} ${of}` };
    case 'more-than':
      if (actual > value + epsilon) return { met: true, words: `${words.above} ${of}` };
      return { met: false, shortfall: value - actual, from: value, words: `${words.notAbove} ${of}` };
    case 'at-most':
      return actual <= value + epsilon
        ? { met: true, words: `${words.atOrBelow} ${of}` }
        : { met: false, shortfall: actual - value, from: value, words: `${words.above} ${of}` };
    case 'less-than':
      if (actual < value - epsilon) return { met: true, words: `${words.below} ${of}` };
      return { met: false, shortfall: actual - value, from: value, words: `${words.notBelow} ${of}` };
    case 'between':
      if (actual < value - epsilon) return { met: false, shortfall: value - actual, from: value, words: `${words.below} ${of}` };
      if (actual > upper + relativeEpsilon(upper)) {
        return { met: false, shortfall: actual - upper, from: upper, words: `${words.above} ${of}` };
      }
      return { met: true, words: `${words.within} ${of}` };
    case 'equal':
      if (Math.abs(actual - value) <= epsilon) return { met: true, words: `${words.on} ${of}` };
      return { met: false, shortfall: Math.abs(actual - value), from: value, words: `${actual < value ? words.below : words.above} ${of}` };
  }
}

/**
 * RAG of an actual, by the target's comparison alone: green when it meets it ("less than 18" is
 * missed at 18), amber when it misses by no more than the tolerance (a percent of the bound it
 * misses, or an amount in the unit; edge included), red beyond or when there is no tolerance. No
 * target, or a target stated only in words, gives no RAG and says so.
 */
export function assessRag(input: RagInput): RagAssessment {
  const { actual, assessedAgainst, period, unit } = input;
  const format = input.formatValue ?? ((value: Figure) => String(value));
  const target = assessedAgainst.target;
  if (target === null) {
    return { rag: 'none', reason: `No target set for ${period}` };
  }
  if (target.comparison === null) {
    const wording = target.text ? ` ("${target.text}")` : '';
    return { rag: 'none', reason: `Target to be set for ${target.period}${wording}, so the actual is not rated` };
  }
  const kind = figureKindOf(unit);
  const figure = target.baseline === null ? target.value : assessedAgainst.baselineFigure;
  if (figure === null) {
    return { rag: 'none', reason: `Not rated: baseline ${target.baseline} not recorded when the actual was recorded` };
  }
  const upper = target.upper ?? figure;
  const of = targetWords(target.comparison, target.baseline, format(figure), format(upper), kind);
  const bound = scaleOf(figure);
  const result = standing(scaleOf(actual), target.comparison, bound, scaleOf(upper), of, STANDING_WORDS[kind]);
  if (result.met) return { rag: 'green', reason: result.words };
  const { allowed, words: toleranceWords } = toleranceOf(assessedAgainst, result.from, kind === 'date' ? formatDays : format);
  if (allowed > 0 && result.shortfall <= allowed + relativeEpsilon(result.from)) {
    return { rag: 'amber', reason: `${result.words}, within ${toleranceWords}` };
  }
  if (kind === 'yes-no') return { rag: 'red', reason: `${result.words}: a yes/no result is met or not` };
  return { rag: 'red', reason: allowed > 0 ? `${result.words} by more than ${toleranceWords}` : `${result.words}, with no tolerance` };
}

/** "the target of 98%", "the target range of 95% to 98%", "the target date of 30 September 2024", "the 2023/24 baseline of 61%". */
function targetWords(comparison: TargetComparison, baseline: string | null, figure: string, upper: string, kind: FigureKind): string {
  if (baseline !== null) return `the ${baseline} baseline of ${figure}`;
  if (comparison === 'between') return `the target range of ${figure} to ${upper}`;
  return kind === 'date' ? `the target date of ${figure}` : `the target of ${figure}`;
}

const formatDays = (days: Figure): string => `${String(days)} ${days === 1 ? 'day' : 'days'}`;

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
