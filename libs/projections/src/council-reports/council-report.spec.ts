import { foldPlanView, type PlanView } from '../plan-views/plan-view';
import { buildMonitoringReport, DEFAULT_REPORT_RULES } from '../plan-views/report';
import { hartPlan } from '../plan-views/testing/hart-plan.fixture';
import { OFFICER, PlanStream } from '../plan-views/testing/plan-stream.fixture';
import { buildCouncilExceptions, buildCouncilReport, type CouncilReportScope } from './council-report';
import { planReportInputsOf } from './plan-report-inputs';

const hart = foldPlanView(hartPlan().events) as PlanView;

/** A small Place plan of the same council (ILLUSTRATIVE): a red indicator, a slipped priority with an overdue milestone, a very high risk. */
function placePlan(): PlanView {
  const plan = new PlanStream('hart-place-2023-24', '2023-04-05T09:00:00.000Z', 5000);
  plan.add('PlanDrafted', {
    council: 'hart',
    title: 'Service Plan 2023/24: Place',
    service: 'Place',
    owner: null,
    period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
  });
  plan.add('PriorityAdded', {
    ref: 'P1',
    title: 'Adopt the Local Plan review',
    themes: ['Place', 'Planet'],
    themeIds: ['place'],
    objective: null,
    kind: 'priority',
    sponsor: null,
    manager: null,
    outcomes: [{ ref: 'a', description: 'Consultation closed', targetDate: { text: 'July 2023', date: '2023-07-31' }, due: null }],
  });
  plan.add('IndicatorDefined', {
    code: 'PL1',
    title: 'Major planning applications decided in time',
    description: null,
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'period',
    frequency: 'quarterly',
    tolerance: 5,
    toleranceAbsolute: null,
    themeId: 'place',
    targets: [{ period: '2023/24', value: 90, upper: null, baseline: null, text: null, comparison: 'at-least' }],
  });
  plan.add('RiskAdded', {
    ref: 'R1',
    title: 'Five-year land supply lost',
    owner: null,
    inherent: null,
    residual: { likelihood: 4, impact: 4, score: 16, band: 'very-high' },
    controls: null,
    reviewDate: null,
  });
  const target = { period: '2023/24', value: 90, upper: null, baseline: null, text: null, comparison: 'at-least' as const };
  plan.add(
    'ActualRecorded',
    {
      code: 'PL1',
      unit: 'percent',
      polarity: 'higher-is-better',
      period: '2023/24-Q2',
      value: 70,
      commentary: null,
      assessedAgainst: { target, source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
      recordedBy: OFFICER.id, source: null, method: null, caveats: null,
    },
    { actor: OFFICER },
  );
  plan.add(
    'ProgressRecorded',
    { priorityRef: 'P1', milestone: 'a', period: '2023/24-Q2', percentComplete: 40, status: 'slipped', position: null, commentary: 'Inspector delayed' },
    { actor: OFFICER },
  );
  plan.add(
    'ProgressRecorded',
    { priorityRef: 'P1', milestone: null, period: '2023/24-Q2', percentComplete: 40, status: 'slipped', position: null, commentary: 'Inspector delayed' },
    { actor: OFFICER },
  );
  return foldPlanView(plan.events) as PlanView;
}

const place = placePlan();
const inputs = [planReportInputsOf('hart/hart-place-2023-24', place), planReportInputsOf('hart/hart-cs-2023-24', hart)];
const everyService: CouncilReportScope = { council: 'hart', services: null, periodsHeld: ['2023/24'] };
const noFilter = { service: null, theme: null };
const rules = DEFAULT_REPORT_RULES;
/** Hart's corporate plan 2023-2027, whose themes the Place plan links to by id. */
const hartThemes = [
  { id: 'place', title: 'Place' },
  { id: 'planet', title: 'Planet' },
];

describe('buildCouncilReport', () => {
  const report = buildCouncilReport(inputs, '2023/24-Q2', noFilter, everyService, rules, hartThemes);

  it("shows each plan as its own report does, by service, and counts the council's RAG", () => {
    expect(report.plans.map((plan) => plan.planId)).toEqual(['hart-cs-2023-24', 'hart-place-2023-24']);
    const { period: _p, budget: _b, risks: _r, ...own } = buildMonitoringReport(hart, '2023/24-Q2', rules);
    expect(report.plans[0]).toEqual({ ...own, ragCounts: { green: 1, amber: 1, red: 0, none: 0 } });
    expect(report.ragCounts).toEqual({ green: 1, amber: 1, red: 1, none: 0 });
    expect(report.note).toBeNull();
  });

  it('rolls progress up per service and per theme over the same items as each plan, rounding once', () => {
    expect(report.byService).toEqual([
      { service: 'Corporate Services', plans: 1, indicators: 2, ragCounts: { green: 1, amber: 1, red: 0, none: 0 }, progress: { percentComplete: 75, items: 2, withoutEntry: 0 } },
      { service: 'Place', plans: 1, indicators: 1, ragCounts: { green: 0, amber: 0, red: 1, none: 0 }, progress: { percentComplete: 40, items: 1, withoutEntry: 0 } },
    ]);
    // Hart's 8a at 50% and 10 at 100%, Place's P1a at 40%: the council's mean is 63.3%, not the mean of 75% and 40%.
    expect(report.progress).toEqual({ percentComplete: 63, items: 3, withoutEntry: 0 });
    const noRag = { green: 0, amber: 0, red: 0, none: 0 };
    const words = { themeId: null, indicators: 0, ragCounts: noRag };
    expect(report.byTheme).toEqual([
      { theme: 'People', title: 'People', ...words, plans: 1, priorities: 1, progress: { percentComplete: 50, items: 1, withoutEntry: 0 } },
      {
        theme: 'Resilient and financially sound council',
        title: 'Resilient and financially sound council',
        ...words,
        plans: 1,
        priorities: 2,
        progress: { percentComplete: 75, items: 2, withoutEntry: 0 },
      },
      {
        theme: 'place',
        themeId: 'place',
        title: 'Place',
        plans: 1,
        priorities: 1,
        indicators: 1,
        ragCounts: { ...noRag, red: 1 },
        progress: { percentComplete: 40, items: 1, withoutEntry: 0 },
      },
      { theme: 'Place', title: 'Place', ...words, plans: 1, priorities: 1, progress: { percentComplete: 40, items: 1, withoutEntry: 0 } },
      { theme: 'Planet', title: 'Planet', ...words, plans: 1, priorities: 1, progress: { percentComplete: 40, items: 1, withoutEntry: 0 } },
    ]);
  });

  it("keeps, under a corporate theme's id, the priorities and indicators linked to it, written in any capitals", () => {
    const place = buildCouncilReport(inputs, '2023/24-Q2', { service: null, theme: 'PLACE' }, everyService, rules, hartThemes);
    expect(place.plans.map((plan) => [plan.planId, plan.priorities.map((priority) => priority.ref), plan.indicators.map((indicator) => indicator.code)])).toEqual([
      ['hart-place-2023-24', ['P1'], ['PL1']],
    ]);
    expect(place.ragCounts).toEqual({ green: 0, amber: 0, red: 1, none: 0 });
    expect(place.byTheme.map(({ theme, title, indicators }) => [theme, title, indicators])).toEqual([
      ['place', 'Place', 1],
      ['Place', 'Place', 0],
      ['Planet', 'Planet', 0],
    ]);
  });

  it('titles a linked theme by its id alone when the corporate plan covering the period no longer has it', () => {
    const [linked] = buildCouncilReport(inputs, '2023/24-Q2', { service: 'Place', theme: null }, everyService, rules, []).byTheme;
    expect(linked).toMatchObject({ theme: 'place', themeId: 'place', title: 'place' });
  });

  it("keeps a service's plans, or the priorities naming a theme in words, without the indicators, which name a theme only by id", () => {
    const ofPlace = buildCouncilReport(inputs, '2023/24-Q2', { service: 'Place', theme: null }, everyService, rules, hartThemes);
    expect(ofPlace.plans.map((plan) => plan.planId)).toEqual(['hart-place-2023-24']);
    const people = buildCouncilReport(inputs, '2023/24-Q2', { service: null, theme: 'People' }, everyService, rules, hartThemes);
    expect(people.plans.map((plan) => [plan.planId, plan.priorities.map((priority) => priority.ref), plan.indicators.length])).toEqual([
      ['hart-cs-2023-24', ['8'], 0],
    ]);
    expect(people.progress).toEqual({ percentComplete: 50, items: 1, withoutEntry: 0 });
  });

  it('says in a sentence why it holds no plan', () => {
    expect(buildCouncilReport([], '2030/31-Q1', noFilter, everyService, rules, []).note).toBe('No plan of hart covers 2030/31-Q1: they cover 2023/24.');
    expect(buildCouncilReport([], '2030/31-Q1', noFilter, { council: 'hart', services: ['Place'], periodsHeld: [] }, rules, []).note).toBe(
      'No plan of hart in Place covers 2030/31-Q1: there are none yet.',
    );
    expect(buildCouncilReport(inputs, '2023/24-Q2', { service: 'Waste', theme: null }, everyService, rules, hartThemes).note).toBe(
      'No plan of hart covers 2023/24-Q2 of Waste.',
    );
    expect(buildCouncilReport(inputs, '2023/24-Q2', { service: null, theme: 'Parks' }, everyService, rules, hartThemes).note).toBe(
      "No plan of hart covering 2023/24-Q2 has a priority or an indicator under the theme 'Parks'.",
    );
  });
});

describe('buildCouncilExceptions', () => {
  it('lists red and amber indicators, off-track and slipped priorities, overdue milestones and very high risks, each with its plan and why', () => {
    const exceptions = buildCouncilExceptions(inputs, '2023/24-Q2', noFilter, everyService, rules);
    const place = { planId: 'hart-place-2023-24', planTitle: 'Service Plan 2023/24: Place', service: 'Place' };
    expect(exceptions.items).toEqual([
      {
        kind: 'amber-indicator',
        planId: 'hart-cs-2023-24',
        planTitle: hart.title,
        service: 'Corporate Services',
        ref: 'CP10',
        title: 'Number of missed collections excluding garden waste (per 100,000)',
        why: 'Amber: 41 per 100,000 for 2023/24-Q2, above the target of 40 per 100,000, within the 5% tolerance.',
      },
      {
        kind: 'red-indicator',
        ...place,
        ref: 'PL1',
        title: 'Major planning applications decided in time',
        why: 'Red: 70% for 2023/24-Q2, below the target of 90% by more than the 5% tolerance.',
      },
      {
        kind: 'slipped-priority',
        ...place,
        ref: 'P1',
        title: 'Adopt the Local Plan review',
        why: 'Reported slipped at 40% for 2023/24-Q2: Inspector delayed.',
      },
      {
        kind: 'overdue-milestone',
        ...place,
        ref: 'P1/a',
        title: 'Consultation closed',
        why: 'Due 2023-07-31 and not complete by the end of 2023/24-Q2: 40%, slipped.',
      },
      {
        kind: 'top-band-risk',
        ...place,
        ref: 'R1',
        title: 'Five-year land supply lost',
        why: 'Scored 4 × 4 = 16, very high, as its residual score in the register.',
      },
    ]);
    expect(exceptions.counts).toEqual({
      'red-indicator': 1,
      'amber-indicator': 1,
      'off-track-priority': 0,
      'slipped-priority': 1,
      'overdue-milestone': 1,
      'top-band-risk': 1,
    });
    expect(exceptions.plans.map(({ planId, exceptions: count }) => [planId, count])).toEqual([
      ['hart-cs-2023-24', 1],
      ['hart-place-2023-24', 4],
    ]);
  });

  it('under a theme, holds only the exceptions of its priorities, and of its indicators when it is a corporate theme they link to', () => {
    const planet = buildCouncilExceptions(inputs, '2023/24-Q2', { service: null, theme: 'Planet' }, everyService, rules);
    expect(planet.items.map((item) => item.kind)).toEqual(['slipped-priority', 'overdue-milestone']);
    const place = buildCouncilExceptions(inputs, '2023/24-Q2', { service: null, theme: 'place' }, everyService, rules);
    expect(place.items.map((item) => [item.kind, item.ref])).toEqual([
      ['red-indicator', 'PL1'],
      ['slipped-priority', 'P1'],
      ['overdue-milestone', 'P1/a'],
    ]);
  });
});
