import { parseDue, parseTargetDate } from './target-dates';

describe('target dates', () => {
  it.each([
    ['Oct 2023', '2023-10-31'],
    ['Aug 2023', '2023-08-31'],
    ['Sept 2024', '2024-09-30'],
    ['September 2023', '2023-09-30'],
    ['Feb 2024', '2024-02-29'],
    ['August 2023 Cabinet', '2023-08-31'],
    ['March 2024', '2024-03-31'],
    ['31 May 2019', '2019-05-31'],
    ['1st June 2023', '2023-06-01'],
    ['2023-10-31', '2023-10-31'],
    ['02/10/2019', '2019-10-02'],
    ['Q2 2023/24', '2023-09-30'],
    ['2023/24 Q4', '2024-03-31'],
    ['Throughout the 23/24 year', '2024-03-31'],
    ['By 2021', '2021-12-31'],
    // Three Rivers prints a multi-year plan's milestones under "2020/21 Milestones", "Quarter 1".
    ['2020/21 Quarter 1', '2020-06-30'],
    ['Quarter 2 2020/21', '2020-09-30'],
    ['2020/21 Q3', '2020-12-31'],
    ['Quarter 1 of 2021/22', '2021-06-30'],
    ['2022-23 quarter 2', '2022-09-30'],
  ])('%p means %p', (text, date) => {
    expect(parseTargetDate(text)).toEqual({ text, date });
  });

  it.each(['Ongoing', 'Q2', 'Quarter 1', 'TBA', 'Throughout the year', '23/25'])('%p has no date', (text) => {
    expect(parseTargetDate(text)).toEqual({ text, date: null });
  });

  it('keeps the words without surrounding space', () => {
    expect(parseTargetDate('  July 2023 ')).toEqual({ text: 'July 2023', date: '2023-07-31' });
  });

  it.each([
    ['31 June 2023', /'31 June 2023' is not a date: June 2023 has 30 days/],
    ['2023-02-29', /February 2023 has 28 days/],
    ['2023-13-01', /there is no month 13/],
  ])('refuses the impossible %p', (text, message) => {
    expect(() => parseTargetDate(text)).toThrow(message);
  });
});

describe('due of a milestone', () => {
  it.each([
    ['2020/21-Q1', { period: '2020/21-Q1', date: '2020-06-30' }],
    ['2020-21-Q4', { period: '2020/21-Q4', date: '2021-03-31' }],
    ['2021/22', { period: '2021/22', date: '2022-03-31' }],
    [' 2020-09-15 ', { period: null, date: '2020-09-15' }],
  ])('%p is due %p', (written, due) => {
    expect(parseDue(written, 'outcome 1 of project WD')).toEqual(due);
  });

  it.each([
    ['Q1', /The due of outcome 1 of project WD, 'Q1', is not a period or a date: write a quarter as 2020\/21-Q1/],
    ['Improvement completed', /is not a period or a date/],
    ['2020/22-Q1', /'2020\/22-Q1' is not a financial year: write it as 2020\/21-Q1/],
    ['2020/21-Q5', /is not a quarter/],
    ['2020-02-30', /The due date of outcome 1 of project WD '2020-02-30' is not a date/],
    ['1999-06-30', /must fall within the financial years this service holds/],
  ])('refuses %p', (written, message) => {
    expect(() => parseDue(written, 'outcome 1 of project WD')).toThrow(message);
  });
});
