import { DomainError } from '../domain-error';

/** Calendar arithmetic on ISO dates ("2024-03-31"), kept as strings so they compare in order. */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function lastDayOfMonth(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

/** The UTC calendar date of an instant. */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** "1 April 2020". */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** Refuses "2024-02-30" and anything not written YYYY-MM-DD; `what` names the field for the officer. */
export function requireIsoDate(text: string, what: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (match) {
    const [year, month, day] = match.slice(1).map(Number);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return match[0];
  }
  throw DomainError.ruleBroken(`The ${what} '${text}' is not a date: write it as YYYY-MM-DD, for example 2024-04-04.`);
}
