import { financialYearLabel } from '../periods/financial-periods';
import type { PlanEvent } from './plan-events';
import { PLAN_LIMITS } from './plan-limits';
import { afterCommands, given } from './testing/given-when-then';
import { draftPlan, hartDrafted, HART_PLAN_ID } from './testing/plan-fixtures';

const planId = HART_PLAN_ID;
const many = <T>(count: number, item: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => item(index));
const priority = (ref: string, extra: { themes?: string[]; outcomes?: Array<{ description: string }> } = {}) => ({
  type: 'AddPriority' as const,
  data: { ref, title: `Priority ${ref}`, themes: extra.themes ?? ['Resilient council'], outcomes: extra.outcomes ?? [] },
});
const indicator = (code: string, targets: Array<{ period: string; value: number }> = []) => ({
  type: 'DefineIndicator' as const,
  data: { code, title: code, unit: 'count' as const, polarity: 'higher-is-better' as const, basis: 'period' as const, frequency: 'annual' as const, targets },
});

describe('how much a plan may hold', () => {
  it('refuses a priority beyond the plan\'s limit, saying the limit', () => {
    const full: PlanEvent[] = many(PLAN_LIMITS.prioritiesPerPlan.limit, (index) => ({
      type: 'PriorityAdded',
      data: { planId, ref: String(index + 1), title: 'P', themes: [], themeIds: [], objective: null, kind: 'priority', sponsor: null, manager: null, outcomes: [] },
    }));
    given([hartDrafted], full)
      .when(priority('201'))
      .thenRefused('rule-broken', /^A plan may have at most 200 priorities: this plan would have 201\.$/);
  });

  it('refuses outcomes and themes beyond a priority\'s limits, when added or revised', () => {
    const outcomes = many(12_000, (index) => ({ description: `Outcome ${index}` }));
    given([hartDrafted])
      .when(priority('1', { outcomes }))
      .thenRefused('rule-broken', /^A priority may have at most 100 outcomes: priority 1 would have 12000\.$/);
    given([hartDrafted])
      .when(priority('1', { themes: many(21, (index) => `Theme ${index}`) }))
      .thenRefused('rule-broken', /^A priority may have at most 20 themes: priority 1 would have 21\.$/);
    given(draftPlan)
      .when({ type: 'RevisePriority', data: { ref: '3', themes: many(60_000, () => 'Theme'), reason: 'More' } })
      .thenRefused('rule-broken', /^A priority may have at most 20 themes: priority 3 would have 60000\.$/);
  });

  it('accepts a priority at its limits', () => {
    given([hartDrafted])
      .when(priority('1', { themes: many(20, (index) => `T${index}`), outcomes: many(100, () => ({ description: 'O' })) }))
      .then([
      expect.objectContaining({ type: 'PriorityAdded', data: expect.objectContaining({ ref: '1' }) }),
    ] as PlanEvent[]);
  });

  it('refuses indicators and targets beyond their limits', () => {
    const full: PlanEvent[] = many(PLAN_LIMITS.indicatorsPerPlan.limit, (index) => ({
      type: 'IndicatorDefined',
      data: { planId, ...indicator(`I${index}`).data, description: null, tolerance: 5, toleranceAbsolute: null, themeId: null, targets: [] },
    }));
    given([hartDrafted], full)
      .when(indicator('X1'))
      .thenRefused('rule-broken', /^A plan may have at most 200 indicators: this plan would have 201\.$/);
    given([hartDrafted])
      .when(indicator('X1', many(101, () => ({ period: '2023/24', value: 1 }))))
      .thenRefused('rule-broken', /^An indicator may have at most 100 targets: indicator X1 would have 101\.$/);
    const everyYear = many(PLAN_LIMITS.targetsPerIndicator.limit, (index) => ({ period: financialYearLabel(2000 + index), value: 1, text: null, upper: null, baseline: null, comparison: 'at-least' as const }));
    given([hartDrafted], [{ type: 'IndicatorDefined', data: { planId, ...indicator('X1').data, description: null, tolerance: 5, toleranceAbsolute: null, themeId: null, targets: everyYear } }])
      .when({ type: 'SetTarget', data: { code: 'X1', period: '2023/24-Q1', value: 2 } })
      .thenRefused('rule-broken', /^An indicator may have at most 100 targets: indicator X1 would have 101\.$/);
  });

  it('refuses a scrutiny record with more comments than its limit', () => {
    given(draftPlan)
      .when({
        type: 'RecordScrutiny',
        data: { committee: 'O&S', meetingDate: '2023-06-20', comments: many(201, (index) => `Comment ${index}`) },
      })
      .thenRefused('rule-broken', /^A record of scrutiny may have at most 200 comments: this record would have 201\.$/);
  });

  describe('totals a plan reaches over many commands', () => {
    const outcomes = (count: number) => many(count, (index) => ({ description: `Outcome ${index}` }));
    const scrutiny = (comments: number) => ({
      type: 'RecordScrutiny' as const,
      data: { committee: 'O&S', meetingDate: '2023-06-20', comments: many(comments, (index) => `Comment ${index}`) },
    });

    it('refuses outcomes beyond the plan\'s total, whether a priority is added or revised', () => {
      const full = afterCommands(
        [hartDrafted],
        [
          ...many(19, (index) => priority(String(index + 1), { outcomes: outcomes(100) })),
          priority('20', { outcomes: outcomes(99) }),
          priority('21', { outcomes: outcomes(1) }),
        ],
      );

      given(full)
        .when(priority('22', { outcomes: outcomes(1) }))
        .thenRefused('rule-broken', /^A plan may have at most 2000 outcomes in all: this plan would have 2001\.$/);
      given(full)
        .when({ type: 'RevisePriority', data: { ref: '20', outcomes: outcomes(100), reason: 'One more' } })
        .thenRefused('rule-broken', /^A plan may have at most 2000 outcomes in all: this plan would have 2001\.$/);
      given(full)
        .when({ type: 'RevisePriority', data: { ref: '21', outcomes: [{ ref: '1', description: 'Reworded' }], reason: 'Clearer' } })
        .then([expect.objectContaining({ type: 'OutcomeChanged' })] as PlanEvent[]);
    });

    it('refuses records of scrutiny, and scrutiny comments, beyond the plan\'s totals', () => {
      given(afterCommands([hartDrafted], many(100, () => scrutiny(1))))
        .when(scrutiny(1))
        .thenRefused('rule-broken', /^A plan may have at most 100 records of scrutiny: this plan would have 101\.$/);
      given(afterCommands([hartDrafted], many(10, () => scrutiny(200))))
        .when(scrutiny(1))
        .thenRefused('rule-broken', /^A plan may have at most 2000 scrutiny comments in all: this plan would have 2001\.$/);
    });

    it('refuses a version beyond the plan\'s total of published versions', () => {
      const publish = { type: 'PublishVersion' as const, data: { reason: 'Changed' } };
      const published = afterCommands([hartDrafted], many(100, (index) => [priority(String(index + 1)), publish]).flat());

      given(published, afterCommands(published, [priority('101')]).slice(published.length))
        .when(publish)
        .thenRefused('rule-broken', /^A plan may have at most 100 published versions: this plan would have 101\.$/);
    });
  });
});
