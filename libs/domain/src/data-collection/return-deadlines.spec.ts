import { addWorkingDays, returnDeadline, type WorkingDayCalendar } from './return-deadlines';
import { returnStatus } from './return-status';

/** Easter 2025 as the calendar outside the domain says it: Good Friday everywhere, Easter Monday but in Scotland. */
const easter2025: WorkingDayCalendar = {
  isBankHoliday: (nation, date) => date === '2025-04-18' || (nation !== 'scotland' && date === '2025-04-21'),
};
const rule = { deadlineWorkingDays: { monthly: 10, quarterly: 15, annual: 15 }, nation: 'england-and-wales' as const };

describe('return deadlines', () => {
  it('count working days after the day, skipping weekends and the bank holidays the calendar names', () => {
    expect(addWorkingDays('2025-03-31', 15, 'england-and-wales', easter2025)).toBe('2025-04-23');
    expect(addWorkingDays('2025-03-31', 15, 'scotland', easter2025)).toBe('2025-04-22');
    // Friday 4 April 2025: the next working day is Monday.
    expect(addWorkingDays('2025-04-04', 1, 'england-and-wales', easter2025)).toBe('2025-04-07');
  });

  it("fall after a period's last day by the days of its frequency", () => {
    expect(returnDeadline('2024/25-Q4', rule, easter2025)).toBe('2025-04-23');
    expect(returnDeadline('2024/25', rule, easter2025)).toBe('2025-04-23');
    // March 2025 is 2024/25-M12: ten working days, Good Friday not among them.
    expect(returnDeadline('2024/25-M12', rule, easter2025)).toBe('2025-04-14');
  });
});

describe('the status of a return', () => {
  it('is due until its deadline day has passed with nothing recorded, then overdue', () => {
    expect(returnStatus(null, '2025-04-23', '2025-04-23')).toBe('due');
    expect(returnStatus(null, '2025-04-23', '2025-04-24')).toBe('overdue');
  });

  it('is submitted once recorded, whatever the date, and verified once checked', () => {
    expect(returnStatus({ verification: 'unverified' }, '2025-04-23', '2025-05-30')).toBe('submitted');
    expect(returnStatus({ verification: null }, '2025-04-23', '2025-05-30')).toBe('submitted');
    expect(returnStatus({ verification: 'verified' }, '2025-04-23', '2025-05-30')).toBe('verified');
  });

  it('is owed again once its figure is rejected, due or overdue by the same deadline', () => {
    expect(returnStatus({ verification: 'rejected' }, '2025-04-23', '2025-04-20')).toBe('due');
    expect(returnStatus({ verification: 'rejected' }, '2025-04-23', '2025-04-28')).toBe('overdue');
  });
});
