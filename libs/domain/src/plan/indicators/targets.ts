import { DomainError } from '../../domain-error';
import { normalisePeriod } from '../../periods/financial-periods';
import type { Polarity, Target, TargetComparison } from './indicator-values';

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
  value?: number;
  upper?: number;
  comparison?: TargetComparison;
  text?: string;
}

/**
 * A target as stated: a figure with its comparison (given, else the one the polarity reads), the
 * words as written, or both. Words alone are a target not yet set ("TBA"): no figure is ever taken
 * out of them, so they are never rated.
 */
export function buildTarget(input: TargetStatement, polarity: Polarity): Target {
  const period = normalisePeriod(input.period);
  const text = input.text?.trim() ? input.text.trim() : null;
  const value = input.value ?? null;
  const upper = input.upper ?? null;
  for (const [name, figure] of [['value', value], ['upper', upper]] as const) {
    if (figure !== null && !Number.isFinite(figure)) {
      throw DomainError.ruleBroken(`The target's ${name} for ${period} must be a number.`);
    }
  }
  if (value === null) {
    if (text === null) {
      throw DomainError.ruleBroken(`The target for ${period} needs a value or words, for example 98 or "TBA".`);
    }
    if (input.comparison !== undefined || upper !== null) {
      throw DomainError.ruleBroken(
        `The target for ${period} has words but no value, so it cannot have a comparison or an upper figure: give the value it is held to, or the words alone for a target not yet set.`,
      );
    }
    return { period, value: null, upper: null, comparison: null, text };
  }
  const comparison = input.comparison ?? defaultComparison(polarity);
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
  return { period, value, upper, comparison, text };
}

export function sameTarget(a: Target, b: Target): boolean {
  return a.value === b.value && a.upper === b.upper && a.text === b.text && a.comparison === b.comparison;
}

const COMPARISON_WORDS: Record<TargetComparison, string> = {
  'at-least': 'at least',
  'more-than': 'more than',
  'at-most': 'at most',
  'less-than': 'less than',
  between: 'between',
  equal: 'exactly',
};

/**
 * A target's figure as a sentence says it, in the indicator's unit: "at least 98%", "between 95% and
 * 98%", "less than 18 days".
 */
export function describeFigure(target: Target, format: (value: number) => string = String): string | null {
  if (target.value === null || target.comparison === null) return null;
  if (target.comparison === 'between') return `between ${format(target.value)} and ${format(target.upper ?? target.value)}`;
  return `${COMPARISON_WORDS[target.comparison]} ${format(target.value)}`;
}

/** "at least 98", "at most 40 ("no more than 40")", ""TBA"", for messages. */
export function describeTarget(target: Target, format: (value: number) => string = String): string {
  const figure = describeFigure(target, format);
  if (figure === null) return `"${target.text ?? ''}"`;
  return target.text === null ? figure : `${figure} ("${target.text}")`;
}
