import { foldPlanView, type PlanView } from '../plan-view';
import { changeItemOf, summaryOf } from '../plan-event-traits';
import { planEventOf } from '../plan-event';
import { buildMonitoringReport, DEFAULT_REPORT_RULES } from '../report';
import { PlanStream } from '../testing/plan-stream.fixture';
import { diffPlanViews } from '../version-diff';

const NET_COST = 'Net Cost of Service (Direct cost / Income Only)';
const printed = [
  { year: '2020/21', kind: 'latest' as const, value: 1_824_973 },
  { year: '2021/22', kind: 'latest' as const, value: 1_768_881 },
  { year: '2022/23', kind: 'latest' as const, value: 1_840_221 },
];

/**
 * Three Rivers' plan with its printed net cost, an income line, a printed total that disagrees and is
 * corrected, and a line added and removed, published as 1.0 and 2.0. All but the net cost is illustrative.
 */
function threeRiversBudget(): PlanStream {
  const plan = new PlanStream('three-rivers-cs-2020-23', '2019-10-02T10:00:00.000Z', 1000, 'three-rivers');
  plan.add('PlanDrafted', {
    council: 'three-rivers',
    service: 'Corporate Services',
    title: 'Corporate Services Service Plan 2020-2023',
    period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
    owner: null,
  });
  plan.add('BudgetLineAdded', { code: 'CS-NET', title: NET_COST, note: null, amounts: printed });
  plan.add('BudgetLineAdded', {
    code: 'LAND',
    title: 'Land charges',
    note: 'Income, so negative',
    amounts: [
      { year: '2020/21', kind: 'original', value: -120_000 },
      { year: '2020/21', kind: 'latest', value: -98_450.1 },
    ],
  });
  plan.add('BudgetPrintedTotalSet', { year: '2020/21', kind: 'latest', value: 1_726_532.9, previous: null, reason: null });
  plan.add('VersionPublished', { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });
  plan.add('BudgetLineRevised', {
    code: 'LAND',
    changes: {
      note: 'Fewer searches',
      amounts: [
        { year: '2020/21', kind: 'original', value: -120_000 },
        { year: '2020/21', kind: 'latest', value: -90_000.2 },
        { year: '2020/21', kind: 'outturn', value: -91_234.56 },
      ],
    },
    previous: {
      note: 'Income, so negative',
      amounts: [
        { year: '2020/21', kind: 'original', value: -120_000 },
        { year: '2020/21', kind: 'latest', value: -98_450.1 },
      ],
    },
    reason: 'Latest budget and outturn for 2020/21',
  });
  plan.add('BudgetPrintedTotalSet', {
    year: '2020/21',
    kind: 'latest',
    value: 1_734_972.8,
    previous: 1_726_532.9,
    reason: 'Printed total corrected',
  });
  plan.add('BudgetPrintedTotalSet', { year: '2019/20', kind: 'outturn', value: 1_700_000, previous: null, reason: 'Prior year outturn' });
  plan.add('BudgetPrintedTotalRemoved', { year: '2019/20', kind: 'outturn', previous: 1_700_000, reason: 'Not in this plan' });
  plan.add('BudgetLineAdded', { code: 'ELEC', title: 'Elections', note: null, amounts: [{ year: '2021/22', kind: 'forecast', value: 0.1 }] });
  plan.add('BudgetLineRemoved', {
    code: 'ELEC',
    previous: { title: 'Elections', note: null, amounts: [{ year: '2021/22', kind: 'forecast', value: 0.1 }] },
    reason: 'Shown under Democratic Services',
  });
  plan.add('VersionPublished', { label: '2.0', reason: 'Corporate Objectives, Performance Indicators and Budgets added', effectiveDate: '2020-02-25' });
  return plan;
}

const atVersion = (plan: PlanStream, label: string): PlanView => {
  const published = plan.events.findIndex((e) => e.type === 'VersionPublished' && e.data.label === label);
  return foldPlanView(plan.events.slice(0, published + 1)) as PlanView;
};

describe('the budget in the plan view', () => {
  it('holds the lines by code with their amounts, and totals per year and kind computed exactly, income netted off', () => {
    const plan = threeRiversBudget();
    const view = atVersion(plan, '1.0');
    expect(view.budget).toEqual({
      lines: [
        { code: 'CS-NET', title: NET_COST, note: null, amounts: printed },
        {
          code: 'LAND',
          title: 'Land charges',
          note: 'Income, so negative',
          amounts: [
            { year: '2020/21', kind: 'original', value: -120_000 },
            { year: '2020/21', kind: 'latest', value: -98_450.1 },
          ],
        },
      ],
      totals: [
        { year: '2020/21', kind: 'original', value: -120_000, lines: 1, printed: null, difference: null },
        { year: '2020/21', kind: 'latest', value: 1_726_522.9, lines: 2, printed: 1_726_532.9, difference: -10 },
        { year: '2021/22', kind: 'latest', value: 1_768_881, lines: 1, printed: null, difference: null },
        { year: '2022/23', kind: 'latest', value: 1_840_221, lines: 1, printed: null, difference: null },
      ],
    });
  });

  it('follows revisions and removals, the totals with them', () => {
    const view = foldPlanView(threeRiversBudget().events) as PlanView;
    expect(view.budget.lines.map((line) => [line.code, line.note, line.amounts.length])).toEqual([
      ['CS-NET', null, 3],
      ['LAND', 'Fewer searches', 3],
    ]);
    expect(view.budget.totals).toEqual([
      { year: '2020/21', kind: 'original', value: -120_000, lines: 1, printed: null, difference: null },
      { year: '2020/21', kind: 'latest', value: 1_734_972.8, lines: 2, printed: 1_734_972.8, difference: 0 },
      { year: '2020/21', kind: 'outturn', value: -91_234.56, lines: 1, printed: null, difference: null },
      { year: '2021/22', kind: 'latest', value: 1_768_881, lines: 1, printed: null, difference: null },
      { year: '2022/23', kind: 'latest', value: 1_840_221, lines: 1, printed: null, difference: null },
    ]);
  });

  it('keeps lines in code order whatever order they were added in', () => {
    const plan = new PlanStream('p');
    plan.add('PlanDrafted', {
      council: 'hart',
      service: 'Corporate Services',
      title: 'Plan',
      period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
      owner: null,
    });
    for (const code of ['C10', 'C2', 'A1']) plan.add('BudgetLineAdded', { code, title: code, note: null, amounts: [] });
    expect((foldPlanView(plan.events) as PlanView).budget.lines.map((line) => line.code)).toEqual(['A1', 'C2', 'C10']);
  });
});

describe('the budget in history, the version table and the diff', () => {
  it('writes one line per event, naming the figures a revision moved', () => {
    const summaries = threeRiversBudget().events.map(summaryOf);
    expect(summaries).toEqual([
      expect.any(String),
      `Budget line CS-NET added: ${NET_COST} (3 amounts)`,
      'Budget line LAND added: Land charges (2 amounts)',
      'Printed 2020/21 latest budget total set to £1,726,532.90',
      expect.any(String),
      'Budget line LAND revised (note; 2020/21 latest -£98,450.10 → -£90,000.20; 2020/21 outturn -£91,234.56 added): Latest budget and outturn for 2020/21',
      'Printed 2020/21 latest budget total set to £1,734,972.80 (was £1,726,532.90): Printed total corrected',
      'Printed 2019/20 outturn budget total set to £1,700,000: Prior year outturn',
      'Printed 2019/20 outturn budget total of £1,700,000 removed: Not in this plan',
      'Budget line ELEC added: Elections (1 amount)',
      'Budget line ELEC removed: Shown under Democratic Services',
      expect.any(String),
    ]);
  });

  it('counts each change in the words of a version row', () => {
    const items = threeRiversBudget()
      .events.map((event) => planEventOf(event))
      .flatMap((event) => (event ? [changeItemOf(event)] : []))
      .filter((item) => item !== null);
    expect(items).toEqual([
      { kind: 'budgetLinesAdded', ref: 'CS-NET', name: NET_COST },
      { kind: 'budgetLinesAdded', ref: 'LAND', name: 'Land charges' },
      { kind: 'budgetPrintedTotalsSet', ref: '2020/21 latest', name: '£1,726,532.90' },
      { kind: 'budgetLinesRevised', ref: 'LAND', name: 'Latest budget and outturn for 2020/21' },
      { kind: 'budgetPrintedTotalsSet', ref: '2020/21 latest', name: '£1,734,972.80' },
      { kind: 'budgetPrintedTotalsSet', ref: '2019/20 outturn', name: '£1,700,000' },
      { kind: 'budgetPrintedTotalsRemoved', ref: '2019/20 outturn', name: '£1,700,000' },
      { kind: 'budgetLinesAdded', ref: 'ELEC', name: 'Elections' },
      { kind: 'budgetLinesRemoved', ref: 'ELEC', name: 'Elections' },
    ]);
  });

  it('shows each line and each amount that changed between versions, before and after', () => {
    const plan = threeRiversBudget();
    const diff = diffPlanViews(atVersion(plan, '1.0'), atVersion(plan, '2.0'));
    expect(diff.added).toEqual([
      { kind: 'budgetAmount', key: 'LAND 2020/21 outturn', before: null, after: { year: '2020/21', kind: 'outturn', value: -91_234.56 } },
    ]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      {
        kind: 'budgetLine',
        key: 'LAND',
        before: { code: 'LAND', title: 'Land charges', note: 'Income, so negative' },
        after: { code: 'LAND', title: 'Land charges', note: 'Fewer searches' },
      },
      {
        kind: 'budgetAmount',
        key: 'LAND 2020/21 latest',
        before: { year: '2020/21', kind: 'latest', value: -98_450.1 },
        after: { year: '2020/21', kind: 'latest', value: -90_000.2 },
      },
      {
        kind: 'budgetPrintedTotal',
        key: '2020/21 latest',
        before: { year: '2020/21', kind: 'latest', value: 1_726_532.9 },
        after: { year: '2020/21', kind: 'latest', value: 1_734_972.8 },
      },
    ]);
  });
});

describe('the budget in a period\'s report', () => {
  it('carries the year of the period: the lines with amounts for it, and its totals', () => {
    const view = foldPlanView(threeRiversBudget().events) as PlanView;
    expect(buildMonitoringReport(view, '2021/22-Q2', DEFAULT_REPORT_RULES).budget).toEqual({
      year: '2021/22',
      lines: [{ code: 'CS-NET', title: NET_COST, note: null, amounts: [{ year: '2021/22', kind: 'latest', value: 1_768_881 }] }],
      totals: [{ year: '2021/22', kind: 'latest', value: 1_768_881, lines: 1, printed: null, difference: null }],
    });
    expect(buildMonitoringReport(view, '2020-21', DEFAULT_REPORT_RULES).budget.totals.map((total) => total.kind)).toEqual(['original', 'latest', 'outturn']);
  });
});
