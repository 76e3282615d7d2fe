import { HART_PLAN, hartIndicator, hartPlanDraft, hartPriority } from '@app/domain/plan/testing/hart-2023-24.seed';
import { evolvePlanView, foldPlanView, type PlanView } from './plan-view';
import { HART_OBJECTIVE, hartPlan } from './testing/hart-plan.fixture';
import { decodePlanEvent } from './plan-event';
import { OFFICER, PlanStream } from './testing/plan-stream.fixture';

const at = (revision: number) => `2023-04-03T09:${String(revision + 1).padStart(2, '0')}:00.000Z`;

describe('evolvePlanView', () => {
  it('folds the Hart plan into the contract Plan shape', () => {
    const view = foldPlanView(hartPlan().events) as PlanView;

    expect(view).toEqual({
      planId: 'hart-cs-2023-24',
      council: 'hart',
      title: HART_PLAN.title,
      service: 'Corporate Services',
      owner: HART_PLAN.owner,
      period: '2023/24',
      periodRange: { kind: 'financial-year', from: '2023-04-01', to: '2024-03-31' },
      status: 'approved',
      stage: 'in-monitoring',
      version: '2',
      revision: 21,
      lastRecordedAt: at(21),
      priorities: [
        {
          ref: '8',
          kind: 'priority',
          title: "Refresh Hart's Digital Strategy and customer offer",
          objective: HART_OBJECTIVE,
          themes: ['People', 'Resilient and financially sound council'],
          themeIds: [],
          sponsor: null,
          manager: null,
          owner: null,
          approver: null,
          outcomes: [
            {
              ref: '8a',
              description: hartPriority('8').outcomes[1].description,
              targetDate: { text: 'March 2024', date: '2024-03-31' },
              due: null,
            },
          ],
          progress: {
            period: '2023/24-Q2',
            milestone: '8a',
            percentComplete: 50,
            status: 'at-risk',
            position: 'Consultation drafted',
            commentary: 'Consultation delayed to Q3',
            recordedAt: at(20),
            revision: 20,
          },
          progressHistory: [
            {
              period: '2023/24-Q1',
              milestone: null,
              percentComplete: 25,
              status: 'on-track',
              position: 'Review of the 2019 strategy under way',
              commentary: null,
              recordedAt: at(16),
              revision: 16,
            },
            {
              period: '2023/24-Q2',
              milestone: '8a',
              percentComplete: 50,
              status: 'at-risk',
              position: 'Consultation drafted',
              commentary: 'Consultation delayed to Q3',
              recordedAt: at(20),
              revision: 20,
            },
          ],
        },
        expect.objectContaining({ ref: '10', objective: null, progress: expect.objectContaining({ status: 'completed' }) }),
      ],
      withdrawnPriorities: [
        {
          ref: '6',
          kind: 'priority',
          title: 'Improving external communication',
          objective: HART_OBJECTIVE,
          reason: 'merged into 8',
          withdrawnAt: at(11),
        },
      ],
      indicators: [
        {
          code: 'CP7',
          title: hartIndicator('CP7').title,
          description: 'Year to date figures, values are cumulative (higher is better)',
          unit: 'percent',
          polarity: 'higher-is-better',
          basis: 'cumulative-ytd',
          frequency: 'quarterly',
          tolerance: 5,
          toleranceAbsolute: null,
          themeId: null,
          owner: null,
          approver: null,
          targets: [
            { period: '2023/24-Q2', value: 49, upper: null, baseline: null, comparison: 'at-least', text: null, baselineFigure: null, setAt: '2023-04-03T09:11:00.000Z' },
            { period: '2023/24', value: 98, upper: null, baseline: null, comparison: 'at-least', text: null, baselineFigure: null, setAt: '2023-04-03T09:10:00.000Z' },
          ],
          actuals: [
            {
              period: '2023/24-Q1',
              value: 28.1,
              commentary: 'In line with last year',
              rag: 'none',
              ragReason: 'No target set for 2023/24-Q1',
              assessedAgainst: { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
              restated: false,
              restatementReason: null,
              recordedAt: at(14),
              recordedBy: OFFICER.id, source: null, method: null, caveats: null,
              verification: { state: 'unverified', by: null, at: null, reason: null },
            },
            {
              period: '2023/24-Q2',
              value: 55.2,
              commentary: 'Ahead of profile',
              rag: 'green',
              ragReason: 'At or above the target of 49%',
              assessedAgainst: {
                target: { period: '2023/24-Q2', value: 49, text: null, upper: null, baseline: null, comparison: 'at-least' },
                source: 'period',
                tolerancePercent: 5,
                toleranceAbsolute: null,
                baselineFigure: null,
              },
              restated: false,
              restatementReason: null,
              recordedAt: at(18),
              recordedBy: OFFICER.id, source: null, method: null, caveats: null,
              verification: { state: 'unverified', by: null, at: null, reason: null },
            },
          ],
          baselines: [],
          priorityRefs: [],
        },
        expect.objectContaining({
          code: 'CP10',
          actuals: [
            expect.objectContaining({ period: '2023/24-Q1', rag: 'green' }),
            expect.objectContaining({
              period: '2023/24-Q2',
              rag: 'amber',
              ragReason: 'Above the target of 40 per 100,000, within the 5% tolerance',
            }),
          ],
        }),
      ],
      versions: [
        {
          label: '1',
          date: '2023-04-03',
          reason: 'Version to be considered by O&S Committee',
          madeBy: 'Pat Kelly',
          revision: 6,
          recordedAt: at(6),
        },
        {
          label: '2',
          date: '2023-04-03',
          reason: 'Version updated to reflect O&S comments',
          madeBy: 'Pat Kelly',
          revision: 12,
          recordedAt: at(12),
        },
      ],
      risks: [],
      scrutiny: [
        {
          kind: 'submitted',
          committee: 'Overview and Scrutiny Committee',
          meetingDate: '2023-06-20',
          minuteRef: null,
          meetingId: null,
          comments: [],
          versionLabel: '1',
          recordedAt: at(7),
        },
        {
          kind: 'comments',
          committee: 'Overview and Scrutiny Committee',
          meetingDate: '2023-06-20',
          minuteRef: 'minute 126',
          meetingId: null,
          comments: ['Merge priority 6 into 8', 'Raise the Council Tax collection target to 98%'],
          versionLabel: '1',
          recordedAt: at(8),
        },
      ],
      approval: {
        body: 'Cabinet',
        meetingDate: '2023-07-06',
        decisionRef: 'Cabinet minute 23',
        versionLabel: '2',
        recordedAt: at(13),
      },
      rolledForwardFrom: null,
      rolledForwardTo: null,
      budget: { lines: [], totals: [] },
      contracts: [],
      workforce: null,
      keyPosts: [],
      skills: [],
      sections: [],
      contributions: [],
    });
  });

  it('moves through the lifecycle: scrutiny, revision after comments, approval, monitoring, reopening, closing', () => {
    const events = hartPlan().events;
    const stageAfter = (revision: number) => {
      const view = foldPlanView(events.slice(0, revision + 1)) as PlanView;
      return `${view.status}/${view.stage}`;
    };
    expect(stageAfter(6)).toBe('draft/draft');
    expect(stageAfter(7)).toBe('in-scrutiny/in-scrutiny');
    expect(stageAfter(8)).toBe('in-scrutiny/scrutiny-comments-recorded');
    expect(stageAfter(9)).toBe('in-scrutiny/revised');
    expect(stageAfter(13)).toBe('approved/approved');
    expect(stageAfter(14)).toBe('approved/in-monitoring');

    const plan = hartPlan();
    plan.add('PlanReopenedForRevision', { reason: 'Restructure of the service' });
    expect(foldPlanView(plan.events)).toMatchObject({ status: 'draft', stage: 'reopened-for-revision' });
    plan.add('PlanClosed', { reason: 'Superseded by the 2024/25 plan' });
    expect(foldPlanView(plan.events)).toMatchObject({ status: 'closed', stage: 'closed' });
  });

  it('keeps the colour an actual was given when a later target or tolerance change would give another', () => {
    const plan = hartPlan();
    plan.add('ActualRecorded', {
      code: 'CP10',
      unit: 'rate-per-100k',
      polarity: 'lower-is-better',
      period: '2023/24-Q3',
      value: 41,
      commentary: null,
      recordedBy: OFFICER.id, source: null, method: null, caveats: null,
      assessedAgainst: {
        target: { period: '2023/24', value: 40, text: null, upper: null, baseline: null, comparison: 'at-most' },
        source: 'year',
        tolerancePercent: 5,
        toleranceAbsolute: null,
        baselineFigure: null,
      },
    });
    plan.add('TargetChanged', {
      code: 'CP10',
      unit: 'rate-per-100k',
      polarity: 'lower-is-better',
      period: '2023/24',
      previous: { period: '2023/24', value: 40, text: null, upper: null, baseline: null, comparison: 'at-most' },
      target: { period: '2023/24', value: 30, text: null, upper: null, baseline: null, comparison: 'at-most' },
      reason: 'New Serco contract terms',
      authority: 'Cabinet minute 41',
    });
    plan.add('IndicatorRevised', {
      code: 'CP10',
      changes: { tolerance: 1 },
      previous: { tolerance: 5 },
      reason: 'Tighter monitoring',
    });

    const cp10 = (foldPlanView(plan.events) as PlanView).indicators.find((i) => i.code === 'CP10');
    expect(cp10?.tolerance).toBe(1);
    expect(cp10?.targets).toEqual([
      { period: '2023/24', value: 30, upper: null, baseline: null, comparison: 'at-most', text: null, baselineFigure: null, setAt: '2023-04-03T09:24:00.000Z' },
    ]);
    expect(cp10?.actuals.find((a) => a.period === '2023/24-Q3')).toMatchObject({
      rag: 'amber',
      ragReason: 'Above the target of 40 per 100,000, within the 5% tolerance',
    });

    plan.add('ActualRestated', {
      code: 'CP10',
      unit: 'rate-per-100k',
      polarity: 'lower-is-better',
      period: '2023/24-Q3',
      previous: { value: 41, commentary: null },
      value: 41,
      commentary: 'Recounted after contractor audit',
      reason: 'Contractor figures corrected',
      recordedBy: OFFICER.id, source: null, method: null, caveats: null,
      assessedAgainst: {
        target: { period: '2023/24', value: 30, text: null, upper: null, baseline: null, comparison: 'at-most' },
        source: 'year',
        tolerancePercent: 1,
        toleranceAbsolute: null,
        baselineFigure: null,
      },
    });
    const restated = (foldPlanView(plan.events) as PlanView).indicators
      .find((i) => i.code === 'CP10')
      ?.actuals.find((a) => a.period === '2023/24-Q3');
    expect(restated).toMatchObject({
      rag: 'red',
      restated: true,
      restatementReason: 'Contractor figures corrected',
      commentary: 'Recounted after contractor audit',
    });
  });

  it("keeps the colour and wording an actual was given when the indicator's polarity or unit is revised later", () => {
    const plan = hartPlan();
    plan.add('IndicatorRevised', {
      code: 'CP10',
      changes: { unit: 'count', polarity: 'higher-is-better' },
      previous: { unit: 'rate-per-100k', polarity: 'lower-is-better' },
      reason: 'Now counts collections made',
    });
    plan.add('ActualRecorded', {
      code: 'CP10',
      unit: 'count',
      polarity: 'higher-is-better',
      period: '2023/24-Q3',
      value: 35,
      commentary: null,
      recordedBy: OFFICER.id, source: null, method: null, caveats: null,
      assessedAgainst: {
        target: { period: '2023/24', value: 40, text: null, upper: null, baseline: null, comparison: 'at-least' },
        source: 'year',
        tolerancePercent: 5,
        toleranceAbsolute: null,
        baselineFigure: null,
      },
    });

    const cp10 = (foldPlanView(plan.events) as PlanView).indicators.find((i) => i.code === 'CP10');
    expect(cp10).toMatchObject({ unit: 'count', polarity: 'higher-is-better' });
    expect(cp10?.actuals.map(({ period, rag, ragReason }) => ({ period, rag, ragReason }))).toEqual([
      { period: '2023/24-Q1', rag: 'green', ragReason: 'At or below the target of 40 per 100,000' },
      { period: '2023/24-Q2', rag: 'amber', ragReason: 'Above the target of 40 per 100,000, within the 5% tolerance' },
      { period: '2023/24-Q3', rag: 'red', ragReason: 'Below the target of 40 by more than the 5% tolerance' },
    ]);
  });

  it('depends on the events alone: folding them twice gives the same JSON, key order included', () => {
    const events = hartPlan().events;
    expect(JSON.stringify(foldPlanView(events))).toBe(JSON.stringify(foldPlanView(structuredClone(events))));
  });

  it('has no view for a stream that does not start with PlanDrafted', () => {
    const plan = new PlanStream('orphan');
    const event = plan.add('PlanClosed', { reason: 'never drafted' });
    expect(evolvePlanView(null, event)).toBeNull();
  });

  it('shows a priority stored before kinds existed (schema version 1) as a priority, due only as its words say', () => {
    const plan = new PlanStream('hart-cs-2023-24');
    plan.add('PlanDrafted', hartPlanDraft());
    const stored = plan.add('PriorityAdded', {} as never);
    stored.metadata.schemaVersion = 1;
    stored.data = {
      planId: 'hart-cs-2023-24',
      ref: '10',
      title: hartPriority('10').title,
      themes: [],
      objective: null,
      outcomes: [{ ref: '1', description: 'Full supported IT infrastructure', targetDate: { text: 'September 2023', date: '2023-09-30' } }],
    };
    // As the projector reads stored events: decoded to the current schema first.
    const decoded = plan.events.map(decodePlanEvent);
    const [priority] = (foldPlanView(decoded) as PlanView).priorities;
    expect(priority).toMatchObject({
      ref: '10',
      kind: 'priority',
      sponsor: null,
      manager: null,
      outcomes: [{ ref: '1', targetDate: { text: 'September 2023', date: '2023-09-30' }, due: null }],
    });
  });
});
