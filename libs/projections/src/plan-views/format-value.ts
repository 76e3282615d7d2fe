import { defaultComparison, describeFigure, figureKindOf, longDate, type Figure, type Polarity, type Target, type Unit } from '@app/domain';

const plainNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A value as a council report writes it: "98%", "£25", "40 per 100,000", "18 days", "30 September 2024", "yes". */
export function formatValue(value: Figure, unit: Unit): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return longDate(value);
  const number = plainNumber.format(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  switch (unit) {
    case 'percent':
      return `${sign}${number}%`;
    case 'currency':
      return `${sign}£${number}`;
    case 'rate-per-100k':
      return `${sign}${number} per 100,000`;
    case 'days':
      return `${sign}${number} ${Math.abs(value) === 1 ? 'day' : 'days'}`;
    case 'number':
    case 'count':
    case 'date':
    case 'yes-no':
      return `${sign}${number}`;
  }
}

/**
 * A target by its figure in the unit, with its comparison when the polarity alone would not say it
 * ("98%", "less than 18 days", "between 95% and 98%", "by 30 September 2024", "more than the 2023/24
 * baseline"), else by the plan's words. A date's comparison is always said: a day alone is no target.
 */
export function formatTarget(target: Target, unit: Unit, polarity: Polarity, baselineFigure: number | null = null): string {
  const format = (value: Figure) => formatValue(value, unit);
  const figure = describeFigure(target, format, unit, baselineFigure);
  if (figure === null) return target.text ? `"${target.text}"` : 'no figure';
  const plain = target.baseline === null && target.value !== null && target.comparison === defaultComparison(polarity) && figureKindOf(unit) === 'number';
  return plain && target.value !== null ? format(target.value) : figure;
}
