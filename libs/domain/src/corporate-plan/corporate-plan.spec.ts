import { refusalOf } from '../plan/testing/given-when-then';
import { parsePlanPeriod } from '../periods/plan-periods';
import {
  corporatePlanCovering,
  corporatePlansStreamId,
  decideCorporatePlan,
  describeCorporatePlanChanges,
  evolveCorporatePlans,
  initialCorporatePlans,
  themeOf,
  type CorporatePlanCommand,
  type CorporatePlanEvent,
  type CorporatePlansState,
} from './corporate-plan';
import { HART_CORPORATE_PLAN, HART_CORPORATE_THEMES } from './testing/hart-corporate-plan.seed';

const HART_THEMES = HART_CORPORATE_THEMES;

const RECORD: CorporatePlanCommand = {
  type: 'RecordCorporatePlan',
  data: HART_CORPORATE_PLAN,
};

const given = (events: CorporatePlanEvent[]): CorporatePlansState => events.reduce(evolveCorporatePlans, initialCorporatePlans);
const decided = (events: CorporatePlanEvent[], command: CorporatePlanCommand) => decideCorporatePlan(command, given(events), 'hart');
const recorded = () => decided([], RECORD);
const revise = (data: Partial<Extract<CorporatePlanCommand, { type: 'ReviseCorporatePlan' }>['data']>): CorporatePlanCommand => ({
  type: 'ReviseCorporatePlan',
  data: { corporatePlanId: 'corporate-plan-2023-27', reason: 'Cabinet, minute 12', ...data },
});

describe("a council's corporate plan", () => {
  it('is recorded on the council\'s own stream with its period and themes', () => {
    expect(corporatePlansStreamId('hart')).toBe('corporatePlans-hart');
    expect(recorded()).toEqual([
      {
        type: 'CorporatePlanRecorded',
        data: {
          corporatePlanId: 'corporate-plan-2023-27',
          council: 'hart',
          title: HART_CORPORATE_PLAN.title,
          period: { kind: 'multi-year', label: '2023-2027', from: '2023-04-01', to: '2027-03-31' },
          themes: HART_THEMES,
        },
      },
    ]);
  });

  it('is in force for every service plan whose period it covers, and for no other', () => {
    const state = given(recorded());
    expect(corporatePlanCovering(state, parsePlanPeriod('2024/25'))?.corporatePlanId).toBe('corporate-plan-2023-27');
    expect(corporatePlanCovering(state, parsePlanPeriod('2026/27'))).not.toBeNull();
    expect(corporatePlanCovering(state, parsePlanPeriod('2022/23'))).toBeNull();
    expect(corporatePlanCovering(state, parsePlanPeriod('2026-2028'))).toBeNull();
    expect(themeOf(state.plans['corporate-plan-2023-27'], 'Planet')?.title).toBe('Planet');
  });

  const withData = (data: Partial<Extract<CorporatePlanCommand, { type: 'RecordCorporatePlan' }>['data']>): CorporatePlanCommand => ({
    type: 'RecordCorporatePlan',
    data: { ...(RECORD.data as Extract<CorporatePlanCommand, { type: 'RecordCorporatePlan' }>['data']), ...data },
  });

  it.each([
    ['an id already used', RECORD, 'already-exists', "already has a corporate plan 'corporate-plan-2023-27'"],
    ['a period overlapping another corporate plan', withData({ corporatePlanId: 'next', period: '2026-2030' }), 'rule-broken', 'one corporate plan in force at a time'],
    ['no themes', withData({ corporatePlanId: 'next', period: '2027-2031', themes: [] }), 'rule-broken', 'at least one theme'],
    ['a theme id twice (in any case)', withData({ corporatePlanId: 'next', period: '2027-2031', themes: [...HART_THEMES, { id: 'PLANET', title: 'Planet again', objectives: [] }] }), 'rule-broken', "theme id 'PLANET' is given twice"],
    ['an objective ref twice in a theme', withData({ corporatePlanId: 'next', period: '2027-2031', themes: [{ id: 'x', title: 'X', objectives: [{ ref: 'A', text: 'a' }, { ref: 'a', text: 'b' }] }] }), 'rule-broken', "lists the objective 'a' twice"],
    ['a quarter for its period', withData({ corporatePlanId: 'next', period: '2027/28 Q1' }), 'rule-broken', 'is a quarter'],
  ])('is refused with %s, beside the plan recorded', (_, command, kind, message) => {
    expect(refusalOf(() => decided(recorded(), command))).toMatchObject({ kind, message: expect.stringContaining(message) });
  });

  it('is recorded for a period after the one before', () => {
    expect(decided(recorded(), withData({ corporatePlanId: 'next', period: '2027-2031' }))).toHaveLength(1);
  });

  it('is revised with a reason, recording what changed and what it was', () => {
    const themes = HART_THEMES.filter((theme) => theme.id !== 'place').map((theme) => (theme.id === 'people' ? { ...theme, title: 'People and communities' } : theme));
    const [revised] = decided(recorded(), revise({ themes }));
    expect(revised).toEqual({
      type: 'CorporatePlanRevised',
      data: { corporatePlanId: 'corporate-plan-2023-27', changes: { themes }, previous: { themes: HART_THEMES }, reason: 'Cabinet, minute 12' },
    });
    if (revised.type !== 'CorporatePlanRevised') throw new Error('not a revision');
    expect(describeCorporatePlanChanges(revised.data)).toEqual([
      "Theme people renamed from 'People' to 'People and communities'",
      'Theme place removed: Place',
    ]);
    const state = given([...recorded(), revised]);
    expect(state.plans['corporate-plan-2023-27'].themes.map((theme) => theme.id)).toEqual(['planet', 'people', 'resilient']);
  });

  it.each([
    ['without a reason', revise({ title: 'New title', reason: ' ' }), 'rule-broken', 'Give a reason'],
    ['changing nothing', revise({ title: HART_CORPORATE_PLAN.title }), 'rule-broken', 'Nothing would change'],
    ['of a corporate plan the council does not have', revise({ corporatePlanId: 'other', title: 'X' }), 'not-found', 'Corporate plan other was not found'],
  ])('refuses a revision %s', (_, command, kind, message) => {
    const refusal = refusalOf(() => decided(recorded(), command));
    expect(refusal).toMatchObject({ kind, message: expect.stringContaining(message) });
  });
});
