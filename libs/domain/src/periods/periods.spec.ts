import {
  comparePeriods,
  dateOutsideHeldYearsFault,
  FIRST_FINANCIAL_YEAR_START,
  financialYearLabel,
  financialYearOf,
  fourthQuarterOf,
  instantOutsideHeldYearsFault,
  LAST_FINANCIAL_YEAR_START,
  normalisePeriod,
  parsePeriod,
  periodBounds,
  previousPeriod,
  requireHeldDate,
  samePeriodLastYear,
} from './financial-periods';
import { isWithinPlanPeriod, parsePlanPeriod, periodsOfPlan, requirePeriodOfPlan } from './plan-periods';

describe('financial periods', () => {
  it.each([
    ['2023/24', '2023/24'],
    ['2023-24', '2023/24'],
    ['2023/2024', '2023/24'],
    ['2023/24-Q2', '2023/24-Q2'],
    ['2023-24-Q2', '2023/24-Q2'],
    ['2023/24 q2', '2023/24-Q2'],
    [' 2099/00-Q4 ', '2099/00-Q4'],
  ])('reads %p as %p', (written, canonical) => {
    expect(normalisePeriod(written)).toBe(canonical);
  });

  it.each([
    ['2023/25', /'2023\/25' is not a financial year: write it as 2023\/24\./],
    ['2023-25-Q1', /'2023-25-Q1' is not a financial year: write it as 2023\/24-Q1\./],
    ['2023/24-Q5', /'2023\/24-Q5' is not a quarter: quarters run from Q1 \(April to June\) to Q4 \(January to March\)/],
    ['Q2 2023', /'Q2 2023' is not a period: write a financial year as 2023\/24, a quarter as 2023\/24-Q2 or a month as 2023\/24-M07/],
    ['', /'' is not a period/],
  ])('refuses %p', (written, message) => {
    expect(() => parsePeriod(written)).toThrow(expect.objectContaining({ kind: 'rule-broken', message: expect.stringMatching(message) }));
  });

  it.each(['0000/01', '9999/00', '1999/00', '1999/00-Q4', '2100/01', '0000-01-Q1'])(
    'refuses %p, a year no plan can hold',
    (written) => {
      expect(() => parsePeriod(written)).toThrow(
        expect.objectContaining({
          kind: 'rule-broken',
          message: `'${written}' is outside the financial years this service holds: they run from 2000/01 to 2099/00.`,
        }),
      );
    },
  );

  it('reads every label it accepts back as itself, from the first year to the last', () => {
    for (let startYear = FIRST_FINANCIAL_YEAR_START; startYear <= LAST_FINANCIAL_YEAR_START; startYear++) {
      const year = financialYearLabel(startYear);
      for (const label of [year, `${year}-Q1`, `${year}-Q4`]) expect(normalisePeriod(label)).toBe(label);
      expect(parsePeriod(year).startYear).toBe(startYear);
    }
  });

  it.each([
    ['2023/24', '2023-04-01', '2024-03-31'],
    ['2023/24-Q1', '2023-04-01', '2023-06-30'],
    ['2023/24-Q2', '2023-07-01', '2023-09-30'],
    ['2023/24-Q3', '2023-10-01', '2023-12-31'],
    ['2023/24-Q4', '2024-01-01', '2024-03-31'],
  ])('%s runs from %s to %s', (period, from, to) => {
    expect(periodBounds(period)).toEqual({ from, to });
  });

  it('names the year of a quarter', () => {
    expect(financialYearOf('2023-24-Q3')).toBe('2023/24');
    expect(financialYearOf('2023/24')).toBe('2023/24');
  });

  it.each([
    ['2023/24-Q1', '2022/23-Q4'],
    ['2023/24-Q3', '2023/24-Q2'],
    ['2023-24', '2022/23'],
    ['2000/01', '1999/00'],
  ])('the period before %s is %s', (period, previous) => {
    expect(previousPeriod(period)).toBe(previous);
  });

  it.each([
    ['2023/24-Q2', '2022/23-Q2'],
    ['2023/24-Q1', '2022/23-Q1'],
    ['2000/01-Q4', '1999/00-Q4'],
    ['2023/24', '2022/23'],
  ])('the same period a year before %s is %s', (period, lastYear) => {
    expect(samePeriodLastYear(period)).toBe(lastYear);
  });

  it('orders periods by when they end, a year just after its Q4', () => {
    const periods = ['2023/24', '2024/25-Q1', '2023/24-Q4', '2022/23', '2023/24-Q1', '2022/23-Q4'];
    expect([...periods].sort(comparePeriods)).toEqual([
      '2022/23-Q4',
      '2022/23',
      '2023/24-Q1',
      '2023/24-Q4',
      '2023/24',
      '2024/25-Q1',
    ]);
  });

  it('orders periods it has ordered before as it did then, however written, and still refuses a text that is no period', () => {
    const periods = ['2023/24-Q2', '2023-24-Q1', '2023/24-Q1', '2023/2024-Q2'];
    const first = [...periods].sort(comparePeriods);
    expect(first).toEqual(['2023-24-Q1', '2023/24-Q1', '2023/24-Q2', '2023/2024-Q2']);
    expect([...periods].reverse().sort(comparePeriods).map((period) => normalisePeriod(period))).toEqual(first.map((period) => normalisePeriod(period)));
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => comparePeriods('2023/24-Q5', '2023/24-Q1')).toThrow("'2023/24-Q5' is not a quarter");
    }
  });
});

describe('monthly periods', () => {
  it.each([
    ['2024/25-M07', '2024/25-M07'],
    ['2024-25-m7', '2024/25-M07'],
    ['2024/25 M12', '2024/25-M12'],
    ['2024-10', '2024/25-M07'],
    ['2024-04', '2024/25-M01'],
    ['2025-03', '2024/25-M12'],
    ['2025-01', '2024/25-M10'],
    [' 2024-12 ', '2024/25-M09'],
  ])('reads %p as %p', (written, canonical) => {
    expect(normalisePeriod(written)).toBe(canonical);
  });

  it('reads a year written with a dash as the year, never as a month: "2011-12" is 2011/12', () => {
    expect(normalisePeriod('2011-12')).toBe('2011/12');
    expect(normalisePeriod('2011/12-M09')).toBe('2011/12-M09');
    expect(periodBounds('2011/12-M09')).toEqual({ from: '2011-12-01', to: '2011-12-31' });
  });

  it.each([
    ['2024/25-M13', /'2024\/25-M13' is not a month: months run from M01 \(April\) to M12 \(March\)/],
    ['2024/25-M00', /is not a month/],
    ['2024-13', /'2024-13' is not a financial year: write it as 2024\/25/],
    ['2024/26-M02', /'2024\/26-M02' is not a financial year: write it as 2024\/25-M02/],
    ['2000-02', /'2000-02' is outside the financial years this service holds/],
  ])('refuses %p', (written, message) => {
    expect(() => parsePeriod(written)).toThrow(expect.objectContaining({ kind: 'rule-broken', message: expect.stringMatching(message) }));
  });

  it('reads every month of every year back as itself', () => {
    for (let startYear = FIRST_FINANCIAL_YEAR_START; startYear <= LAST_FINANCIAL_YEAR_START; startYear++) {
      for (let month = 1; month <= 12; month++) {
        const label = `${financialYearLabel(startYear)}-M${String(month).padStart(2, '0')}`;
        expect(normalisePeriod(label)).toBe(label);
      }
    }
  });

  it.each([
    ['2024/25-M01', '2024-04-01', '2024-04-30'],
    ['2024/25-M07', '2024-10-01', '2024-10-31'],
    ['2023/24-M11', '2024-02-01', '2024-02-29'],
    ['2024/25-M12', '2025-03-01', '2025-03-31'],
  ])('%s runs from %s to %s', (period, from, to) => {
    expect(periodBounds(period)).toEqual({ from, to });
  });

  it('goes back a month, across the year, and a year to the same month', () => {
    expect(previousPeriod('2024/25-M07')).toBe('2024/25-M06');
    expect(previousPeriod('2024/25-M01')).toBe('2023/24-M12');
    expect(samePeriodLastYear('2024/25-M07')).toBe('2023/24-M07');
    expect(financialYearOf('2024-10')).toBe('2024/25');
  });

  it('orders months among quarters and years by when they end, the longer last', () => {
    const periods = ['2024/25', '2024/25-Q1', '2024/25-M03', '2024/25-M04', '2024/25-M12', '2024/25-Q4', '2024/25-M01'];
    expect([...periods].sort(comparePeriods)).toEqual([
      '2024/25-M01',
      '2024/25-M03',
      '2024/25-Q1',
      '2024/25-M04',
      '2024/25-M12',
      '2024/25-Q4',
      '2024/25',
    ]);
  });

  it('is no plan period nor within a plan it is outside', () => {
    expect(() => parsePlanPeriod('2024-10')).toThrow(/A plan covers whole financial years, and '2024-10' is a month/);
    expect(isWithinPlanPeriod('2024/25-M12', parsePlanPeriod('2024/25'))).toBe(true);
    expect(isWithinPlanPeriod('2025-04', parsePlanPeriod('2024/25'))).toBe(false);
  });
});

describe('dates held', () => {
  const outside = 'must fall within the financial years this service holds, 1 April 2000 to 31 March 2100';

  it('holds the days of the financial years 2000/01 to 2099/00, and no others', () => {
    for (const date of ['2000-04-01', '2024-02-29', '2100-03-31']) expect(dateOutsideHeldYearsFault(date)).toBeNull();
    for (const date of ['0000-01-01', '0001-01-01', '2000-03-31', '2100-04-01', '9999-12-31']) {
      expect(dateOutsideHeldYearsFault(date)).toBe(outside);
    }
  });

  it('holds an instant by its UTC date, and refuses years far off, which print with a sign', () => {
    expect(instantOutsideHeldYearsFault(new Date('2024-03-19T18:00:00Z'))).toBeNull();
    expect(instantOutsideHeldYearsFault(new Date('2100-03-31T23:59:59.999Z'))).toBeNull();
    for (const instant of ['0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '+010000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z']) {
      expect(instantOutsideHeldYearsFault(new Date(instant))).toBe(outside);
    }
  });

  it('reads a held date back as itself, and refuses one that is not a day or not held, naming the field', () => {
    expect(requireHeldDate(' 2024-02-29 ', 'meeting date')).toBe('2024-02-29');
    expect(() => requireHeldDate('2024-02-30', 'meeting date')).toThrow("The meeting date '2024-02-30' is not a date");
    expect(() => requireHeldDate('1999-06-20', 'meeting date')).toThrow(`The meeting date '1999-06-20' ${outside}.`);
  });
});

describe('plan periods', () => {
  it('reads one financial year', () => {
    expect(parsePlanPeriod('2023/24')).toEqual({ kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' });
  });

  it('reads several whole years from dates or a label', () => {
    const threeYears = { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' };
    expect(parsePlanPeriod({ from: '2020-04-01', to: '2023-03-31' })).toEqual(threeYears);
    expect(parsePlanPeriod('2020 - 2023')).toEqual(threeYears);
  });

  it('hold every month, quarter and year they cover, in the order they end', () => {
    const periods = periodsOfPlan(parsePlanPeriod('2023-2025'));
    expect(periods).toHaveLength(34);
    expect(periods.slice(0, 5)).toEqual(['2023/24-M01', '2023/24-M02', '2023/24-M03', '2023/24-Q1', '2023/24-M04']);
    expect(periods.slice(14, 18)).toEqual(['2023/24-M12', '2023/24-Q4', '2023/24', '2024/25-M01']);
    expect(periods.at(-1)).toBe('2024/25');
    expect([...periods].sort(comparePeriods)).toEqual(periods);
  });

  it('labels a one-year range as its financial year', () => {
    expect(parsePlanPeriod({ from: '2023-04-01', to: '2024-03-31' }).label).toBe('2023/24');
    expect(parsePlanPeriod('2023-2024').label).toBe('2023/24');
  });

  it.each([
    [{ from: '2020-01-01', to: '2023-03-31' }, /starts on 1 April.*'2020-01-01' does not/],
    [{ from: '2020-04-01', to: '2023-04-30' }, /ends on 31 March.*'2023-04-30' does not/],
    [{ from: '2023-04-01', to: '2023-03-31' }, /must end at least one year after it starts/],
    ['2023/24-Q2', /A plan covers whole financial years, and '2023\/24-Q2' is a quarter/],
    ['2023/25', /'2023\/25' is not a financial year: write it as 2023\/24/],
    [{ from: '0000-04-01', to: '9999-03-31' }, /'0000-04-01 to 9999-03-31' is outside the financial years this service holds/],
    [{ from: '2020-04-01', to: '2101-03-31' }, /'2020-04-01 to 2101-03-31' is outside the financial years/],
    ['1999 - 2003', /'1999 - 2003' is outside the financial years/],
  ])('refuses %p', (input, message) => {
    expect(() => parsePlanPeriod(input)).toThrow(message);
  });

  it('reads the labels of the first and the last plans it accepts back as themselves', () => {
    for (const label of ['2000/01', '2099/00', '2000-2100', '2020-2023']) expect(parsePlanPeriod(label).label).toBe(label);
    expect(parsePlanPeriod({ from: '2000-04-01', to: '2100-03-31' }).label).toBe('2000-2100');
  });

  it('takes a period of the plan to report on, in canonical form, and refuses one outside it naming the periods there are', () => {
    const threeYears = parsePlanPeriod('2020-2023');
    expect(requirePeriodOfPlan('2021-22-Q3', threeYears)).toBe('2021/22-Q3');
    expect(requirePeriodOfPlan('2022/23', threeYears)).toBe('2022/23');
    expect(() => requirePeriodOfPlan('2023-24-Q1', threeYears)).toThrow(
      "2023/24-Q1 is outside this plan's period, 2020-2023 (1 April 2020 to 31 March 2023): " +
        'its reports are for 2020/21, 2021/22 and 2022/23 and their quarters, 2020/21-Q1 to 2022/23-Q4.',
    );
    expect(() => requirePeriodOfPlan('2019/20', parsePlanPeriod('2023/24'))).toThrow(
      "2019/20 is outside this plan's period, 2023/24 (1 April 2023 to 31 March 2024): its reports are for 2023/24 and its quarters, 2023/24-Q1 to 2023/24-Q4.",
    );
  });

  it('names the fourth quarter of a year, and none of a quarter', () => {
    expect(fourthQuarterOf('2023-24')).toBe('2023/24-Q4');
    expect(fourthQuarterOf('2023/24-Q2')).toBeNull();
  });

  it("tells whether a period lies within the plan's", () => {
    const plan = parsePlanPeriod('2020-2023');
    expect(isWithinPlanPeriod('2020/21-Q1', plan)).toBe(true);
    expect(isWithinPlanPeriod('2022/23', plan)).toBe(true);
    expect(isWithinPlanPeriod('2022-23-Q4', plan)).toBe(true);
    expect(isWithinPlanPeriod('2019/20-Q4', plan)).toBe(false);
    expect(isWithinPlanPeriod('2023/24-Q1', plan)).toBe(false);
  });
});
