import { addWorkingDays, returnDeadline, type Nation } from '@app/domain';
import { BankHolidayCalendar } from './bank-holiday-calendar';

const calendar = new BankHolidayCalendar();
const after = (date: string, days: number, nation: Nation) => addWorkingDays(date, days, nation, calendar);

describe('working days after a period, with the bank holidays of the council’s nation', () => {
  it('skip Good Friday, Easter Monday and the weekends between after the 2024/25 year end in England and Wales', () => {
    expect(after('2025-03-31', 15, 'england-and-wales')).toBe('2025-04-23');
    expect(returnDeadline('2024/25-Q4', { deadlineWorkingDays: { monthly: 10, quarterly: 15, annual: 15 }, nation: 'england-and-wales' }, calendar)).toBe(
      '2025-04-23',
    );
  });

  it('count Easter Monday as a working day in Scotland, which has no such bank holiday', () => {
    expect(after('2025-03-31', 15, 'scotland')).toBe('2025-04-22');
  });

  it("skip St Patrick's Day in Northern Ireland only, after a month ending on a Friday", () => {
    expect(after('2025-02-28', 10, 'england-and-wales')).toBe('2025-03-14');
    expect(after('2025-02-28', 12, 'england-and-wales')).toBe('2025-03-18');
    expect(after('2025-02-28', 12, 'northern-ireland')).toBe('2025-03-19');
  });

  it('skip Christmas, Boxing Day and the weekend after the quarter ending 31 December, and 2 January in Scotland', () => {
    // 2024/25-Q3 ends on Tuesday 31 December 2024; 1 January is a bank holiday everywhere.
    expect(returnDeadline('2024/25-Q3', { deadlineWorkingDays: { monthly: 10, quarterly: 3, annual: 15 }, nation: 'england-and-wales' }, calendar)).toBe(
      '2025-01-06',
    );
    expect(returnDeadline('2024/25-Q3', { deadlineWorkingDays: { monthly: 10, quarterly: 3, annual: 15 }, nation: 'scotland' }, calendar)).toBe('2025-01-07');
  });

  it('count a month end on a Sunday from the Monday, and the August bank holiday by nation', () => {
    // 2025/26-M04 (July 2025) ends on Thursday 31 July; Scotland's summer bank holiday is 4 August, England's 25 August.
    const monthly = (nation: Nation) => returnDeadline('2025/26-M04', { deadlineWorkingDays: { monthly: 2, quarterly: 15, annual: 15 }, nation }, calendar);
    expect(monthly('england-and-wales')).toBe('2025-08-04');
    expect(monthly('scotland')).toBe('2025-08-05');
    // August 2025 ends on Sunday 31 August: the first working day after it is Monday 1 September.
    expect(after('2025-08-31', 1, 'england-and-wales')).toBe('2025-09-01');
  });
});
