import { DomainError } from '../../domain-error';
import { daysInMonth, isoDate, lastDayOfMonth, MONTH_NAMES } from '../../periods/calendar';
import { normalisePeriod, periodBounds, requireHeldDate } from '../../periods/financial-periods';
import type { Due, TargetDate } from './priority-values';

/**
 * Reads a target date as a plan words it and keeps the words. The date is the last day the text
 * allows: "Oct 2023" → 2023-10-31, "2023/24 Q2" and "2023/24 Quarter 2" → 2023-09-30, "Throughout
 * the 23/24 year" → 2024-03-31, "31 May 2019" → itself. Texts naming no day, month, year or quarter
 * of a year ("Ongoing", "Q2", "Quarter 1", "TBA") have no date. An impossible day ("31 June 2023") is
 * refused rather than guessed.
 */
export function parseTargetDate(text: string): TargetDate {
  const trimmed = text.trim();
  return { text: trimmed, date: dateIn(trimmed) };
}

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const FINANCIAL_YEAR = String.raw`(\d{4}|\d{2})[/-](\d{2})`;
/** "Q2" or "Quarter 2": without it a plan's "2020/21 Quarter 1" read as the whole year. */
const QUARTER = String.raw`(?:Q|Quarter\s*)([1-4])`;

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'i');
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH},?\s+(\d{4})\b`, 'i');
const QUARTER_THEN_YEAR = new RegExp(String.raw`\b${QUARTER}\s*(?:of\s+)?${FINANCIAL_YEAR}\b`, 'i');
const YEAR_THEN_QUARTER = new RegExp(String.raw`\b${FINANCIAL_YEAR}[\s-]*${QUARTER}\b`, 'i');
const FINANCIAL_YEAR_ONLY = new RegExp(String.raw`\b${FINANCIAL_YEAR}\b`);
const CALENDAR_YEAR = /\b((?:19|20)\d{2})\b/;

function dateIn(text: string): string | null {
  let match = ISO_DATE.exec(text);
  if (match) return exactDate(text, Number(match[1]), Number(match[2]), Number(match[3]));
  match = NUMERIC_DATE.exec(text);
  if (match) return exactDate(text, Number(match[3]), Number(match[2]), Number(match[1]));
  match = DAY_MONTH_YEAR.exec(text);
  if (match) return exactDate(text, Number(match[3]), monthNumber(match[2]), Number(match[1]));
  match = MONTH_YEAR.exec(text);
  if (match) return lastDayOfMonth(Number(match[2]), monthNumber(match[1]));
  match = QUARTER_THEN_YEAR.exec(text);
  if (match) return endOfFinancialPeriod(match[2], match[3], match[1]);
  match = YEAR_THEN_QUARTER.exec(text);
  if (match) return endOfFinancialPeriod(match[1], match[2], match[3]);
  match = FINANCIAL_YEAR_ONLY.exec(text);
  if (match) return endOfFinancialPeriod(match[1], match[2], null);
  match = CALENDAR_YEAR.exec(text);
  if (match) return isoDate(Number(match[1]), 12, 31);
  return null;
}

function monthNumber(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((month) => month.slice(0, 3).toLowerCase() === prefix) + 1;
}

function exactDate(text: string, year: number, month: number, day: number): string {
  if (month < 1 || month > 12) {
    throw DomainError.ruleBroken(`The target date '${text}' is not a date: there is no month ${month}.`);
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    throw DomainError.ruleBroken(
      `The target date '${text}' is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${days} days.`,
    );
  }
  return isoDate(year, month, day);
}

/** "23/24" and "2023/24" name the same year; anything not consecutive ("23/25") is not a year. */
function endOfFinancialPeriod(start: string, end: string, quarter: string | null): string | null {
  const startYear = start.length === 2 ? 2000 + Number(start) : Number(start);
  if (Number(end) !== (startYear + 1) % 100) return null;
  const year = `${startYear}/${end}`;
  return periodBounds(quarter === null ? year : `${year}-Q${quarter}`).to;
}

/**
 * Reads when a milestone is due: a date written YYYY-MM-DD, or a period ("2020/21-Q1", "2020-21-Q1",
 * "2020/21"), due on the period's last day. Words ("next spring") are refused: they belong in the
 * target date, which keeps them. `outcome` names the milestone for the officer.
 */
export function parseDue(written: string, outcome: string): Due {
  const trimmed = written.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    return { period: null, date: requireHeldDate(trimmed, `due date of ${outcome}`) };
  }
  if (!/^\d{4}[/-]/.test(trimmed)) {
    throw DomainError.ruleBroken(
      `The due of ${outcome}, '${trimmed}', is not a period or a date: write a quarter as 2020/21-Q1, a year as 2020/21 or a day as 2020-06-30, and keep the plan's words in its target date.`,
    );
  }
  const period = normalisePeriod(trimmed);
  return { period, date: periodBounds(period).to };
}
