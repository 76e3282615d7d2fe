import { decideCorporatePlan, evolveCorporatePlans, initialCorporatePlans } from '../corporate-plan/corporate-plan';
import { HART_CORPORATE_PLAN, HART_CORPORATE_THEMES } from '../corporate-plan/testing/hart-corporate-plan.seed';
import type { PlanCommand } from './plan-commands';
import { DEFAULT_RISK_MATRIX } from './risks/risk-matrix';
import { given, HART_CORPORATE_PLANS, SPEC_ACTOR } from './testing/given-when-then';
import { councilFactsNeededBy, decide } from './decide';
import { evolve } from './evolve';
import { initialPlanState } from './plan-state';
import { hartDrafted } from './testing/plan-fixtures';

const { planId } = hartDrafted.data;

const NOW = new Date('2023-07-15T10:00:00Z');
const addPriority = (themeIds?: string[]): PlanCommand => ({
  type: 'AddPriority',
  data: { ref: '16', title: "Achieve the Council's Climate change aspirations", themes: ['Planet'], ...(themeIds && { themeIds }), outcomes: [] },
});
const priorityAdded = (themeIds: string[]) => ({
  type: 'PriorityAdded' as const,
  data: {
    planId,
    ref: '16',
    title: "Achieve the Council's Climate change aspirations",
    themes: ['Planet'],
    themeIds,
    objective: null,
    kind: 'priority' as const,
    sponsor: null,
    manager: null,
    outcomes: [],
  },
});
/** Hart's corporate plan after Place was taken out of it (ILLUSTRATIVE). */
const withoutPlace = decideCorporatePlan(
  {
    type: 'ReviseCorporatePlan',
    data: { corporatePlanId: HART_CORPORATE_PLAN.corporatePlanId, themes: HART_CORPORATE_THEMES.filter(({ id }) => id !== 'place'), reason: 'Mid-term review' },
  },
  HART_CORPORATE_PLANS,
  'hart',
).reduce(evolveCorporatePlans, HART_CORPORATE_PLANS);

describe('links to the corporate plan’s themes', () => {
  it('are read only for the commands that name themes by id', () => {
    expect(councilFactsNeededBy(addPriority(['planet']))).toEqual({ riskMatrix: false, corporatePlans: true });
    expect(councilFactsNeededBy(addPriority())).toEqual({ riskMatrix: false, corporatePlans: false });
    expect(councilFactsNeededBy(addPriority([])).corporatePlans).toBe(false);
    expect(councilFactsNeededBy({ type: 'ReviseIndicator', data: { code: 'CP7', themeId: 'resilient', reason: 'r' } }).corporatePlans).toBe(true);
    expect(councilFactsNeededBy({ type: 'ReviseIndicator', data: { code: 'CP7', themeId: null, reason: 'Unlinked' } }).corporatePlans).toBe(false);
  });

  it('link a priority to themes of the corporate plan covering the plan, as it spells their ids, its words kept', () => {
    given([hartDrafted]).when(addPriority(['Planet', 'resilient'])).then([priorityAdded(['planet', 'resilient'])]);
  });

  it('refuse a theme the corporate plan in force does not have, naming it and the themes it has', () => {
    given([hartDrafted])
      .when(addPriority(['planets']))
      .thenRefused('rule-broken', /^The corporate plan 'Hart District Council Corporate Plan 2023\/2027' has no theme 'planets' for priority 16: its themes are planet, people, place, resilient\.$/);
  });

  it('refuse a theme named twice', () => {
    given([hartDrafted]).when(addPriority(['planet', 'PLANET'])).thenRefused('rule-broken', /names the theme 'planet' twice/);
  });

  it('refuse ids when no corporate plan of the council covers the plan’s period, and keep words working without one', () => {
    given([hartDrafted])
      .when(addPriority(['planet']), NOW, DEFAULT_RISK_MATRIX, initialCorporatePlans)
      .thenRefused('rule-broken', /no corporate plan of the council covers 2023\/24 .*: record the corporate plan first, or give the themes in words/);
    given([hartDrafted]).when(addPriority(), NOW, DEFAULT_RISK_MATRIX, initialCorporatePlans).then([priorityAdded([])]);
  });

  it('keep what was linked to a theme since removed, and refuse new links to it', () => {
    const linked = priorityAdded(['place']);
    given([hartDrafted], [linked])
      .when({ type: 'RevisePriority', data: { ref: '16', title: 'Climate change aspirations', reason: 'Shorter' } }, NOW, DEFAULT_RISK_MATRIX, withoutPlace)
      .then([
        {
          type: 'PriorityRevised',
          data: { planId, ref: '16', kind: 'priority', changes: { title: 'Climate change aspirations' }, previous: { title: "Achieve the Council's Climate change aspirations" }, reason: 'Shorter' },
        },
      ]);
    given([hartDrafted])
      .when(addPriority(['place']), NOW, DEFAULT_RISK_MATRIX, withoutPlace)
      .thenRefused('rule-broken', /has no theme 'place' for priority 16: its themes are planet, people, resilient/);
  });

  it('link an indicator to one theme when defined, and revise or unlink it', () => {
    const define: PlanCommand = {
      type: 'DefineIndicator',
      data: { code: 'CP1', title: 'Carbon emissions', unit: 'count', polarity: 'lower-is-better', basis: 'annual', frequency: 'annual', themeId: 'PLANET', targets: [] },
    };
    const drafted = [hartDrafted].reduce(evolve, initialPlanState);
    const [defined] = decide(define, drafted, { now: NOW, actor: SPEC_ACTOR, riskMatrix: null, corporatePlans: HART_CORPORATE_PLANS });
    expect(defined).toMatchObject({ type: 'IndicatorDefined', data: { code: 'CP1', themeId: 'planet' } });
    const unlink: PlanCommand = { type: 'ReviseIndicator', data: { code: 'CP1', themeId: null, reason: 'Reported under the climate strategy' } };
    expect(decide(unlink, evolve(drafted, defined), { now: NOW, actor: SPEC_ACTOR, riskMatrix: null, corporatePlans: null })).toEqual([
      { type: 'IndicatorRevised', data: { planId, code: 'CP1', changes: { themeId: null }, previous: { themeId: 'planet' }, reason: 'Reported under the climate strategy' } },
    ]);
    given([hartDrafted])
      .when({ ...define, data: { ...define.data, themeId: 'nowhere' } } as PlanCommand)
      .thenRefused('rule-broken', /has no theme 'nowhere' for indicator CP1/);
  });
});
