import { DomainError } from '../domain-error';
import { isoDate, isoDateOf, lastDayOfMonth, longDate, requireIsoDate } from './calendar';

/**
 * Financial years run from 1 April to 31 March: "2023/24" is 1 April 2023 to 31 March 2024.
 * Quarters are "2023/24-Q1" (April to June) to "2023/24-Q4" (January to March), months "2023/24-M01"
 * (April) to "2023/24-M12" (March). Input may use `-` for `/` ("2023-24-Q2") or a space before the
 * quarter or month, and a month may be written as its calendar month ("2024-10" is 2024/25-M07);
 * every answer uses the canonical `/` form.
 */

export type QuarterNumber = 1 | 2 | 3 | 4;

export type FinancialPeriod =
  | { kind: 'year'; startYear: number; label: string }
  | { kind: 'quarter'; startYear: number; quarter: QuarterNumber; label: string }
  /** `month` counts from April: 1 is April, 7 October, 12 March. */
  | { kind: 'month'; startYear: number; month: number; label: string };

export type PeriodKind = FinancialPeriod['kind'];

const QUARTER_FIRST_MONTHS = [4, 7, 10, 1] as const;

const PERIOD_PATTERN = /^(\d{4})[/-](\d{2}|\d{4})(?:(?:-|\s+)(?:Q(\d+)|M(\d+)))?$/i;

/**
 * "2024-10", a calendar month. Read so only when it cannot be a financial year: "2011-12" is the
 * year 2011/12, so December 2011 is written "2011/12-M09".
 */
const CALENDAR_MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/**
 * The financial years a period may name: 2000/01 (the start of Best Value performance indicators,
 * older than any plan or baseline this service holds) to 2099/00. Within them a two-digit end
 * year means one year only, and every label reads back as itself; "0000/01" or "9999/00" are typing
 * slips, never plans. Fixed rather than relative to the clock, so a stored period never becomes unreadable.
 */
export const FIRST_FINANCIAL_YEAR_START = 2000;
export const LAST_FINANCIAL_YEAR_START = 2099;

/** Refuses a year outside the ones a period may name; `written` is quoted to the officer. */
export function requirePlausibleFinancialYear(startYear: number, written: string): void {
  if (startYear < FIRST_FINANCIAL_YEAR_START || startYear > LAST_FINANCIAL_YEAR_START) {
    throw DomainError.ruleBroken(
      `'${written}' is outside the financial years this service holds: they run from ${financialYearLabel(FIRST_FINANCIAL_YEAR_START)} to ${financialYearLabel(LAST_FINANCIAL_YEAR_START)}.`,
    );
  }
}

/**
 * The days a date may name are those of the same financial years, 1 April 2000 to 31 March 2100, so
 * that a meeting, a version's date or an `asOf` is never plausible where a period would not be.
 */
export const FIRST_HELD_DATE = isoDate(FIRST_FINANCIAL_YEAR_START, 4, 1);
export const LAST_HELD_DATE = isoDate(LAST_FINANCIAL_YEAR_START + 1, 3, 31);

/** Why a real ISO date ("2024-03-19") is refused, as a phrase to follow the field's name, or null. */
export function dateOutsideHeldYearsFault(date: string): string | null {
  return date < FIRST_HELD_DATE || date > LAST_HELD_DATE
    ? `must fall within the financial years this service holds, ${longDate(FIRST_HELD_DATE)} to ${longDate(LAST_HELD_DATE)}`
    : null;
}

/** The same rule for an instant, by its UTC date; a far year prints with a sign ("+010000-…"), which sorts before "2000". */
export function instantOutsideHeldYearsFault(instant: Date): string | null {
  return dateOutsideHeldYearsFault(isoDateOf(instant));
}

/**
 * A date an officer wrote: a real day written YYYY-MM-DD, within the financial years held; given
 * back as written, without surrounding spaces, so it reads back as itself. `what` names the field.
 */
export function requireHeldDate(text: string, what: string): string {
  const date = requireIsoDate(text, what);
  const fault = dateOutsideHeldYearsFault(date);
  if (fault) throw DomainError.ruleBroken(`The ${what} '${text}' ${fault}.`);
  return date;
}

/** A date of something that has happened (a meeting, a decision): held, and not after today at `now`. */
export function requirePastDate(text: string, what: string, now: Date): string {
  const date = requireHeldDate(text, what);
  if (date > isoDateOf(now)) throw DomainError.ruleBroken(`The ${what} ${date} is in the future: record it once it has happened.`);
  return date;
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

function quarterLabel(startYear: number, quarter: QuarterNumber): string {
  return `${financialYearLabel(startYear)}-Q${quarter}`;
}

function monthLabel(startYear: number, month: number): string {
  return `${financialYearLabel(startYear)}-M${String(month).padStart(2, '0')}`;
}

function monthPeriod(startYear: number, month: number): FinancialPeriod {
  return { kind: 'month', startYear, month, label: monthLabel(startYear, month) };
}

/** The calendar year and month (1 January) of a financial year's `month` (1 April). */
function calendarMonthOf(startYear: number, month: number): { year: number; month: number } {
  const calendarMonth = ((month + 2) % 12) + 1;
  return { year: calendarMonth >= 4 ? startYear : startYear + 1, month: calendarMonth };
}

function yearPeriod(startYear: number): FinancialPeriod {
  return { kind: 'year', startYear, label: financialYearLabel(startYear) };
}

function quarterPeriod(startYear: number, quarter: QuarterNumber): FinancialPeriod {
  return { kind: 'quarter', startYear, quarter, label: quarterLabel(startYear, quarter) };
}

export function parsePeriod(text: string): FinancialPeriod {
  const written = text.trim();
  const calendarMonth = calendarMonthIn(written);
  if (calendarMonth) return calendarMonth;
  const match = PERIOD_PATTERN.exec(written);
  if (!match) {
    throw DomainError.ruleBroken(
      `'${text}' is not a period: write a financial year as 2023/24, a quarter as 2023/24-Q2 or a month as 2023/24-M07.`,
    );
  }
  const startYear = Number(match[1]);
  requirePlausibleFinancialYear(startYear, text);
  const endText = match[2];
  const endYear = endText.length === 2 ? (startYear + 1) % 100 : startYear + 1;
  const quarter = match[3] === undefined ? null : Number(match[3]);
  const month = match[4] === undefined ? null : Number(match[4]);
  if (Number(endText) !== endYear) {
    const within = quarter !== null ? `-Q${quarter}` : month !== null ? `-M${String(month).padStart(2, '0')}` : '';
    throw DomainError.ruleBroken(`'${text}' is not a financial year: write it as ${financialYearLabel(startYear)}${within}.`);
  }
  if (month !== null) {
    if (month < 1 || month > 12) {
      throw DomainError.ruleBroken(`'${text}' is not a month: months run from M01 (April) to M12 (March).`);
    }
    return monthPeriod(startYear, month);
  }
  if (quarter === null) return yearPeriod(startYear);
  if (quarter < 1 || quarter > 4) {
    throw DomainError.ruleBroken(
      `'${text}' is not a quarter: quarters run from Q1 (April to June) to Q4 (January to March).`,
    );
  }
  return quarterPeriod(startYear, quarter as QuarterNumber);
}

/** "2024-10" as the month of the financial year it falls in, or null when it is not a calendar month (or is a year). */
function calendarMonthIn(written: string): FinancialPeriod | null {
  const match = CALENDAR_MONTH_PATTERN.exec(written);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month === (year + 1) % 100 || month < 1 || month > 12) return null;
  const startYear = month >= 4 ? year : year - 1;
  requirePlausibleFinancialYear(startYear, written);
  return monthPeriod(startYear, month >= 4 ? month - 3 : month + 9);
}

/** "2023-24-Q2" → "2023/24-Q2". */
export function normalisePeriod(text: string): string {
  return parsePeriod(text).label;
}

/** The financial year a period belongs to: "2023/24-Q2" → "2023/24"; a year is its own. */
export function financialYearOf(period: string): string {
  return financialYearLabel(parsePeriod(period).startYear);
}

/** First and last day, inclusive, as ISO dates. */
export function periodBounds(period: string): { from: string; to: string } {
  const parsed = parsePeriod(period);
  if (parsed.kind === 'year') {
    return { from: isoDate(parsed.startYear, 4, 1), to: isoDate(parsed.startYear + 1, 3, 31) };
  }
  if (parsed.kind === 'month') {
    const { year, month } = calendarMonthOf(parsed.startYear, parsed.month);
    return { from: isoDate(year, month, 1), to: lastDayOfMonth(year, month) };
  }
  const firstMonth = QUARTER_FIRST_MONTHS[parsed.quarter - 1];
  const year = firstMonth < 4 ? parsed.startYear + 1 : parsed.startYear;
  return { from: isoDate(year, firstMonth, 1), to: lastDayOfMonth(year, firstMonth + 2) };
}

/** Q1's previous is the prior year's Q4, M01's the prior year's M12; a year's previous is the prior year. */
export function previousPeriod(period: string): string {
  const parsed = parsePeriod(period);
  if (parsed.kind === 'year') return financialYearLabel(parsed.startYear - 1);
  if (parsed.kind === 'month') {
    return parsed.month === 1 ? monthLabel(parsed.startYear - 1, 12) : monthLabel(parsed.startYear, parsed.month - 1);
  }
  return parsed.quarter === 1
    ? quarterLabel(parsed.startYear - 1, 4)
    : quarterLabel(parsed.startYear, (parsed.quarter - 1) as QuarterNumber);
}

/** The same period a year earlier: "2023/24-Q2" → "2022/23-Q2", "2023/24" → "2022/23". */
export function samePeriodLastYear(period: string): string {
  const parsed = parsePeriod(period);
  switch (parsed.kind) {
    case 'year':
      return financialYearLabel(parsed.startYear - 1);
    case 'quarter':
      return quarterLabel(parsed.startYear - 1, parsed.quarter);
    case 'month':
      return monthLabel(parsed.startYear - 1, parsed.month);
  }
}

/**
 * Orders periods by when they end; of periods ending together the longer sorts later (M12, then Q4,
 * then the year), so "latest entry up to 2023/24" includes Q4's. Usable with `Array.prototype.sort`.
 */
export function comparePeriods(a: string, b: string): number {
  return orderKeyOf(a) - orderKeyOf(b);
}

/**
 * Order keys of the periods compared so far, by the text compared: a plan's fold sorts the same few
 * periods on every progress entry, and parsing one takes two regular expressions and a label. Only
 * texts that parse are kept, so a bad period still fails as it would; the bound keeps odd spellings
 * from growing it without end.
 */
const orderKeys = new Map<string, number>();
const MAX_ORDER_KEYS = 10_000;

function orderKeyOf(text: string): number {
  let key = orderKeys.get(text);
  if (key === undefined) {
    key = orderKey(parsePeriod(text));
    if (orderKeys.size >= MAX_ORDER_KEYS) orderKeys.clear();
    orderKeys.set(text, key);
  }
  return key;
}

const LENGTH_RANK: Record<PeriodKind, number> = { month: 0, quarter: 1, year: 2 };

function orderKey(period: FinancialPeriod): number {
  const lastMonth = period.kind === 'year' ? 12 : period.kind === 'quarter' ? period.quarter * 3 : period.month;
  return (period.startYear * 12 + lastMonth) * 3 + LENGTH_RANK[period.kind];
}

/** Every period of a financial year, each once, in the order they end (`comparePeriods`): M01, M02, M03, Q1, M04, … M12, Q4, the year. */
export function periodsOfFinancialYear(startYear: number): string[] {
  const periods: string[] = [];
  for (let month = 1; month <= 12; month += 1) {
    periods.push(monthLabel(startYear, month));
    if (month % 3 === 0) periods.push(quarterLabel(startYear, (month / 3) as QuarterNumber));
  }
  return [...periods, financialYearLabel(startYear)];
}

/** The fourth quarter of a year ("2023/24" → "2023/24-Q4"), whose year-to-date figure is the year's; null for a quarter. */
export function fourthQuarterOf(period: string): string | null {
  const parsed = parsePeriod(period);
  return parsed.kind === 'year' ? quarterLabel(parsed.startYear, 4) : null;
}
