import type { BudgetLineAdded, PlanDrafted, PlanEvent } from '../plan-events';
import { PLAN_LIMITS } from '../plan-limits';
import { given } from '../testing/given-when-then';
import { approvedPlan, HART_PLAN_ID } from '../testing/plan-fixtures';
import { budgetTotals } from './budget-values';

const planId = 'three-rivers-corporate-services-2020-23';

/** Three Rivers' Corporate Services plan 2020-2023, as drafted. */
const threeRiversDrafted: PlanDrafted = {
  type: 'PlanDrafted',
  data: {
    planId,
    council: 'three-rivers',
    service: 'Corporate Services',
    title: 'Corporate Services Service Plan 2020 - 2023',
    period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
    owner: null,
  },
};

const NET_COST = 'Net Cost of Service (Direct cost / Income Only)';

/** The one line the plan prints: its net cost in each of its three years, as the latest budgets. */
const netCostAdded: BudgetLineAdded = {
  type: 'BudgetLineAdded',
  data: {
    planId,
    code: 'CS-NET',
    title: NET_COST,
    note: null,
    amounts: [
      { year: '2020/21', kind: 'latest', value: 1_824_973 },
      { year: '2021/22', kind: 'latest', value: 1_768_881 },
      { year: '2022/23', kind: 'latest', value: 1_840_221 },
    ],
  },
};

const add = (data: { code: string; title: string; amounts?: Array<{ year: string; kind: 'original' | 'latest' | 'forecast' | 'outturn'; value: number }>; note?: string }) => ({
  type: 'AddBudgetLine' as const,
  data,
});

describe('adding a budget line', () => {
  it('holds the amounts with their years in canonical form, in year order and within a year by kind', () => {
    given([threeRiversDrafted])
      .when(
        add({
          code: 'CS-NET',
          title: NET_COST,
          amounts: [
            { year: '2022-23', kind: 'latest', value: 1_840_221 },
            { year: '2020/21', kind: 'latest', value: 1_824_973 },
            { year: '2021-22', kind: 'latest', value: 1_768_881 },
          ],
        }),
      )
      .then([netCostAdded]);
  });

  it('keeps income as negative amounts, pence and the note as written', () => {
    given([threeRiversDrafted])
      .when(
        add({
          code: 'LAND',
          title: 'Land charges',
          note: 'Income fell in 2020/21: fewer searches during lockdown.',
          amounts: [
            { year: '2020/21', kind: 'outturn', value: -98_450.5 },
            { year: '2020/21', kind: 'original', value: -120_000 },
          ],
        }),
      )
      .then([
        {
          type: 'BudgetLineAdded',
          data: {
            planId,
            code: 'LAND',
            title: 'Land charges',
            note: 'Income fell in 2020/21: fewer searches during lockdown.',
            amounts: [
              { year: '2020/21', kind: 'original', value: -120_000 },
              { year: '2020/21', kind: 'outturn', value: -98_450.5 },
            ],
          },
        },
      ]);
  });

  it('accepts a line with no amounts yet', () => {
    given([threeRiversDrafted])
      .when(add({ code: 'CS-NET', title: NET_COST }))
      .then([{ type: 'BudgetLineAdded', data: { planId, code: 'CS-NET', title: NET_COST, note: null, amounts: [] } }]);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when(add({ code: 'CS01', title: 'Corporate Services', amounts: [{ year: '2023/24', kind: 'original', value: 500 }] }))
      .then([
        { type: 'PlanReopenedForRevision', data: { planId: HART_PLAN_ID, reason: 'Budget line CS01 added' } },
        {
          type: 'BudgetLineAdded',
          data: { planId: HART_PLAN_ID, code: 'CS01', title: 'Corporate Services', note: null, amounts: [{ year: '2023/24', kind: 'original', value: 500 }] },
        },
      ]);
  });

  it('refuses a code already in the plan, in any capitals', () => {
    given([threeRiversDrafted], [netCostAdded])
      .when(add({ code: 'cs-net', title: 'Again' }))
      .thenRefused('rule-broken', /^Budget line 'cs-net' is already in this plan: choose another reference, or revise it\.$/);
  });

  it('refuses two amounts for the same year and kind, even written differently', () => {
    given([threeRiversDrafted])
      .when(
        add({
          code: 'CS-NET',
          title: NET_COST,
          amounts: [
            { year: '2020/21', kind: 'latest', value: 1 },
            { year: '2020-21', kind: 'latest', value: 2 },
          ],
        }),
      )
      .thenRefused('rule-broken', /^Budget line CS-NET gives two latest amounts for 2020\/21: give one amount per year and kind\.$/);
  });

  it('refuses a quarter, naming its year', () => {
    given([threeRiversDrafted])
      .when(add({ code: 'CS-NET', title: NET_COST, amounts: [{ year: '2020/21-Q2', kind: 'forecast', value: 1 }] }))
      .thenRefused('rule-broken', /^Budget line CS-NET gives 2020\/21-Q2, a quarter: budgets are set per financial year, so write 2020\/21\.$/);
  });

  it('accepts years from two before the plan to three after it, and refuses years beyond', () => {
    given([threeRiversDrafted])
      .when(
        add({
          code: 'CS-NET',
          title: NET_COST,
          amounts: [
            { year: '2018/19', kind: 'outturn', value: 1 },
            { year: '2025/26', kind: 'forecast', value: 1 },
          ],
        }),
      )
      .then([expect.objectContaining({ type: 'BudgetLineAdded' })] as PlanEvent[]);
    for (const year of ['2017/18', '2026/27']) {
      given([threeRiversDrafted])
        .when(add({ code: 'CS-NET', title: NET_COST, amounts: [{ year, kind: 'forecast', value: 1 }] }))
        .thenRefused(
          'rule-broken',
          new RegExp(`^Budget line CS-NET gives an amount for ${year}, too far from this plan's period, 2020-2023: its budget may name the years 2018/19 to 2025/26\\.$`),
        );
    }
  });

  it('refuses fractions of a penny and amounts beyond ten billion pounds', () => {
    given([threeRiversDrafted])
      .when(add({ code: 'CS-NET', title: NET_COST, amounts: [{ year: '2020/21', kind: 'latest', value: 10.005 }] }))
      .thenRefused('rule-broken', /^Budget line CS-NET gives £10\.005: amounts are in pounds and pence, with at most two decimal places\.$/);
    given([threeRiversDrafted])
      .when(add({ code: 'CS-NET', title: NET_COST, amounts: [{ year: '2020/21', kind: 'latest', value: -10_000_000_001 }] }))
      .thenRefused('rule-broken', /at most £10,000,000,000 either way \(income is negative\)\.$/);
    given([threeRiversDrafted])
      .when(add({ code: 'CS-NET', title: NET_COST, amounts: [{ year: '2020/21', kind: 'latest', value: Number.POSITIVE_INFINITY }] }))
      .thenRefused('rule-broken', /an amount is in pounds/);
  });

  it('refuses lines and amounts beyond their limits', () => {
    const full: PlanEvent[] = Array.from({ length: PLAN_LIMITS.budgetLinesPerPlan.limit }, (_, index) => ({
      type: 'BudgetLineAdded',
      data: { planId, code: `L${index}`, title: 'Line', note: null, amounts: [] },
    }));
    given([threeRiversDrafted], full)
      .when(add({ code: 'ONE-MORE', title: 'Line' }))
      .thenRefused('rule-broken', /^A plan may have at most 200 budget lines: this plan would have 201\.$/);
    const amounts = Array.from({ length: 50_000 }, () => ({ year: '2020/21', kind: 'latest' as const, value: 1 }));
    given([threeRiversDrafted])
      .when(add({ code: 'CS-NET', title: NET_COST, amounts }))
      .thenRefused('rule-broken', /^A budget line may have at most 100 amounts: budget line CS-NET would have 50000\.$/);
  });
});

describe('revising a budget line', () => {
  it('replaces the amounts with the full new list, keeping the old list beside it', () => {
    given([threeRiversDrafted], [netCostAdded])
      .when({
        type: 'ReviseBudgetLine',
        data: {
          code: 'cs-net',
          amounts: [
            ...netCostAdded.data.amounts,
            { year: '2020/21', kind: 'outturn', value: 1_790_112.4 },
          ],
          reason: 'Outturn for 2020/21 reported to Policy and Resources',
        },
      })
      .then([
        {
          type: 'BudgetLineRevised',
          data: {
            planId,
            code: 'CS-NET',
            changes: {
              amounts: [
                { year: '2020/21', kind: 'latest', value: 1_824_973 },
                { year: '2020/21', kind: 'outturn', value: 1_790_112.4 },
                { year: '2021/22', kind: 'latest', value: 1_768_881 },
                { year: '2022/23', kind: 'latest', value: 1_840_221 },
              ],
            },
            previous: { amounts: netCostAdded.data.amounts },
            reason: 'Outturn for 2020/21 reported to Policy and Resources',
          },
        },
      ]);
  });

  it('changes the title and note alone, and removes a note given as null', () => {
    const noted: BudgetLineAdded = { ...netCostAdded, data: { ...netCostAdded.data, note: 'Before the pay award' } };
    given([threeRiversDrafted], [noted])
      .when({ type: 'ReviseBudgetLine', data: { code: 'CS-NET', title: 'Net cost of service', note: null, amounts: [...netCostAdded.data.amounts].reverse(), reason: 'Shorter title' } })
      .then([
        {
          type: 'BudgetLineRevised',
          data: {
            planId,
            code: 'CS-NET',
            changes: { title: 'Net cost of service', note: null },
            previous: { title: NET_COST, note: 'Before the pay award' },
            reason: 'Shorter title',
          },
        },
      ]);
  });

  it('refuses a revision that changes nothing, a missing reason and a line not in the plan', () => {
    given([threeRiversDrafted], [netCostAdded])
      .when({ type: 'ReviseBudgetLine', data: { code: 'CS-NET', title: NET_COST, reason: 'Same' } })
      .thenRefused('rule-broken', /^Nothing would change: budget line CS-NET already says that\.$/);
    given([threeRiversDrafted], [netCostAdded])
      .when({ type: 'ReviseBudgetLine', data: { code: 'CS-NET', title: 'New', reason: '  ' } })
      .thenRefused('rule-broken', /^Give a reason for revising budget line CS-NET\.$/);
    given([threeRiversDrafted])
      .when({ type: 'ReviseBudgetLine', data: { code: 'cs-net', title: 'New', reason: 'Why' } })
      .thenRefused('not-found', /^Budget line 'cs-net' is not in this plan\.$/);
  });

  it('checks the new amounts as an added line\'s', () => {
    given([threeRiversDrafted], [netCostAdded])
      .when({
        type: 'ReviseBudgetLine',
        data: { code: 'CS-NET', amounts: [{ year: '2030/31', kind: 'forecast', value: 1 }], reason: 'MTFS' },
      })
      .thenRefused('rule-broken', /^Budget line CS-NET gives an amount for 2030\/31, too far from this plan's period/);
  });
});

describe('removing a budget line', () => {
  it('keeps the line as it was in the event', () => {
    given([threeRiversDrafted], [netCostAdded])
      .when({ type: 'RemoveBudgetLine', data: { code: 'Cs-Net', reason: 'Shown per cost centre instead' } })
      .then([
        {
          type: 'BudgetLineRemoved',
          data: {
            planId,
            code: 'CS-NET',
            previous: { title: NET_COST, note: null, amounts: netCostAdded.data.amounts },
            reason: 'Shown per cost centre instead',
          },
        },
      ]);
  });

  it('refuses without a reason, a line not in the plan, and a line removed already', () => {
    given([threeRiversDrafted], [netCostAdded])
      .when({ type: 'RemoveBudgetLine', data: { code: 'CS-NET', reason: '' } })
      .thenRefused('rule-broken', /^Give a reason for removing budget line CS-NET\.$/);
    given([threeRiversDrafted])
      .when({ type: 'RemoveBudgetLine', data: { code: 'CS-NET', reason: 'Gone' } })
      .thenRefused('not-found', /^Budget line 'CS-NET' is not in this plan\.$/);
    given([threeRiversDrafted], [netCostAdded], [
      { type: 'BudgetLineRemoved', data: { planId, code: 'CS-NET', previous: { ...netCostAdded.data }, reason: 'Gone' } },
    ])
      .when({ type: 'RemoveBudgetLine', data: { code: 'CS-NET', reason: 'Gone' } })
      .thenRefused('not-found', /^Budget line 'CS-NET' is not in this plan\.$/);
  });
});

describe('the totals the plan prints', () => {
  const printedNetCost = netCostAdded.data.amounts;
  const printedSet = (year: string, value: number, previous: number | null, reason: string | null): PlanEvent => ({
    type: 'BudgetPrintedTotalSet',
    data: { planId, year, kind: 'latest', value, previous, reason },
  });

  it('sets each total as printed, the first time without a reason', () => {
    given([threeRiversDrafted], [netCostAdded])
      .when({ type: 'SetPrintedBudgetTotals', data: { totals: [...printedNetCost].reverse() } })
      .then([printedSet('2020/21', 1_824_973, null, null), printedSet('2021/22', 1_768_881, null, null), printedSet('2022/23', 1_840_221, null, null)]);
  });

  it('changes and removes printed totals with a reason, keeping what they were', () => {
    const printed = [printedSet('2020/21', 1_824_973, null, null), printedSet('2021/22', 1_768_881, null, null)];
    given([threeRiversDrafted], [netCostAdded], printed)
      .when({
        type: 'SetPrintedBudgetTotals',
        data: {
          totals: [
            { year: '2020/21', kind: 'latest', value: 1_824_937 },
            { year: '2022/23', kind: 'latest', value: 1_840_221 },
          ],
          reason: 'As corrected in the plan',
        },
      })
      .then([
        printedSet('2020/21', 1_824_937, 1_824_973, 'As corrected in the plan'),
        printedSet('2022/23', 1_840_221, null, 'As corrected in the plan'),
        { type: 'BudgetPrintedTotalRemoved', data: { planId, year: '2021/22', kind: 'latest', previous: 1_768_881, reason: 'As corrected in the plan' } },
      ]);
  });

  it('refuses a change without a reason, a list that changes nothing, and amounts a line could not hold', () => {
    const printed = [printedSet('2020/21', 1_824_973, null, null)];
    given([threeRiversDrafted], printed)
      .when({ type: 'SetPrintedBudgetTotals', data: { totals: [] } })
      .thenRefused('rule-broken', /^Give a reason for changing the printed budget totals\.$/);
    given([threeRiversDrafted], printed)
      .when({ type: 'SetPrintedBudgetTotals', data: { totals: [{ year: '2020-21', kind: 'latest', value: 1_824_973 }], reason: 'Same' } })
      .thenRefused('rule-broken', /^Nothing would change: the printed budget totals already say that\.$/);
    given([threeRiversDrafted])
      .when({ type: 'SetPrintedBudgetTotals', data: { totals: [] } })
      .thenRefused('rule-broken', /^Nothing would change/);
    given([threeRiversDrafted])
      .when({
        type: 'SetPrintedBudgetTotals',
        data: { totals: [{ year: '2020/21', kind: 'latest', value: 1 }, { year: '2020/21', kind: 'latest', value: 2 }] },
      })
      .thenRefused('rule-broken', /^The printed totals give two latest amounts for 2020\/21: give one amount per year and kind\.$/);
    given([threeRiversDrafted])
      .when({ type: 'SetPrintedBudgetTotals', data: { totals: [{ year: '2024/25-Q1', kind: 'latest', value: 1 }] } })
      .thenRefused('rule-broken', /^The printed totals give 2024\/25-Q1, a quarter/);
    given([threeRiversDrafted])
      .when({ type: 'SetPrintedBudgetTotals', data: { totals: Array.from({ length: 101 }, () => ({ year: '2020/21', kind: 'latest' as const, value: 1 })) } })
      .thenRefused('rule-broken', /^A plan may have at most 100 printed budget totals: this plan would have 101\.$/);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when({ type: 'SetPrintedBudgetTotals', data: { totals: [{ year: '2023/24', kind: 'original', value: 10 }] } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId: HART_PLAN_ID, reason: 'Printed budget totals set' } },
        { type: 'BudgetPrintedTotalSet', data: { planId: HART_PLAN_ID, year: '2023/24', kind: 'original', value: 10, previous: null, reason: null } },
      ]);
  });
});

describe('budget totals', () => {
  it('sums each year and kind exactly, in pence, income netted off', () => {
    const totals = budgetTotals(
      [
        { amounts: [{ year: '2020/21', kind: 'latest', value: 0.1 }, { year: '2020/21', kind: 'original', value: 100 }] },
        { amounts: [{ year: '2020/21', kind: 'latest', value: 0.2 }, { year: '2019/20', kind: 'outturn', value: -40.55 }] },
        { amounts: [{ year: '2020/21', kind: 'latest', value: -0.3 }] },
      ],
      [],
    );
    expect(totals).toEqual([
      { year: '2019/20', kind: 'outturn', value: -40.55, lines: 1, printed: null, difference: null },
      { year: '2020/21', kind: 'original', value: 100, lines: 1, printed: null, difference: null },
      { year: '2020/21', kind: 'latest', value: 0, lines: 3, printed: null, difference: null },
    ]);
  });

  it('puts a printed total beside the computed one with the difference, and totals 0 where no line has an amount', () => {
    const totals = budgetTotals(
      [{ amounts: [{ year: '2020/21', kind: 'latest', value: 1_000.1 }, { year: '2020/21', kind: 'original', value: 900 }] }],
      [
        { year: '2020/21', kind: 'latest', value: 1_000.3 },
        { year: '2020/21', kind: 'original', value: 900 },
        { year: '2020/21', kind: 'outturn', value: 950 },
      ],
    );
    expect(totals).toEqual([
      { year: '2020/21', kind: 'original', value: 900, lines: 1, printed: 900, difference: 0 },
      { year: '2020/21', kind: 'latest', value: 1_000.1, lines: 1, printed: 1_000.3, difference: -0.2 },
      { year: '2020/21', kind: 'outturn', value: 0, lines: 0, printed: 950, difference: -950 },
    ]);
  });
});
