import { DomainError } from '../domain-error';
import type { PlanPeriod } from '../plan/plan-values';
import { isoDate, longDate } from './calendar';
import { financialYearLabel, normalisePeriod, parsePeriod, periodBounds, periodsOfFinancialYear, requirePlausibleFinancialYear } from './financial-periods';

/**
 * A plan covers whole financial years: one ("2023/24") or several ("2020-2023", 1 April 2020 to
 * 31 March 2023). A one-year range is labelled as that year, however it was written.
 */
export function parsePlanPeriod(input: string | { from: string; to: string }): PlanPeriod {
  if (typeof input !== 'string') return planPeriodFromDates(input.from, input.to);
  const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(input.trim());
  if (range) return planPeriodFromYears(Number(range[1]), Number(range[2]), input);
  const period = parsePeriod(input);
  if (period.kind !== 'year') {
    throw DomainError.ruleBroken(
      `A plan covers whole financial years, and '${input}' is a ${period.kind}: write the year, for example ${financialYearLabel(period.startYear)}.`,
    );
  }
  return planPeriodFromYears(period.startYear, period.startYear + 1, input);
}

function planPeriodFromDates(from: string, to: string): PlanPeriod {
  const start = /^(\d{4})-04-01$/.exec(from.trim());
  if (!start) {
    throw DomainError.ruleBroken(`A plan's period starts on 1 April, the first day of a financial year: '${from}' does not.`);
  }
  const end = /^(\d{4})-03-31$/.exec(to.trim());
  if (!end) {
    throw DomainError.ruleBroken(`A plan's period ends on 31 March, the last day of a financial year: '${to}' does not.`);
  }
  return planPeriodFromYears(Number(start[1]), Number(end[1]), `${from} to ${to}`);
}

function planPeriodFromYears(startYear: number, endYear: number, written: string): PlanPeriod {
  if (endYear <= startYear) {
    throw DomainError.ruleBroken(`'${written}' is not a plan period: it must end at least one year after it starts.`);
  }
  requirePlausibleFinancialYear(startYear, written);
  requirePlausibleFinancialYear(endYear - 1, written);
  const from = isoDate(startYear, 4, 1);
  const to = isoDate(endYear, 3, 31);
  return endYear === startYear + 1
    ? { kind: 'financial-year', label: financialYearLabel(startYear), from, to }
    : { kind: 'multi-year', label: `${startYear}-${endYear}`, from, to };
}

export function isWithinPlanPeriod(period: string, planPeriod: PlanPeriod): boolean {
  const { from, to } = periodBounds(period);
  return from >= planPeriod.from && to <= planPeriod.to;
}

/** Every month, quarter and year a plan covers, in the order they end. */
export function periodsOfPlan(planPeriod: Pick<PlanPeriod, 'from' | 'to'>): string[] {
  const firstYear = Number(planPeriod.from.slice(0, 4));
  const lastYear = Number(planPeriod.to.slice(0, 4)) - 1;
  const periods: string[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) periods.push(...periodsOfFinancialYear(year));
  return periods;
}

/** "2020-2023 (1 April 2020 to 31 March 2023)", for messages. */
export function describePlanPeriod(planPeriod: PlanPeriod): string {
  return `${planPeriod.label} (${longDate(planPeriod.from)} to ${longDate(planPeriod.to)})`;
}

/**
 * A period a plan can be reported for, in canonical form: one of its years or their quarters. A
 * report for another would be empty rather than wrong, so it is refused, naming the periods there are.
 */
export function requirePeriodOfPlan(written: string, planPeriod: PlanPeriod): string {
  const period = normalisePeriod(written);
  if (isWithinPlanPeriod(period, planPeriod)) return period;
  const years = yearsOf(planPeriod);
  const first = years[0];
  const last = years[years.length - 1];
  const reported =
    years.length === 1
      ? `${first} and its quarters, ${first}-Q1 to ${last}-Q4`
      : `${listed(years)} and their quarters, ${first}-Q1 to ${last}-Q4`;
  throw DomainError.ruleBroken(
    `${period} is outside this plan's period, ${describePlanPeriod(planPeriod)}: its reports are for ${reported}.`,
  );
}

/** The financial years a plan covers, in order: "2020/21", "2021/22", "2022/23". */
function yearsOf(planPeriod: PlanPeriod): string[] {
  const firstStart = Number(planPeriod.from.slice(0, 4));
  const lastStart = Number(planPeriod.to.slice(0, 4)) - 1;
  return Array.from({ length: lastStart - firstStart + 1 }, (_, index) => financialYearLabel(firstStart + index));
}

/** "a, b and c". */
const listed = (items: string[]): string => `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
