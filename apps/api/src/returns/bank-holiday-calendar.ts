import type { Nation, WorkingDayCalendar } from '@app/domain';
import Holidays from 'date-holidays';

/** `date-holidays`' region of each nation: Wales keeps England's bank holidays. */
const REGION_OF_NATION: Record<Nation, [country: string, state: string]> = {
  'england-and-wales': ['GB', 'ENG'],
  scotland: ['GB', 'SCT'],
  'northern-ireland': ['GB', 'NIR'],
};

/** Public and bank holidays are days off; observances (Mother's Day) and optional days are not. */
const DAYS_OFF = new Set(['public', 'bank']);

/**
 * The UK's bank holidays per nation, from `date-holidays`, which follows the published lists
 * (substitute days included) rather than a list typed here. Each nation's year is worked out once.
 */
export class BankHolidayCalendar implements WorkingDayCalendar {
  private readonly holidays = new Map<Nation, Holidays>();
  private readonly years = new Map<string, Set<string>>();

  isBankHoliday(nation: Nation, date: string): boolean {
    return this.daysOff(nation, Number(date.slice(0, 4))).has(date);
  }

  private daysOff(nation: Nation, year: number): Set<string> {
    const key = `${nation} ${year}`;
    let days = this.years.get(key);
    if (!days) {
      const holidays = this.holidays.get(nation) ?? new Holidays(...REGION_OF_NATION[nation]);
      this.holidays.set(nation, holidays);
      days = new Set(holidays.getHolidays(year).filter(({ type }) => DAYS_OFF.has(type)).map(({ date }) => date.slice(0, 10)));
      this.years.set(key, days);
    }
    return days;
  }
}
