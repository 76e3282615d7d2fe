import type { Target, Unit } from '@app/domain';

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

/** A target by its figure in the unit, else by the plan's words. */
export function formatTarget(target: Target, unit: Unit): string {
  if (target.value !== null) return formatValue(target.value, unit);
  return target.text ? `"${target.text}"` : 'no figure';
}
