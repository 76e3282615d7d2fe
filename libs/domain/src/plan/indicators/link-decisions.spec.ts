import type { PlanEvent } from '../plan-events';
import { given } from '../testing/given-when-then';
import { approvedPlan, CP12_DEFINITION, draftPlan, HART_PLAN_ID, hartDrafted, priority3Added } from '../testing/plan-fixtures';
import type { IndicatorLinked } from './indicator-events';

const planId = HART_PLAN_ID;

/** An action of its own beside priority 3, so that one measure can serve two. */
const action5Added: PlanEvent = {
  type: 'PriorityAdded',
  data: { ...priority3Added.data, ref: '5.1', title: 'Digital council tax accounts', kind: 'action', outcomes: [] },
};

const linked = (priorityRefs: string[], previous: string[] = [], reason: string | null = null): IndicatorLinked => ({
  type: 'IndicatorLinked',
  data: { planId, code: 'CP7', priorityRefs, previous, reason },
});

describe('linking an indicator to the priorities and actions it measures', () => {
  it('links it to two, as the plan spells their refs, without a reason the first time', () => {
    given(draftPlan, [action5Added])
      .when({ type: 'LinkIndicator', data: { code: 'cp7', priorityRefs: ['3', ' 5.1 '] } })
      .then([linked(['3', '5.1'])]);
  });

  it('links it when it is defined, in the same decision', () => {
    const definition = CP12_DEFINITION;
    given([hartDrafted, priority3Added])
      .when({ type: 'DefineIndicator', data: { ...definition, targets: [], priorityRefs: ['3'] } })
      .then([
        { type: 'IndicatorDefined', data: { planId, ...definition, description: null, tolerance: 5, toleranceAbsolute: null, themeId: null, targets: [] } },
        { type: 'IndicatorLinked', data: { planId, code: 'CP12', priorityRefs: ['3'], previous: [], reason: null } },
      ]);
  });

  it('changes or removes links it has only with a reason, keeping what they were', () => {
    given(draftPlan, [action5Added, linked(['3'])])
      .when({ type: 'LinkIndicator', data: { code: 'CP7', priorityRefs: ['5.1'] } })
      .thenRefused('rule-broken', /^Give a reason for changing what indicator CP7 measures, now 3\.$/);
    given(draftPlan, [action5Added, linked(['3'])])
      .when({ type: 'LinkIndicator', data: { code: 'CP7', priorityRefs: [], reason: 'Measured by the action instead' } })
      .then([linked([], ['3'], 'Measured by the action instead')]);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when({ type: 'LinkIndicator', data: { code: 'CP7', priorityRefs: ['3'] } })
      .then([{ type: 'PlanReopenedForRevision', data: { planId, reason: 'Indicator CP7 linked to 3' } }, linked(['3'])]);
  });

  it.each([
    [['9'], /^Indicator CP7 cannot measure '9': no priority, project or action of this plan has that ref\.$/],
    [['3', '3'], /^Indicator CP7 names 3 twice: name each priority, project or action once\.$/],
  ])('refuses %p', (priorityRefs, message) => {
    given(draftPlan).when({ type: 'LinkIndicator', data: { code: 'CP7', priorityRefs } }).thenRefused('rule-broken', message);
  });

  it('refuses links that change nothing, and an indicator the plan does not have', () => {
    given(draftPlan, [linked(['3'])])
      .when({ type: 'LinkIndicator', data: { code: 'CP7', priorityRefs: ['3'], reason: 'Again' } })
      .thenRefused('rule-broken', /^Nothing would change: indicator CP7 already measures 3\.$/);
    given(draftPlan)
      .when({ type: 'LinkIndicator', data: { code: 'CP99', priorityRefs: ['3'] } })
      .thenRefused('not-found', /Indicator 'CP99' is not in this plan/);
  });
});
