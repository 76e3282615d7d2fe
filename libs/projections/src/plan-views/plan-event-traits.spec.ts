import { PLAN_EVENT_TYPES, STRUCTURAL_EVENT_TYPES, type PlanEvent, type Target, type TargetComparison } from '@app/domain';
import { formatValue } from './format-value';
import { declaresChange, summarisePlanEvent } from './plan-event-traits';
import { hartPlan } from './testing/hart-plan.fixture';
import { OFFICER } from './testing/plan-stream.fixture';

const plan = hartPlan();
const eventAt = (revision: number) => ({ type: plan.events[revision].type, data: plan.events[revision].data }) as PlanEvent;

describe('summarisePlanEvent', () => {
  it('writes target changes in the indicator unit, with the reason', () => {
    expect(summarisePlanEvent(eventAt(9))).toBe(
      'Target for CP7 2023/24 changed from 97% to 98%: O&S minute 126',
    );
    expect(summarisePlanEvent(eventAt(10))).toBe(
      'Target for CP7 2023/24-Q2 set to 49%: Profiled collection to the end of September',
    );
  });

  it('writes an actual with its RAG against the target in force', () => {
    expect(summarisePlanEvent(eventAt(14))).toBe('Actual for CP7 2023/24-Q1 recorded: 28.1% (no target for 2023/24-Q1)');
    expect(summarisePlanEvent(eventAt(18))).toBe(
      'Actual for CP7 2023/24-Q2 recorded: 55.2% (green against 49%)',
    );
    expect(summarisePlanEvent(eventAt(19))).toBe(
      'Actual for CP10 2023/24-Q2 recorded: 41 per 100,000 (amber against 40 per 100,000)',
    );
  });

  it('writes a restatement from the figures and polarity the event carries, whatever the indicator says now', () => {
    const restated: PlanEvent = {
      type: 'ActualRestated',
      data: {
        planId: 'p',
        code: 'CP10',
        unit: 'rate-per-100k',
        polarity: 'lower-is-better',
        period: '2023/24-Q2',
        previous: { value: 41, commentary: null },
        value: 39.5,
        commentary: null,
        reason: 'Contractor figures corrected',
        recordedBy: OFFICER.id, source: null, method: null, caveats: null,
        assessedAgainst: {
          target: { period: '2023/24', value: 40, text: null, upper: null, baseline: null, comparison: 'at-most' },
          source: 'year',
          tolerancePercent: 5,
          toleranceAbsolute: null,
          baselineFigure: null,
        },
      },
    };
    expect(summarisePlanEvent(restated)).toBe(
      'Actual for CP10 2023/24-Q2 restated from 41 per 100,000 to 39.5 per 100,000 (green against 40 per 100,000): Contractor figures corrected',
    );
  });

  it('says an actual against a target in words alone is not rated', () => {
    const recorded: PlanEvent = {
      type: 'ActualRecorded',
      data: {
        planId: 'p',
        code: 'CP3',
        unit: 'days',
        polarity: 'lower-is-better',
        period: '2023/24-Q1',
        value: 12,
        commentary: null,
        recordedBy: OFFICER.id, source: null, method: null, caveats: null,
        assessedAgainst: {
          target: { period: '2023/24', value: null, text: 'Reduce on last year', upper: null, baseline: null, comparison: null },
          source: 'year',
          tolerancePercent: 5,
          toleranceAbsolute: null,
          baselineFigure: null,
        },
      },
    };
    expect(summarisePlanEvent(recorded)).toBe(
      'Actual for CP3 2023/24-Q1 recorded: 12 days (target "Reduce on last year", not rated)',
    );
  });

  it('writes versions, withdrawals and governance steps', () => {
    expect(summarisePlanEvent(eventAt(12))).toBe('Version 2 published: Version updated to reflect O&S comments');
    expect(summarisePlanEvent(eventAt(11))).toBe('Priority 6 withdrawn: merged into 8');
    expect(summarisePlanEvent(eventAt(7))).toBe('Version 1 submitted to Overview and Scrutiny Committee for 2023-06-20');
    expect(summarisePlanEvent(eventAt(8))).toBe(
      'Overview and Scrutiny Committee comments of 2023-06-20 recorded (2 comments): minute 126',
    );
    expect(summarisePlanEvent(eventAt(13))).toBe('Plan approved by Cabinet on 2023-07-06: Cabinet minute 23');
  });

  it('names the changed fields of an indicator revision with before and after', () => {
    const revised: PlanEvent = {
      type: 'IndicatorRevised',
      data: {
        planId: 'p',
        code: 'CP10',
        changes: { tolerance: 3, title: 'Missed bins' },
        previous: { tolerance: 5, title: 'Number of missed collections' },
        reason: 'Agreed with Serco',
      },
    };
    expect(summarisePlanEvent(revised)).toBe('Indicator CP10 revised (tolerance 5% to 3%, title): Agreed with Serco');
  });

  it('names a tolerance changing from a percent to an amount in the unit as one change', () => {
    const revised: PlanEvent = {
      type: 'IndicatorRevised',
      data: {
        planId: 'p',
        code: 'CP10',
        changes: { tolerance: null, toleranceAbsolute: 2 },
        previous: { tolerance: 5, toleranceAbsolute: null },
        reason: 'Two bins either way',
      },
    };
    expect(summarisePlanEvent(revised)).toBe('Indicator CP10 revised (tolerance 5% to ±2): Two bins either way');
  });

  it('writes a target with the comparison its polarity would not say, or its words when it is not yet set', () => {
    const targetSet = (target: Target): PlanEvent => ({
      type: 'TargetSet',
      data: { planId: 'p', code: 'CP3', unit: 'days', polarity: 'lower-is-better', target, reason: null, authority: null },
    });
    const of = (value: number | null, comparison: TargetComparison | null, upper: number | null = null, text: string | null = null) => ({
      period: '2023/24',
      value,
      upper,
      baseline: null,
      comparison,
      text,
    });
    expect(summarisePlanEvent(targetSet(of(18, 'at-most')))).toBe('Target for CP3 2023/24 set to 18 days');
    expect(summarisePlanEvent(targetSet(of(18, 'less-than', null, 'Less than 18 days')))).toBe(
      'Target for CP3 2023/24 set to less than 18 days',
    );
    expect(summarisePlanEvent(targetSet(of(10, 'between', 18)))).toBe('Target for CP3 2023/24 set to between 10 days and 18 days');
    expect(summarisePlanEvent(targetSet(of(null, null, null, 'TBA')))).toBe('Target for CP3 2023/24 set to "TBA"');
  });

  it('names a project and its milestones as a project, and an action as an action', () => {
    const milestone = {
      ref: 'Q1',
      description: 'Improvement completed',
      targetDate: { text: '2020/21 Quarter 1', date: '2020-06-30' },
      due: { period: '2020/21-Q1', date: '2020-06-30' },
    };
    const events: PlanEvent[] = [
      {
        type: 'PriorityAdded',
        data: {
          planId: 'p',
          ref: 'WD',
          title: 'Website Development',
          themes: [], themeIds: [],
          objective: null,
          kind: 'project',
          sponsor: 'Joanne Wagstaffe',
          manager: null,
          outcomes: [milestone],
        },
      },
      {
        type: 'PriorityRevised',
        data: { planId: 'p', ref: 'WD', kind: 'project', changes: { manager: 'Phil King' }, previous: { manager: null }, reason: 'Manager appointed' },
      },
      { type: 'OutcomeAdded', data: { planId: 'p', priorityRef: 'WD', priorityKind: 'project', outcome: { ...milestone, ref: 'Q2', description: 'Review the new home page' }, reason: 'r' } },
      {
        type: 'OutcomeChanged',
        data: { planId: 'p', priorityRef: 'WD', priorityKind: 'project', outcomeRef: 'Q1', before: milestone, after: milestone, reason: 'Slipped' },
      },
      { type: 'OutcomeRemoved', data: { planId: 'p', priorityRef: 'A1', priorityKind: 'action', outcome: milestone, reason: 'Done' } },
      { type: 'PriorityWithdrawn', data: { planId: 'p', ref: 'A1', kind: 'action', title: 'Publish', reason: 'Done elsewhere' } },
    ];
    expect(events.map(summarisePlanEvent)).toEqual([
      'Project WD added: Website Development',
      'Project WD revised (manager): Manager appointed',
      'Milestone Q2 added to project WD: Review the new home page',
      'Milestone Q1 of project WD changed: Slipped',
      'Outcome Q1 removed from action A1: Done',
      'Action A1 withdrawn: Done elsewhere',
    ]);
  });

  it("adds an actual's data-quality notes to its line, those given only", () => {
    const recorded = eventAt(plan.events.findIndex((event) => event.type === 'ActualRecorded'));
    const noted = { ...recorded, data: { ...recorded.data, source: 'Capita revenues system', caveats: 'Refunds not yet netted off' } } as PlanEvent;
    expect(summarisePlanEvent(noted)).toMatch(/ \[source: Capita revenues system; caveats: Refunds not yet netted off\]$/);
    expect(summarisePlanEvent(recorded)).not.toContain('[');
  });

  it('names who is made answerable for returns and who checks them, and who they replace', () => {
    const nobody = { owner: null, approver: null };
    const events: PlanEvent[] = [
      { type: 'IndicatorOwnershipAssigned', data: { planId: 'p', code: 'CP7', owner: 'u-jones', approver: 'u-patel', previous: nobody, reason: null } },
      {
        type: 'IndicatorOwnershipAssigned',
        data: { planId: 'p', code: 'CP7', owner: 'u-khan', approver: null, previous: { owner: 'u-jones', approver: 'u-patel' }, reason: 'Mr Jones retired' },
      },
      { type: 'PriorityOwnershipAssigned', data: { planId: 'p', ref: 'WD', kind: 'project', owner: null, approver: 'u-patel', previous: nobody, reason: 'Sponsor signs off' } },
    ];
    expect(events.map(summarisePlanEvent)).toEqual([
      'Responsibility for indicator CP7: owner u-jones, approver u-patel',
      'Responsibility for indicator CP7: owner u-jones to u-khan, no approver: Mr Jones retired',
      'Responsibility for project WD: approver u-patel: Sponsor signs off',
    ]);
  });

  it('cuts a long priority title at a word', () => {
    const added: PlanEvent = {
      type: 'PriorityAdded',
      data: {
        planId: 'p',
        ref: '1',
        title:
          "Review Medium Term Financial Strategy to ensure the Council's financial resources and commitments are aligned",
        themes: [], themeIds: [],
        objective: null,
        kind: 'priority',
        sponsor: null,
        manager: null,
        outcomes: [],
      },
    };
    expect(summarisePlanEvent(added)).toBe(
      "Priority 1 added: Review Medium Term Financial Strategy to ensure the Council's financial…",
    );
  });
});

describe('formatValue', () => {
  it('writes each unit as a council report does', () => {
    expect(formatValue(98, 'percent')).toBe('98%');
    expect(formatValue(25, 'currency')).toBe('£25');
    expect(formatValue(1824973, 'currency')).toBe('£1,824,973');
    expect(formatValue(40, 'rate-per-100k')).toBe('40 per 100,000');
    expect(formatValue(18, 'days')).toBe('18 days');
    expect(formatValue(1, 'days')).toBe('1 day');
    expect(formatValue(1234.5, 'count')).toBe('1,234.5');
  });
});

describe('what every event type declares', () => {
  it.each(PLAN_EVENT_TYPES)('%s is counted by the version table exactly when the domain calls it structural', (type) => {
    expect(declaresChange(type)).toBe(STRUCTURAL_EVENT_TYPES.has(type));
  });
});
