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

/** A date that exists, written YYYY-MM-DD: not "2024-02-30", not "2024-3-1". */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Refuses "2024-02-30" and anything not written YYYY-MM-DD; `what` names the field for the officer. */
export function requireIsoDate(text: string, what: string): string {
  const trimmed = text.trim();
  if (isCalendarDate(trimmed)) return trimmed;
  throw DomainError.ruleBroken(`The ${what} '${text}' is not a date: write it as YYYY-MM-DD, for example 2024-04-04.`);
}

const UK_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** How far UK clocks are ahead of UTC at an instant, in milliseconds: 0 in GMT, an hour in BST. */
function ukOffsetMs(instant: number): number {
  const parts = Object.fromEntries(UK_WALL_CLOCK.formatToParts(instant).map(({ type, value }) => [type, Number(value)]));
  const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return wallClock - Math.floor(instant / 60_000) * 60_000;
}

/** The calendar date in the UK at an instant: 23:30 UTC on 1 July is already 2 July in BST. */
export function ukDateOf(instant: Date): string {
  const parts = Object.fromEntries(UK_WALL_CLOCK.formatToParts(instant).map(({ type, value }) => [type, Number(value)]));
  return isoDate(parts.year, parts.month, parts.day);
}

/**
 * The first instant of a calendar date in the UK. UK clocks change at 01:00 UTC, never at midnight,
 * so midnight has one offset, the one in force at that date's midnight UTC.
 */
export function startOfUkDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(year, month - 1, day);
  return new Date(midnightUtc - ukOffsetMs(midnightUtc));
}

/** The last instant (to the millisecond) of a calendar date in the UK: "as it stood on 1 July 2024". */
export function endOfUkDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const nextDay = isoDateOf(new Date(Date.UTC(year, month - 1, day + 1)));
  return new Date(startOfUkDay(nextDay).getTime() - 1);
}
