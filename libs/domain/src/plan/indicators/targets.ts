import { DomainError } from '../../domain-error';
import { normalisePeriod, periodBounds } from '../../periods/financial-periods';
import { requireFigureOfUnit } from './figures';
import { figureKindOf, type Figure, type FigureKind, type Polarity, type Target, type TargetComparison, type Unit } from './indicator-values';

/** The comparison a figure alone is held to: what the indicator's polarity says is good. */
export function defaultComparison(polarity: Polarity): TargetComparison {
  switch (polarity) {
    case 'higher-is-better':
      return 'at-least';
    case 'lower-is-better':
      return 'at-most';
    case 'on-target-is-best':
      return 'equal';
  }
}

/**
 * The comparisons that say the opposite of a polarity: "at most 40" cannot be the target of an
 * indicator where higher is better, and an indicator best on target misses on both sides, so a
 * one-sided target would call one of its misses a success.
 */
const CONTRADICTING: Record<Polarity, readonly TargetComparison[]> = {
  'higher-is-better': ['at-most', 'less-than'],
  'lower-is-better': ['at-least', 'more-than'],
  'on-target-is-best': ['at-least', 'more-than', 'at-most', 'less-than'],
};

export function contradictsPolarity(comparison: TargetComparison, polarity: Polarity): boolean {
  return CONTRADICTING[polarity].includes(comparison);
}

/**
 * The comparison a target takes when its indicator's polarity is corrected: "at least" becomes "at
 * most", "more than" "less than", and a one-sided target of an indicator now best on target is
 * held to its figure exactly.
 */
export function comparisonUnderPolarity(comparison: TargetComparison, polarity: Polarity): TargetComparison {
  if (!contradictsPolarity(comparison, polarity)) return comparison;
  if (polarity === 'on-target-is-best') return 'equal';
  const mirrored: Partial<Record<TargetComparison, TargetComparison>> = {
    'at-least': 'at-most',
    'at-most': 'at-least',
    'more-than': 'less-than',
    'less-than': 'more-than',
  };
  return mirrored[comparison] ?? comparison;
}

const POLARITY_WORDS: Record<Polarity, string> = {
  'higher-is-better': 'higher is better',
  'lower-is-better': 'lower is better',
  'on-target-is-best': 'on target is best',
};

const AGREEING_WORDS: Record<Polarity, string> = {
  'higher-is-better': 'at-least, more-than, between or equal',
  'lower-is-better': 'at-most, less-than, between or equal',
  'on-target-is-best': 'between or equal',
};

export interface TargetStatement {
  period: string;
  value?: Figure;
  upper?: Figure;
  /** The period whose figure the target is relative to, instead of a value of its own. */
  baseline?: string;
  comparison?: TargetComparison;
  text?: string;
}

/**
 * A target as stated: a figure with its comparison (given, else the one the polarity reads), a
 * baseline's figure with its comparison, the words as written, or words beside either. Words alone
 * are a target not yet set ("TBA"): no figure is ever taken out of them, so they are never rated.
 * The figure is of the indicator's unit: a date for a date indicator, true or false for a yes/no one,
 * which is held to it exactly.
 */
export function buildTarget(input: TargetStatement, polarity: Polarity, unit: Unit): Target {
  const period = normalisePeriod(input.period);
  const text = input.text?.trim() ? input.text.trim() : null;
  const value = input.value === undefined ? null : requireFigureOfUnit(input.value, unit, `The target's value for ${period}`);
  const upper = input.upper === undefined ? null : requireFigureOfUnit(input.upper, unit, `The target's upper figure for ${period}`);
  const kind = figureKindOf(unit);
  if (input.baseline !== undefined) {
    return relativeToBaseline({ ...input, baseline: input.baseline, period, text, value }, polarity, kind, upper);
  }
  if (value === null) {
    if (text === null) {
      throw DomainError.ruleBroken(`The target for ${period} needs a value, a baseline or words, for example 98 or "TBA".`);
    }
    if (input.comparison !== undefined || upper !== null) {
      throw DomainError.ruleBroken(
        `The target for ${period} has words but no value, so it cannot have a comparison or an upper figure: give the value it is held to, or the words alone for a target not yet set.`,
      );
    }
    return { period, value: null, upper: null, baseline: null, comparison: null, text };
  }
  const comparison = comparisonOf(input.comparison, polarity, kind, period);
  if (contradictsPolarity(comparison, polarity)) {
    throw DomainError.ruleBroken(
      `A target "${comparison} ${value}" for ${period} contradicts the indicator's polarity (${POLARITY_WORDS[polarity]}): use ${AGREEING_WORDS[polarity]}, or revise the polarity first.`,
    );
  }
  if (comparison === 'between') {
    if (upper === null) {
      throw DomainError.ruleBroken(`A target between two figures for ${period} needs its upper figure as well as its value.`);
    }
    if (upper < value) {
      throw DomainError.ruleBroken(
        `The target range for ${period} runs from ${value} up to ${upper}: its upper figure cannot be below its value.`,
      );
    }
  } else if (upper !== null) {
    throw DomainError.ruleBroken(`An upper figure belongs only to a target between two figures; the target for ${period} is ${comparison} ${value}.`);
  }
  return { period, value, upper, baseline: null, comparison, text };
}

/**
 * A yes/no result is held to yes or no exactly, whatever the polarity: it is met or it is not. Any
 * other figure takes the comparison stated, else the polarity's.
 */
function comparisonOf(stated: TargetComparison | undefined, polarity: Polarity, kind: FigureKind, period: string): TargetComparison {
  if (kind !== 'yes-no') return stated ?? defaultComparison(polarity);
  if (stated !== undefined && stated !== 'equal') {
    throw DomainError.ruleBroken(`A yes/no result is met or not: the target for ${period} is equal to true or to false, not ${stated}.`);
  }
  return 'equal';
}

/**
 * "More than the 2023/24 baseline": the comparison is held to the figure an earlier period had, a
 * number, resolved when an actual is rated from what was recorded by then. Both a value and a
 * baseline would leave two figures to be held to.
 */
function relativeToBaseline(
  input: Omit<TargetStatement, 'text' | 'value'> & { baseline: string; text: string | null; value: Figure | null },
  polarity: Polarity,
  kind: FigureKind,
  upper: Figure | null,
): Target {
  const { period, text, value } = input;
  const baseline = normalisePeriod(input.baseline);
  if (value !== null) {
    throw DomainError.ruleBroken(
      `The target for ${period} gives both a value (${String(value)}) and a baseline (${baseline}): hold it to its own figure or to the baseline's, not both.`,
    );
  }
  if (kind !== 'number') {
    throw DomainError.ruleBroken(`A target relative to a baseline is held to a number, and this indicator's figures are ${kind === 'date' ? 'dates' : 'yes or no'}: give the target's value itself.`);
  }
  if (periodBounds(baseline).to >= periodBounds(period).from) {
    throw DomainError.ruleBroken(`The target for ${period} can be relative only to an earlier period's figure, and ${baseline} does not end before ${period} begins.`);
  }
  const comparison = comparisonOf(input.comparison, polarity, kind, period);
  if (contradictsPolarity(comparison, polarity)) {
    throw DomainError.ruleBroken(
      `A target "${comparison} the ${baseline} baseline" for ${period} contradicts the indicator's polarity (${POLARITY_WORDS[polarity]}): use ${AGREEING_WORDS[polarity]}, or revise the polarity first.`,
    );
  }
  if (comparison === 'between' || upper !== null) {
    throw DomainError.ruleBroken(`A target relative to the ${baseline} baseline is one figure, so it cannot be a range: give a comparison other than between, and no upper figure.`);
  }
  return { period, value: null, upper: null, baseline, comparison, text };
}

export function sameTarget(a: Target, b: Target): boolean {
  return a.value === b.value && a.upper === b.upper && a.baseline === b.baseline && a.text === b.text && a.comparison === b.comparison;
}

/** How each comparison reads before its figure: a date is met "by" a day, a number "at most" a figure. */
const COMPARISON_WORDS: Record<FigureKind, Record<TargetComparison, string>> = {
  number: {
    'at-least': 'at least',
    'more-than': 'more than',
    'at-most': 'at most',
    'less-than': 'less than',
    between: 'between',
    equal: 'exactly',
  },
  date: {
    'at-least': 'on or after',
    'more-than': 'after',
    'at-most': 'by',
    'less-than': 'before',
    between: 'between',
    equal: 'on',
  },
  'yes-no': {
    'at-least': 'at least',
    'more-than': 'more than',
    'at-most': 'at most',
    'less-than': 'less than',
    between: 'between',
    equal: '',
  },
};

/**
 * A target's figure as a sentence says it, in the indicator's unit: "at least 98%", "between 95% and
 * 98%", "less than 18 days", "by 30 September 2024", "more than the 2023/24 baseline (61%)" once the
 * baseline's figure is known.
 */
export function describeFigure(
  target: Target,
  format: (value: Figure) => string = String,
  unit: Unit = 'number',
  baselineFigure: number | null = null,
): string | null {
  if (target.comparison === null) return null;
  const words = COMPARISON_WORDS[figureKindOf(unit)][target.comparison];
  if (target.baseline !== null) {
    const known = baselineFigure === null ? '' : ` (${format(baselineFigure)})`;
    return `${words} the ${target.baseline} baseline${known}`;
  }
  if (target.value === null) return null;
  if (target.comparison === 'between') return `between ${format(target.value)} and ${format(target.upper ?? target.value)}`;
  return words === '' ? format(target.value) : `${words} ${format(target.value)}`;
}

/** "at least 98", "at most 40 ("no more than 40")", ""TBA"", for messages. */
export function describeTarget(target: Target, format: (value: Figure) => string = String): string {
  const figure = describeFigure(target, format);
  if (figure === null) return `"${target.text ?? ''}"`;
  return target.text === null ? figure : `${figure} ("${target.text}")`;
}
