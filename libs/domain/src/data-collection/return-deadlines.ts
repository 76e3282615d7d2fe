import { DomainError } from '../domain-error';
import { FREQUENCIES, type Frequency } from '../plan/indicators/indicator-values';
import { isoDate } from '../periods/calendar';
import { parsePeriod, periodBounds, type PeriodKind } from '../periods/financial-periods';

/**
 * When a return falls due: a number of working days after its period's last day, counted Monday to
 * Friday without the bank holidays of the council's nation. The UK's nations keep different bank
 * holidays (Scotland has no Easter Monday, Northern Ireland has St Patrick's Day), and England and
 * Wales share theirs.
 */

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

/**
 * Which days are bank holidays, from outside the domain (a library of the UK's published holidays):
 * the domain counts working days without knowing where the holidays come from.
 */
export interface WorkingDayCalendar {
  /** Whether the ISO date ("2025-04-21") is a public or bank holiday in the nation. */
  isBankHoliday(nation: Nation, date: string): boolean;
}

/** Working days after the period's end, per frequency of return: a month's, a quarter's, a year's. */
export type DeadlineWorkingDays = Record<Frequency, number>;

export type ReturnDeadlineRule = { deadlineWorkingDays: DeadlineWorkingDays; nation: Nation };

/** What a council that never set its deadlines allows: two weeks after a month, three after a quarter or a year, in England and Wales. */
export const DEFAULT_RETURN_DEADLINE_RULE: ReturnDeadlineRule = {
  deadlineWorkingDays: { monthly: 10, quarterly: 15, annual: 15 },
  nation: 'england-and-wales',
};

/** A return can fall due from the next working day to about three months after its period. */
export const MAX_DEADLINE_WORKING_DAYS = 60;

const FREQUENCY_OF_PERIOD: Record<PeriodKind, Frequency> = { month: 'monthly', quarter: 'quarterly', year: 'annual' };

/** The frequency whose returns are for periods like this one: a month's are monthly returns. */
export const frequencyOfPeriod = (period: string): Frequency => FREQUENCY_OF_PERIOD[parsePeriod(period).kind];

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return isoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** The `days`-th working day after `date` (an ISO date), the date itself not counted. */
export function addWorkingDays(date: string, days: number, nation: Nation, calendar: WorkingDayCalendar): string {
  let day = date;
  for (let counted = 0; counted < days; ) {
    day = nextDay(day);
    if (!isWeekend(day) && !calendar.isBankHoliday(nation, day)) counted += 1;
  }
  return day;
}

/** The last day a period's return may be submitted on time ("2025-04-23" for 2024/25-Q4 in England, 15 working days). */
export function returnDeadline(period: string, rule: ReturnDeadlineRule, calendar: WorkingDayCalendar): string {
  return addWorkingDays(periodBounds(period).to, rule.deadlineWorkingDays[frequencyOfPeriod(period)], rule.nation, calendar);
}

/**
 * The deadlines after a change: the frequencies given take their new number of days, the others
 * keep theirs. Each is a whole number of days from 1 to MAX_DEADLINE_WORKING_DAYS.
 */
export function requireDeadlineRule(
  inForce: ReturnDeadlineRule,
  change: { deadlineWorkingDays?: Partial<DeadlineWorkingDays>; nation?: string },
): ReturnDeadlineRule {
  const deadlineWorkingDays = { ...inForce.deadlineWorkingDays };
  for (const frequency of FREQUENCIES) {
    const days = change.deadlineWorkingDays?.[frequency];
    if (days === undefined) continue;
    if (!Number.isInteger(days) || days < 1 || days > MAX_DEADLINE_WORKING_DAYS) {
      throw DomainError.ruleBroken(
        `The deadline for ${frequency} returns is a whole number of working days from 1 to ${MAX_DEADLINE_WORKING_DAYS}, not ${days}.`,
      );
    }
    deadlineWorkingDays[frequency] = days;
  }
  const nation = change.nation ?? inForce.nation;
  if (!(NATIONS as readonly string[]).includes(nation)) {
    throw DomainError.ruleBroken(`The council's nation, whose bank holidays are not working days, is one of ${NATIONS.join(', ')}, not '${nation}'.`);
  }
  return { deadlineWorkingDays, nation: nation as Nation };
}

export const sameDeadlineRule = (a: ReturnDeadlineRule, b: ReturnDeadlineRule): boolean =>
  a.nation === b.nation && FREQUENCIES.every((frequency) => a.deadlineWorkingDays[frequency] === b.deadlineWorkingDays[frequency]);
