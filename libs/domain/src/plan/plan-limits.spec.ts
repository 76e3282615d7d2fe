import { financialYearLabel } from '../periods/financial-periods';
import type { PlanEvent } from './plan-events';
import { PLAN_LIMITS } from './plan-limits';
import { given } from './testing/given-when-then';
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
      data: { planId, ref: String(index + 1), title: 'P', themes: [], objective: null, outcomes: [] },
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
      data: { planId, ...indicator(`I${index}`).data, description: null, tolerance: 5, targets: [] },
    }));
    given([hartDrafted], full)
      .when(indicator('X1'))
      .thenRefused('rule-broken', /^A plan may have at most 200 indicators: this plan would have 201\.$/);
    given([hartDrafted])
      .when(indicator('X1', many(101, () => ({ period: '2023/24', value: 1 }))))
      .thenRefused('rule-broken', /^An indicator may have at most 100 targets: indicator X1 would have 101\.$/);
    const everyYear = many(PLAN_LIMITS.targetsPerIndicator.limit, (index) => ({ period: financialYearLabel(2000 + index), value: 1, text: null, comparison: 'at-least' as const }));
    given([hartDrafted], [{ type: 'IndicatorDefined', data: { planId, ...indicator('X1').data, description: null, tolerance: 5, targets: everyYear } }])
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
});
