import type { ProgressStatus } from '@app/domain';
import { hartIndicator, hartOutcome, hartPlanDraft, hartPriority } from '@app/domain/plan/testing/hart-2023-24.seed';
import { foldPlanView, type PlanView } from './plan-view';
import { buildMonitoringReport, DEFAULT_REPORT_RULES } from './report';
import { HART_OBJECTIVE, hartPlan } from './testing/hart-plan.fixture';
import { CHECKER, OFFICER, PlanStream } from './testing/plan-stream.fixture';

const view = foldPlanView(hartPlan().events) as PlanView;

describe('buildMonitoringReport', () => {
  it('rates each indicator for the period and says which way it moved since the period compared with', () => {
    const report = buildMonitoringReport(view, '2023-24-Q2', DEFAULT_REPORT_RULES);

    expect(report.period).toBe('2023/24-Q2');
    expect(report.indicators).toEqual([
      {
        code: 'CP7',
        title: hartIndicator('CP7').title,
        unit: 'percent',
        polarity: 'higher-is-better',
        basis: 'cumulative-ytd',
        target: { period: '2023/24-Q2', value: 49, text: null, upper: null, baseline: null, baselineFigure: null, comparison: 'at-least', source: 'period' },
        actual: 55.2,
        actualPeriod: '2023/24-Q2',
        restated: false,
        actualRecordedAt: '2023-04-03T09:19:00.000Z',
        actualRecordedBy: OFFICER.id,
        actualSource: null,
        actualMethod: null,
        actualCaveats: null,
        verification: { state: 'unverified', by: null, at: null, reason: null },
        rag: 'green',
        ragReason: 'At or above the target of 49%',
        direction: 'none',
        previousPeriod: '2022/23-Q2',
        previousActual: null,
        previousFrom: null,
        previousPlan: null,
        commentary: 'Ahead of profile',
        targetNote: null,
      },
      {
        code: 'CP10',
        title: 'Number of missed collections excluding garden waste (per 100,000)',
        unit: 'rate-per-100k',
        polarity: 'lower-is-better',
        basis: 'period',
        target: {
          period: '2023/24',
          value: 40,
          text: hartIndicator('CP10').targets[0].text,
          upper: null,
          baseline: null,
          baselineFigure: null,
          comparison: 'at-most',
          source: 'year',
        },
        actual: 41,
        actualPeriod: '2023/24-Q2',
        restated: false,
        actualRecordedAt: '2023-04-03T09:20:00.000Z',
        actualRecordedBy: OFFICER.id,
        actualSource: null,
        actualMethod: null,
        actualCaveats: null,
        verification: { state: 'unverified', by: null, at: null, reason: null },
        rag: 'amber',
        ragReason: 'Above the target of 40 per 100,000, within the 5% tolerance',
        direction: 'declined',
        previousPeriod: '2023/24-Q1',
        previousActual: 35,
        previousFrom: 'actual',
        previousPlan: null,
        commentary: 'Two rounds disrupted by roadworks',
        targetNote: null,
      },
    ]);
  });

  describe('each figure with its check by a second officer', () => {
    /** Hart's Q2: CP7 verified, CP10 rejected; CP7 Q1 never checked. */
    const checked = () => {
      const plan = hartPlan();
      plan.add('ActualVerified', { code: 'CP7', unit: 'percent', period: '2023/24-Q2', value: 55.2, verifiedBy: CHECKER.id }, { actor: CHECKER });
      plan.add(
        'ActualRejected',
        { code: 'CP10', unit: 'rate-per-100k', period: '2023/24-Q2', value: 41, rejectedBy: CHECKER.id, reason: 'Two rounds counted twice' },
        { actor: CHECKER },
      );
      return plan;
    };
    const awaiting = { ...DEFAULT_REPORT_RULES, unverifiedFigures: { ...DEFAULT_REPORT_RULES.unverifiedFigures, unverifiedFigures: 'awaiting-verification' as const, source: 'council' as const } };
    const reportOf = (plan: PlanStream, period: string, rules = DEFAULT_REPORT_RULES) =>
      buildMonitoringReport(foldPlanView(plan.events) as PlanView, period, rules);

    it('says who verified a figure and when, and rates it under either rule', () => {
      const plan = checked();
      const verifiedAt = plan.events.at(-2)!.recordedAt;
      for (const rules of [DEFAULT_REPORT_RULES, awaiting]) {
        expect(reportOf(plan, '2023/24-Q2', rules).indicators[0]).toMatchObject({
          code: 'CP7',
          actualRecordedBy: OFFICER.id,
          verification: { state: 'verified', by: CHECKER.id, at: verifiedAt, reason: null },
          rag: 'green',
          ragReason: 'At or above the target of 49%',
        });
      }
    });

    it('never rates a rejected figure, and says who rejected it and why, under either rule', () => {
      const plan = checked();
      const rejectedAt = plan.events.at(-1)!.recordedAt;
      for (const rules of [DEFAULT_REPORT_RULES, awaiting]) {
        expect(reportOf(plan, '2023/24-Q2', rules).indicators[1]).toMatchObject({
          code: 'CP10',
          actual: 41,
          verification: { state: 'rejected', by: CHECKER.id, at: rejectedAt, reason: 'Two rounds counted twice' },
          rag: 'none',
          ragReason: `Not rated: the figure was rejected on ${rejectedAt.slice(0, 10)} (Two rounds counted twice)`,
        });
      }
    });

    it('rates an unverified figure by default, and holds it back as awaiting verification when the council says so', () => {
      const plan = checked();
      expect(reportOf(plan, '2023/24-Q1').indicators[1]).toMatchObject({ code: 'CP10', verification: { state: 'unverified' }, rag: 'green' });
      expect(reportOf(plan, '2023/24-Q1', awaiting).indicators[1]).toMatchObject({
        code: 'CP10',
        actual: 35,
        verification: { state: 'unverified', by: null, at: null },
        rag: 'none',
        ragReason: 'Not rated: the figure is awaiting verification',
      });
      expect(reportOf(plan, '2023/24-Q1', awaiting).unverifiedFigures).toMatchObject({ unverifiedFigures: 'awaiting-verification' });
    });

    it('shows a restated figure unverified again, and a report as of before the check shows it unverified', () => {
      const plan = checked();
      const beforeCheck = foldPlanView(plan.events.slice(0, -2)) as PlanView;
      expect(buildMonitoringReport(beforeCheck, '2023/24-Q2', DEFAULT_REPORT_RULES).indicators[0].verification).toEqual({
        state: 'unverified',
        by: null,
        at: null,
        reason: null,
      });
      plan.add(
        'ActualRestated',
        {
          code: 'CP7',
          unit: 'percent',
          polarity: 'higher-is-better',
          period: '2023/24-Q2',
          previous: { value: 55.2, commentary: 'Ahead of profile' },
          value: 54.9,
          commentary: 'Reconciled',
          reason: 'Direct debits reconciled',
          assessedAgainst: { target: { period: '2023/24-Q2', value: 49, text: null, upper: null, baseline: null, comparison: 'at-least' }, source: 'period', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
          recordedBy: OFFICER.id, source: null, method: null, caveats: null,
        },
        { actor: OFFICER },
      );
      expect(reportOf(plan, '2023/24-Q2', awaiting).indicators[0]).toMatchObject({
        actual: 54.9,
        restated: true,
        verification: { state: 'unverified', by: null },
        rag: 'none',
      });
    });
  });

  it('gives no RAG to a cumulative indicator without a profiled target for the quarter, and says why', () => {
    const cp7 = buildMonitoringReport(view, '2023/24-Q1', DEFAULT_REPORT_RULES).indicators[0];
    expect(cp7).toMatchObject({
      target: null,
      actual: 28.1,
      rag: 'none',
      ragReason: 'No target set for 2023/24-Q1',
      direction: 'none',
      previousPeriod: '2022/23-Q1',
    });
  });

  it('compares a cumulative indicator with the same quarter a year before, not with the last Q4', () => {
    const plan = new PlanStream('hart-council-tax-2023-25');
    plan.add('PlanDrafted', {
      council: 'hart',
      service: 'Corporate Services',
      title: 'Council Tax collection 2023 to 2025',
      period: { kind: 'multi-year', label: '2023/24 to 2024/25', from: '2023-04-01', to: '2025-03-31' },
      owner: null,
    });
    plan.add('IndicatorDefined', {
      code: 'CP7',
      title: 'Percentage of Council Tax collected',
      description: 'Year to date figures, values are cumulative',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'cumulative-ytd',
      frequency: 'quarterly',
      tolerance: 5,
      toleranceAbsolute: null, themeId: null,
      targets: [{ period: '2024/25', value: 98, text: null, upper: null, baseline: null, comparison: 'at-least' }],
    });
    const noTarget = { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null } as const;
    const cp7 = { code: 'CP7', unit: 'percent', polarity: 'higher-is-better', commentary: null } as const;
    plan.add('ActualRecorded', { ...cp7, period: '2023/24-Q1', value: 28.1, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst: noTarget });
    plan.add('ActualRecorded', { ...cp7, period: '2023/24-Q4', value: 97.6, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst: noTarget });
    plan.add('ActualRecorded', { ...cp7, period: '2024/25-Q1', value: 29.3, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst: noTarget });
    plan.add('ActualRecorded', { ...cp7, period: '2024/25-Q2', value: 55, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst: noTarget });
    const twoYears = foldPlanView(plan.events) as PlanView;

    expect(buildMonitoringReport(twoYears, '2024/25-Q1', DEFAULT_REPORT_RULES).indicators[0]).toMatchObject({
      actual: 29.3,
      direction: 'improved',
      previousPeriod: '2023/24-Q1',
      previousActual: 28.1,
    });
    expect(buildMonitoringReport(twoYears, '2024/25-Q2', DEFAULT_REPORT_RULES).indicators[0]).toMatchObject({
      actual: 55,
      direction: 'none',
      previousPeriod: '2023/24-Q2',
      previousActual: null,
    });
  });

  describe('with baselines from before the plan', () => {
    const noTarget = { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null } as const;
    const hartWithBaselines = (baselines: Array<{ code: string; period: string; value: number }>) => {
      const plan = hartPlan();
      for (const { code, period, value } of baselines) {
        plan.add('BaselineRecorded', {
          code,
          unit: code === 'CP7' ? 'percent' : 'rate-per-100k',
          baseline: { period, value, source: null, note: null },
          previous: null,
          reason: null,
        });
      }
      return foldPlanView(plan.events) as PlanView;
    };

    it("compares a cumulative Q1 with the same quarter's baseline a year before", () => {
      const withBaseline = hartWithBaselines([{ code: 'CP7', period: '2022/23-Q1', value: 29.6 }]);
      expect(buildMonitoringReport(withBaseline, '2023/24-Q1', DEFAULT_REPORT_RULES).indicators[0]).toMatchObject({
        actual: 28.1,
        direction: 'declined',
        previousPeriod: '2022/23-Q1',
        previousActual: 29.6,
        previousFrom: 'baseline',
      });
    });

    it('never compares a cumulative quarter with a year before it: the same quarter is needed', () => {
      const withYearOnly = hartWithBaselines([{ code: 'CP7', period: '2022/23', value: 97.4 }]);
      expect(buildMonitoringReport(withYearOnly, '2023/24-Q1', DEFAULT_REPORT_RULES).indicators[0]).toMatchObject({
        direction: 'none',
        previousPeriod: '2022/23-Q1',
        previousActual: null,
        previousFrom: null,
      });
    });

    it("compares a Q1 with the last quarter before the plan, else the latest year's baseline", () => {
      const withQ4 = hartWithBaselines([
        { code: 'CP10', period: '2022/23', value: 30 },
        { code: 'CP10', period: '2022/23-Q4', value: 33 },
      ]);
      expect(buildMonitoringReport(withQ4, '2023/24-Q1', DEFAULT_REPORT_RULES).indicators[1]).toMatchObject({
        actual: 35,
        direction: 'declined',
        previousPeriod: '2022/23-Q4',
        previousActual: 33,
        previousFrom: 'baseline',
      });
      const withYears = hartWithBaselines([
        { code: 'CP10', period: '2021/22', value: 45 },
        { code: 'CP10', period: '2022/23', value: 38 },
      ]);
      expect(buildMonitoringReport(withYears, '2023/24-Q1', DEFAULT_REPORT_RULES).indicators[1]).toMatchObject({
        direction: 'improved',
        previousPeriod: '2022/23',
        previousActual: 38,
        previousFrom: 'baseline',
      });
    });

    it("leaves a quarter within the plan with no actual before it without direction: a baseline speaks only for the plan's first period", () => {
      const plan = new PlanStream('hart-bins-2023-24');
      plan.add('PlanDrafted', {
        council: 'hart',
        service: 'Environmental Services',
        title: 'Bins 2023/24',
        period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
        owner: null,
      });
      plan.add('IndicatorDefined', {
        code: 'CP10',
        title: 'Missed collections per 100,000',
        description: null,
        unit: 'rate-per-100k',
        polarity: 'lower-is-better',
        basis: 'period',
        frequency: 'quarterly',
        tolerance: 5,
        toleranceAbsolute: null, themeId: null,
        targets: [],
      });
      plan.add('BaselineRecorded', {
        code: 'CP10',
        unit: 'rate-per-100k',
        baseline: { period: '2022/23', value: 38, source: null, note: null },
        previous: null,
        reason: null,
      });
      plan.add('ActualRecorded', {
        code: 'CP10', unit: 'rate-per-100k', polarity: 'lower-is-better', commentary: null,
        period: '2023/24-Q3', value: 36, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst: noTarget,
      });
      const q3 = buildMonitoringReport(foldPlanView(plan.events) as PlanView, '2023/24-Q3', DEFAULT_REPORT_RULES).indicators[0];
      expect(q3).toMatchObject({ direction: 'none', previousPeriod: '2023/24-Q2', previousActual: null, previousFrom: null });
    });
  });

  it("shows beside each priority the indicators that measure it, rated for the period; one measure may serve two", () => {
    const plan = hartPlan();
    plan.add('IndicatorLinked', { code: 'CP7', priorityRefs: ['8', '10'], previous: [], reason: null });
    plan.add('IndicatorLinked', { code: 'CP10', priorityRefs: ['10'], previous: [], reason: null });
    const report = buildMonitoringReport(foldPlanView(plan.events) as PlanView, '2023/24-Q2', DEFAULT_REPORT_RULES);
    const measures = Object.fromEntries(report.priorities.map((priority) => [priority.ref, priority.measures]));
    const cp7 = { code: 'CP7', title: hartIndicator('CP7').title, unit: 'percent', actual: 55.2, rag: 'green', direction: 'none' };
    const cp10 = { code: 'CP10', title: expect.any(String), unit: 'rate-per-100k', actual: 41, rag: 'amber', direction: 'declined' };
    expect(measures).toEqual({ '8': [cp7], '10': [cp7, cp10] });
    expect(buildMonitoringReport(view, '2023/24-Q2', DEFAULT_REPORT_RULES).priorities.map((priority) => priority.measures)).toEqual([[], []]);
  });

  it('shows the target in force and no RAG for an indicator with no actual yet', () => {
    const q4 = buildMonitoringReport(view, '2023/24-Q4', DEFAULT_REPORT_RULES).indicators;
    expect(q4[0]).toMatchObject({
      target: { period: '2023/24', value: 98, source: 'year' },
      actual: null,
      rag: 'none',
      ragReason: 'No actual recorded for 2023/24-Q4',
      direction: 'none',
    });
  });

  it('reports each priority at its latest entry up to the period and rolls progress up', () => {
    const q2 = buildMonitoringReport(view, '2023/24-Q2', DEFAULT_REPORT_RULES);
    expect(q2.priorities).toEqual([
      {
        ref: '8',
        kind: 'priority',
        title: "Refresh Hart's Digital Strategy and customer offer",
        objective: HART_OBJECTIVE,
        percentComplete: 50,
        percentFrom: 'milestones',
        status: 'on-track',
        position: 'Review of the 2019 strategy under way',
        commentary: null,
        reportedFor: '2023/24-Q1',
        milestones: [
          {
            ref: '8a',
            description: hartPriority('8').outcomes[1].description,
            due: '2024-03-31',
            percentComplete: 50,
            status: 'at-risk',
            overdue: false,
          },
        ],
        measures: [],
      },
      {
        ref: '10',
        kind: 'priority',
        title: hartPriority('10').title,
        objective: null,
        percentComplete: 100,
        percentFrom: 'priority',
        status: 'completed',
        position: 'Servers migrated',
        commentary: null,
        reportedFor: '2023/24-Q2',
        milestones: [],
        measures: [],
      },
    ]);
    expect(q2.rollups).toMatchObject({
      objectives: [
        { objective: HART_OBJECTIVE, percentComplete: 50, items: 1 },
        { objective: null, percentComplete: 100, items: 1 },
      ],
      plan: { percentComplete: 75, items: 2 },
      rounding: 'Half up to whole percent after averaging unrounded values',
    });

    const q1 = buildMonitoringReport(view, '2023/24-Q1', DEFAULT_REPORT_RULES);
    expect(q1.priorities.map((p) => [p.ref, p.percentComplete, p.status, p.reportedFor])).toEqual([
      ['8', 25, 'on-track', '2023/24-Q1'],
      ['10', 60, 'on-track', '2023/24-Q1'],
    ]);
    expect(q1.rollups.plan.percentComplete).toBe(43);

    const q3 = buildMonitoringReport(view, '2023/24-Q3', DEFAULT_REPORT_RULES);
    expect(q3.priorities[1]).toMatchObject({ percentComplete: 100, status: 'completed', reportedFor: '2023/24-Q2' });
  });

  describe("a priority's own status beside its milestones'", () => {
    /** Hart's priority 8 with a second milestone, so that one milestone completed is half the priority. */
    const withTwoMilestones = () => {
      const plan = new PlanStream('hart-cs-2023-24');
      plan.add('PlanDrafted', hartPlanDraft());
      plan.add('PriorityAdded', {
        ref: '8',
        title: hartPriority('8').title,
        themes: hartPriority('8').themes,
        themeIds: [],
        objective: HART_OBJECTIVE,
        kind: 'priority',
        sponsor: null,
        manager: null,
        outcomes: [hartOutcome('8', 0, '8a', '2024-03-31'), hartOutcome('8', 1, '8b', '2024-03-31')],
      });
      return plan;
    };
    const entry = (plan: PlanStream, milestone: string | null, percentComplete: number, status: ProgressStatus, commentary: string | null = null) =>
      plan.add('ProgressRecorded', { priorityRef: '8', milestone, period: '2023/24-Q2', percentComplete, status, position: null, commentary }, { actor: OFFICER });
    const reported = (plan: PlanStream) => buildMonitoringReport(foldPlanView(plan.events) as PlanView, '2023/24-Q2', DEFAULT_REPORT_RULES).priorities[0];

    it('does not call a priority completed because one of its milestones is', () => {
      const plan = withTwoMilestones();
      entry(plan, null, 50, 'on-track', 'Strategy half written');
      entry(plan, '8a', 100, 'completed', 'Draft agreed');
      expect(reported(plan)).toMatchObject({
        percentComplete: 50,
        percentFrom: 'milestones',
        status: 'on-track',
        commentary: 'Strategy half written',
        reportedFor: '2023/24-Q2',
        milestones: [
          expect.objectContaining({ ref: '8a', percentComplete: 100, status: 'completed' }),
          expect.objectContaining({ ref: '8b', percentComplete: null, status: null }),
        ],
      });
    });

    it('does not call a priority at 50% not started because a milestone is not', () => {
      const plan = withTwoMilestones();
      entry(plan, null, 50, 'on-track');
      entry(plan, '8b', 0, 'not-started');
      expect(reported(plan)).toMatchObject({ status: 'on-track', percentFrom: 'milestones', percentComplete: 0 });
      expect(reported(plan).milestones[1]).toMatchObject({ status: 'not-started', percentComplete: 0 });
    });

    it('has no status of its own while only its milestones have entries, and says its percentage is theirs', () => {
      const plan = withTwoMilestones();
      entry(plan, '8a', 100, 'completed');
      expect(reported(plan)).toMatchObject({ percentComplete: 50, percentFrom: 'milestones', status: null, commentary: null, reportedFor: null });
    });

    it('takes its own percentage while no milestone has an entry', () => {
      const plan = withTwoMilestones();
      entry(plan, null, 40, 'at-risk');
      expect(reported(plan)).toMatchObject({ percentComplete: 40, percentFrom: 'priority', status: 'at-risk' });
      expect(buildMonitoringReport(foldPlanView(withTwoMilestones().events) as PlanView, '2023/24-Q2', DEFAULT_REPORT_RULES).priorities[0]).toMatchObject({
        percentComplete: null,
        percentFrom: null,
        status: null,
      });
    });
  });

  it('reproduces the report as it stood before a restatement', () => {
    const plan = hartPlan();
    const before = buildMonitoringReport(foldPlanView(plan.events) as PlanView, '2023/24-Q2', DEFAULT_REPORT_RULES);
    plan.add('ActualRestated', {
      code: 'CP7',
      unit: 'percent',
      polarity: 'higher-is-better',
      period: '2023/24-Q2',
      previous: { value: 55.2, commentary: 'Ahead of profile' },
      value: 45.2,
      commentary: 'Corrected: direct debits double counted',
      reason: 'Direct debits double counted',
      recordedBy: OFFICER.id, source: null, method: null, caveats: null,
      assessedAgainst: {
        target: { period: '2023/24-Q2', value: 49, text: null, upper: null, baseline: null, comparison: 'at-least' },
        source: 'period',
        tolerancePercent: 5,
        toleranceAbsolute: null,
        baselineFigure: null,
      },
    });
    const after = buildMonitoringReport(foldPlanView(plan.events) as PlanView, '2023/24-Q2', DEFAULT_REPORT_RULES);
    const asOfBefore = buildMonitoringReport(foldPlanView(plan.events.slice(0, -1)) as PlanView, '2023/24-Q2', DEFAULT_REPORT_RULES);

    expect(after.indicators[0]).toMatchObject({ actual: 45.2, restated: true, rag: 'red' });
    expect(asOfBefore).toEqual(before);
  });

  describe('overdue milestones', () => {
    /** Three Rivers' Website Development project (2020-23), its milestone due in 2020/21 Quarter 1. */
    const threeRivers = () => {
      const plan = new PlanStream('three-rivers-cs-2020-23', '2020-02-25T09:00:00.000Z', 1000, 'three-rivers');
      plan.add('PlanDrafted', {
        council: 'three-rivers',
        service: 'Corporate Services',
        title: 'Corporate Services Service Plan 2020 - 2023',
        period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
        owner: null,
      });
      plan.add('PriorityAdded', {
        ref: 'WD',
        title: 'Website Development',
        themes: [], themeIds: [],
        objective: null,
        kind: 'project',
        sponsor: 'Joanne Wagstaffe',
        manager: null,
        outcomes: [
          {
            ref: 'PO',
            description: 'Home Page restructure, to improve accessibility and customer experience',
            targetDate: null,
            due: null,
          },
          {
            ref: 'Q1',
            description: 'Improvement completed',
            targetDate: { text: '2020/21 Quarter 1', date: '2020-06-30' },
            due: { period: '2020/21-Q1', date: '2020-06-30' },
          },
          // Due by its words alone, as every outcome stored before `due` existed.
          { ref: 'Q3', description: 'Accessibility audit', targetDate: { text: 'Dec 2020', date: '2020-12-31' }, due: null },
        ],
      });
      return plan;
    };
    const progress = (plan: PlanStream, milestone: string, period: string, status: 'on-track' | 'completed', percentComplete: number) =>
      plan.add('ProgressRecorded', { priorityRef: 'WD', milestone, period, percentComplete, status, position: null, commentary: null }, { actor: OFFICER });
    const flags = (plan: PlanStream, period: string) =>
      buildMonitoringReport(foldPlanView(plan.events) as PlanView, period, DEFAULT_REPORT_RULES).priorities[0].milestones.map(
        ({ ref, due, status, overdue }) => ({ ref, due, status, overdue }),
      );

    it('is not overdue in the quarter it falls due, and is from the next one while not completed', () => {
      const plan = threeRivers();
      progress(plan, 'Q1', '2020/21-Q1', 'on-track', 80);
      expect(flags(plan, '2020/21-Q1')).toEqual([
        { ref: 'PO', due: null, status: null, overdue: false },
        { ref: 'Q1', due: '2020-06-30', status: 'on-track', overdue: false },
        { ref: 'Q3', due: '2020-12-31', status: null, overdue: false },
      ]);
      expect(flags(plan, '2020/21-Q2')[1]).toEqual({ ref: 'Q1', due: '2020-06-30', status: 'on-track', overdue: true });
      expect(flags(plan, '2021/22-Q1')[2]).toEqual({ ref: 'Q3', due: '2020-12-31', status: null, overdue: true });
    });

    it('is complete from the period its latest entry says completed, and overdue in reports before it', () => {
      const plan = threeRivers();
      progress(plan, 'Q1', '2020/21-Q1', 'on-track', 80);
      progress(plan, 'Q1', '2020/21-Q3', 'completed', 100);
      expect(flags(plan, '2020/21-Q2')[1]).toMatchObject({ status: 'on-track', overdue: true });
      expect(flags(plan, '2020/21-Q3')[1]).toMatchObject({ status: 'completed', overdue: false });
      expect(flags(plan, '2020/21')[1]).toMatchObject({ status: 'completed', overdue: false });
    });

    it('counts a milestone reopened after completion as not complete', () => {
      const plan = threeRivers();
      progress(plan, 'Q1', '2020/21-Q1', 'completed', 100);
      progress(plan, 'Q1', '2020/21-Q2', 'on-track', 90);
      expect(flags(plan, '2020/21-Q1')[1]).toMatchObject({ overdue: false });
      expect(flags(plan, '2020/21-Q2')[1]).toMatchObject({ status: 'on-track', overdue: true });
    });

    it('names the project as a project', () => {
      const report = buildMonitoringReport(foldPlanView(threeRivers().events) as PlanView, '2020/21-Q2', DEFAULT_REPORT_RULES);
      expect(report.priorities[0]).toMatchObject({ ref: 'WD', kind: 'project', title: 'Website Development' });
    });
  });

  describe('targets not yet set, and targets set after the actuals', () => {
    const tba = { period: '2020/21', value: null, upper: null, baseline: null, comparison: null, text: 'TBA' };
    const visitors = () => {
      const plan = new PlanStream('three-rivers-cs-2020-23', '2020-04-01T09:00:00.000Z', 1000, 'three-rivers');
      plan.add('PlanDrafted', {
        council: 'three-rivers',
        service: 'Corporate Services',
        title: 'Corporate Services 2020-23',
        period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
        owner: null,
      });
      plan.add('IndicatorDefined', {
        code: 'New PI 1',
        title: 'Numbers of people visiting Three Rivers',
        description: null,
        unit: 'count',
        polarity: 'higher-is-better',
        basis: 'annual',
        frequency: 'annual',
        tolerance: 5,
        toleranceAbsolute: null,
        themeId: null,
        targets: [tba],
      });
      return plan;
    };
    const inForce = (target: typeof tba | null) =>
      ({ target, source: target ? 'period' : 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null }) as const;

    it('says a target in words alone is to be set, with or without an actual, and rates nothing', () => {
      const plan = visitors();
      expect(buildMonitoringReport(foldPlanView(plan.events) as PlanView, '2020/21', DEFAULT_REPORT_RULES).indicators[0]).toMatchObject({
        target: { value: null, comparison: null, text: 'TBA' },
        rag: 'none',
        targetNote: 'Target to be set',
      });
      plan.add('ActualRecorded', {
        code: 'New PI 1', unit: 'count', polarity: 'higher-is-better', commentary: null,
        period: '2020/21', value: 1_200_000, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst: inForce(tba),
      });
      expect(buildMonitoringReport(foldPlanView(plan.events) as PlanView, '2020/21', DEFAULT_REPORT_RULES).indicators[0]).toMatchObject({
        actual: 1_200_000,
        rag: 'none',
        ragReason: 'Target to be set for 2020/21 ("TBA"), so the actual is not rated',
        targetNote: 'Target to be set',
      });
    });

    it('keeps an actual recorded before its target unrated, and says the target came after it', () => {
      const plan = visitors();
      plan.add('ActualRecorded', {
        code: 'New PI 1', unit: 'count', polarity: 'higher-is-better', commentary: null,
        period: '2020/21', value: 1_200_000, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst: inForce(tba),
      }, { at: '2021-04-20T10:00:00.000Z' });
      plan.add('TargetChanged', {
        code: 'New PI 1', unit: 'count', polarity: 'higher-is-better', period: '2020/21', previous: tba,
        target: { period: '2020/21', value: 1_000_000, upper: null, baseline: null, comparison: 'at-least', text: null },
        reason: 'Baseline survey done', authority: null,
      }, { at: '2021-05-03T10:00:00.000Z' });
      expect(buildMonitoringReport(foldPlanView(plan.events) as PlanView, '2020/21', DEFAULT_REPORT_RULES).indicators[0]).toMatchObject({
        target: { value: null, text: 'TBA' },
        rag: 'none',
        targetNote:
          'Target 1,000,000 set on 2021-05-03, after this actual was recorded on 2021-04-20: the actual keeps the rating it was given then',
      });
    });

    it('says nothing of a target set before the actual it rates', () => {
      const plan = visitors();
      plan.add('TargetChanged', {
        code: 'New PI 1', unit: 'count', polarity: 'higher-is-better', period: '2020/21', previous: tba,
        target: { period: '2020/21', value: 1_000_000, upper: null, baseline: null, comparison: 'at-least', text: null },
        reason: 'Baseline survey done', authority: null,
      });
      const [target] = (foldPlanView(plan.events) as PlanView).indicators[0].targets;
      plan.add('ActualRecorded', {
        code: 'New PI 1', unit: 'count', polarity: 'higher-is-better', commentary: null,
        period: '2020/21', value: 1_200_000,
        assessedAgainst: { target: { period: '2020/21', value: 1_000_000, upper: null, baseline: null, comparison: 'at-least', text: null }, source: 'period', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
        recordedBy: OFFICER.id, source: null, method: null, caveats: null,
      });
      expect(target.setAt < plan.events[plan.events.length - 1].recordedAt).toBe(true);
      expect(buildMonitoringReport(foldPlanView(plan.events) as PlanView, '2020/21', DEFAULT_REPORT_RULES).indicators[0]).toMatchObject({
        rag: 'green',
        targetNote: null,
      });
    });
  });
});
