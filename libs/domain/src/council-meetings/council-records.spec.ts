import { refusalOf } from '../plan/testing/given-when-then';
import {
  decideDecision,
  evolveDecision,
  initialDecisionState,
  requireSameDecision,
  type DecisionCommand,
  type DecisionEvent,
  type DecisionTaken,
  type TakeDecision,
} from './decision-record';
import { decideMeeting, evolveMeeting, initialMeetingState, type RecordMeeting } from './meeting-record';
import { refusalNamingEachPlan, type PlanEntry } from './plans-covered';

const now = new Date('2024-04-10T09:00:00Z');
const plans = ['hart-place-2024-25', 'hart-communities-2024-25', 'hart-corporate-services-2024-25'];

const cabinet: TakeDecision = {
  type: 'TakeDecision',
  data: {
    decisionId: 'd-1',
    decisionRef: 'Cabinet 4 April 2024, item 7',
    body: 'Cabinet',
    meetingDate: '2024-04-04',
    title: 'Service Plans 2024-25',
    plans: plans.map((planId, revision) => ({ planId, versionLabel: '2', revision })),
  },
};
const entries: PlanEntry[] = plans.map((planId, index) => ({ planId, entered: true, revision: 9, position: 100 + index }));

const stateAfter = (events: DecisionEvent[]) => events.reduce(evolveDecision, initialDecisionState);


describe("a council's decision covering several plans", () => {
  it('is taken once, for every plan it names', () => {
    expect(decideDecision(cabinet, initialDecisionState, 'hart', now)).toEqual([{ type: 'DecisionTaken', data: { council: 'hart', ...cabinet.data } }]);
  });

  it('asked again in the same words records nothing, whatever revisions the plans are at now', () => {
    const taken = stateAfter(decideDecision(cabinet, initialDecisionState, 'hart', now));
    const again: DecisionCommand = { ...cabinet, data: { ...cabinet.data, plans: cabinet.data.plans.map((plan) => ({ ...plan, revision: 40 })) } };
    expect(decideDecision(again, taken, 'hart', now)).toEqual([]);
  });

  it('asked again naming no version is the decision that approved the latest', () => {
    const taken = decideDecision(cabinet, initialDecisionState, 'hart', now)[0] as DecisionTaken;
    expect(() => requireSameDecision(taken.data, { ...cabinet.data, plans: plans.map((planId) => ({ planId, versionLabel: null })) })).not.toThrow();
    expect(() => requireSameDecision(taken.data, { ...cabinet.data, plans: plans.map((planId) => ({ planId, versionLabel: '1' })) })).toThrow(/already recorded/);
  });

  it('refuses its reference given to another decision', () => {
    const taken = stateAfter(decideDecision(cabinet, initialDecisionState, 'hart', now));
    const other: DecisionCommand = { ...cabinet, data: { ...cabinet.data, plans: cabinet.data.plans.slice(1) } };
    expect(refusalOf(() => decideDecision(other, taken, 'hart', now)).message).toMatch(
      /^The decision Cabinet 4 April 2024, item 7 is already recorded as "Service Plans 2024-25" of 2024-04-04/,
    );
  });

  it('refuses no plans, a plan named twice, and a date to come', () => {
    const withPlans = (planIds: string[]): DecisionCommand => ({ ...cabinet, data: { ...cabinet.data, plans: planIds.map((planId) => ({ planId, versionLabel: '1', revision: 0 })) } });
    expect(refusalOf(() => decideDecision(withPlans([]), initialDecisionState, 'hart', now)).message).toBe('Name at least one plan this decision covers.');
    expect(refusalOf(() => decideDecision(withPlans(['a', 'b', 'a']), initialDecisionState, 'hart', now)).message).toBe("Name each plan once: 'a' is named more than once.");
    const tomorrow: DecisionCommand = { ...cabinet, data: { ...cabinet.data, meetingDate: '2024-04-11' } };
    expect(refusalOf(() => decideDecision(tomorrow, initialDecisionState, 'hart', now)).message).toMatch(/decision date 2024-04-11 is in the future/);
  });

  it('is entered on its plans once: the record of it being entered is not written twice', () => {
    const taken = stateAfter(decideDecision(cabinet, initialDecisionState, 'hart', now));
    const entered = decideDecision({ type: 'EnterDecisionOnPlans', data: { plans: entries } }, taken, 'hart', now);
    expect(entered).toEqual([{ type: 'DecisionEnteredOnPlans', data: { decisionId: 'd-1', plans: entries } }]);
    expect(decideDecision({ type: 'EnterDecisionOnPlans', data: { plans: entries } }, stateAfter([...decideDecision(cabinet, initialDecisionState, 'hart', now), ...entered]), 'hart', now)).toEqual([]);
  });

  it('is entered only once every one of its plans is', () => {
    const taken = stateAfter(decideDecision(cabinet, initialDecisionState, 'hart', now));
    expect(() => decideDecision({ type: 'EnterDecisionOnPlans', data: { plans: entries.slice(1) } }, taken, 'hart', now)).toThrow(/each of its plans is entered/);
  });
});

describe("a council's meeting that considered several plans", () => {
  const oAndS: RecordMeeting = {
    type: 'RecordMeeting',
    data: {
      meetingId: 'm-1',
      committee: 'Overview and Scrutiny Committee',
      meetingDate: '2024-03-19',
      minuteRef: 'minute 126',
      plans: plans.map((planId) => ({ planId, comments: [], kind: 'scrutiny' as const, revision: 4 })),
    },
  };

  it('is recorded once, each plan with its comments, which may be none', () => {
    const events = decideMeeting(oAndS, initialMeetingState, 'hart', now);
    expect(events).toEqual([{ type: 'MeetingRecorded', data: { council: 'hart', ...oAndS.data } }]);
    expect(refusalOf(() => decideMeeting(oAndS, events.reduce(evolveMeeting, initialMeetingState), 'hart', now)).kind).toBe('already-exists');
  });

  it('refuses a meeting still to come', () => {
    const later: RecordMeeting = { ...oAndS, data: { ...oAndS.data, meetingDate: '2024-06-01' } };
    expect(refusalOf(() => decideMeeting(later, initialMeetingState, 'hart', now)).message).toMatch(/meeting date 2024-06-01 is in the future/);
  });
});

describe('a refusal naming each plan', () => {
  it('says that nothing was done and why, plan by plan', () => {
    const refusal = refusalNamingEachPlan(
      [
        { planId: 'hart-place-2024-25', reason: 'No version of the plan has been published.' },
        { planId: 'hart-communities-2024-25', reason: 'The plan is already approved.' },
      ],
      'No plan was approved',
    );
    expect(refusal.kind).toBe('rule-broken');
    expect(refusal.message).toBe(
      "No plan was approved, because 2 plans cannot take it: plan 'hart-place-2024-25': No version of the plan has been published.; plan 'hart-communities-2024-25': The plan is already approved.",
    );
  });
});
