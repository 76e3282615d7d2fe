import { DomainError } from '../../domain-error';
import { normalisePeriod } from '../../periods/financial-periods';
import type { Polarity, Target, TargetComparison } from './indicator-values';

const AT_MOST_PHRASES = ['no more than', 'not more than', 'less than', 'fewer than', 'at most', 'maximum'];
const AT_LEAST_PHRASES = ['no less than', 'not less than', 'no fewer than', 'at least', 'minimum'];

/**
 * How a target compares, from its words first ("no more than 40 bins" is at-most whatever the
 * polarity), else from the indicator's polarity.
 */
export function targetComparison(text: string | null, polarity: Polarity): TargetComparison {
  const words = (text ?? '').toLowerCase();
  // "no less than" must win over the "less than" it contains, so at-least phrases are tried first.
  if (AT_LEAST_PHRASES.some((phrase) => words.includes(phrase))) return 'at-least';
  if (AT_MOST_PHRASES.some((phrase) => words.includes(phrase))) return 'at-most';
  if (polarity === 'higher-is-better') return 'at-least';
  if (polarity === 'lower-is-better') return 'at-most';
  return 'exactly';
}

/** The first figure in a target's words: "100% by year end" → 100, "£25" → 25, "TBA" → null. */
function figureInText(text: string): number | null {
  const match = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/.exec(text);
  return match ? Number(match[0].replace(/,/g, '')) : null;
}

/**
 * A target as stated: a value, words, or both. Words alone still give a value where they contain
 * a figure, so "no more than 40 bins per 100,000" can be assessed against 40.
 */
export function buildTarget(
  input: { period: string; value?: number; text?: string },
  polarity: Polarity,
): Target {
  const period = normalisePeriod(input.period);
  const text = input.text?.trim() ? input.text.trim() : null;
  if (input.value === undefined && text === null) {
    throw DomainError.ruleBroken(`The target for ${period} needs a value or words, for example 98 or "no more than 40".`);
  }
  if (input.value !== undefined && !Number.isFinite(input.value)) {
    throw DomainError.ruleBroken(`The target for ${period} must be a number.`);
  }
  const value = input.value ?? (text === null ? null : figureInText(text));
  return { period, value, text, comparison: targetComparison(text, polarity) };
}

export function sameTarget(a: Target, b: Target): boolean {
  return a.value === b.value && a.text === b.text && a.comparison === b.comparison;
}

/** "98", "no more than 40 (40)", for messages. */
export function describeTarget(target: Target): string {
  if (target.text === null) return String(target.value);
  return target.value === null ? `"${target.text}"` : `"${target.text}" (${target.value})`;
}
