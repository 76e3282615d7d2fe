import { defaultComparison, describeFigure, type Polarity, type Target, type Unit } from '@app/domain';

const plainNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A value as a council report writes it: "98%", "£25", "40 per 100,000", "18 days". */
export function formatValue(value: number, unit: Unit): string {
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
      return `${sign}${number}`;
  }
}

/**
 * A target by its figure in the unit, with its comparison when the polarity alone would not say it
 * ("98%", "less than 18 days", "between 95% and 98%"), else by the plan's words.
 */
export function formatTarget(target: Target, unit: Unit, polarity: Polarity): string {
  const format = (value: number) => formatValue(value, unit);
  if (target.value === null || target.comparison === null) return target.text ? `"${target.text}"` : 'no figure';
  if (target.comparison === defaultComparison(polarity)) return format(target.value);
  return describeFigure(target, format) ?? format(target.value);
}
