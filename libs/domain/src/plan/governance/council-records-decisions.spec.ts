import type { PlanCommand } from '../plan-commands';
import type { PlanEvent } from '../plan-events';
import { given } from '../testing/given-when-then';
import {
  approvedPlan,
  closedPlan,
  cp10Defined,
  draftPlan,
  HART_PLAN_ID,
  hartDrafted,
  planInMonitoring,
  planInScrutiny,
  scrutinyCommentsRecorded,
  version2Published,
} from '../testing/plan-fixtures';

const planId = HART_PLAN_ID;
const oAndS = 'Overview and Scrutiny Committee';
const meetingId = '3f0d6f8e-2b1a-5c4d-8e9f-0a1b2c3d4e5f';

describe('a meeting that considered several plans, entered on one of them', () => {
  const considered = (meetingDate: string, comments: string[] = []): PlanCommand => ({
    type: 'ConsiderAtMeeting',
    data: { meetingId, committee: oAndS, meetingDate, minuteRef: ' minute 126 ', comments },
  });

  it("is the scrutiny of a plan not yet approved, naming the meeting", () => {
    given(planInScrutiny)
      .when(considered('2023-06-20', ['Add a recycling measure']))
      .then([
        {
          type: 'ScrutinyCommentsRecorded',
          data: { planId, committee: oAndS, meetingDate: '2023-06-20', minuteRef: 'minute 126', comments: ['Add a recycling measure'], meetingId },
        },
      ]);
  });

  it('may cite the minutes alone, with no comments', () => {
    given(draftPlan)
      .when(considered('2023-06-20'))
      .then([{ type: 'ScrutinyCommentsRecorded', data: { planId, committee: oAndS, meetingDate: '2023-06-20', minuteRef: 'minute 126', comments: [], meetingId } }]);
  });

  it("is a review of an approved plan's progress, which does not reopen it", () => {
    const reviewed: PlanEvent = {
      type: 'ProgressReviewed',
      data: { planId, committee: oAndS, meetingDate: '2023-07-14', minuteRef: 'minute 126', comments: ['Q1 on track'], meetingId },
    };
    given(planInMonitoring).when(considered('2023-07-14', ['Q1 on track'])).then([reviewed]);
    given(approvedPlan).when(considered('2023-07-14', ['Q1 on track'])).then([reviewed]);
  });

  it('refuses a meeting that has not happened yet', () => {
    given(planInScrutiny).when(considered('2023-07-16')).thenRefused('rule-broken', /meeting date 2023-07-16 is in the future/);
  });

  it('refuses a closed plan', () => {
    given(closedPlan).when(considered('2023-07-14')).thenRefused('rule-broken', /is closed/);
  });
});

describe('a decision approving several plans, entered on one of them', () => {
  const decided = (meetingDate: string, versionLabel?: string): PlanCommand => ({
    type: 'ApproveByDecision',
    data: { body: 'Cabinet', meetingDate, decisionRef: ' CAB 23/07 ', ...(versionLabel === undefined ? {} : { versionLabel }) },
  });
  const readyForCabinet = [...planInScrutiny, scrutinyCommentsRecorded, cp10Defined, version2Published];

  it('approves the latest version, carrying the decision reference', () => {
    given(readyForCabinet)
      .when(decided('2023-07-06'))
      .then([{ type: 'PlanApproved', data: { planId, body: 'Cabinet', meetingDate: '2023-07-06', decisionRef: 'CAB 23/07', versionLabel: '2' } }]);
  });

  it('approves the version named when it is the latest', () => {
    given(readyForCabinet)
      .when(decided('2023-07-06', '2'))
      .then([{ type: 'PlanApproved', data: { planId, body: 'Cabinet', meetingDate: '2023-07-06', decisionRef: 'CAB 23/07', versionLabel: '2' } }]);
  });

  it('refuses a plan with no published version', () => {
    given([hartDrafted]).when(decided('2023-07-06')).thenRefused('rule-broken', /^No version of the plan has been published/);
  });

  it('refuses an earlier version than the latest, and one never published', () => {
    given(readyForCabinet).when(decided('2023-07-06', '1')).thenRefused('rule-broken', /^Version 1 is not the plan's latest: version 2 was published after it\.$/);
    given(readyForCabinet).when(decided('2023-07-06', '3')).thenRefused('rule-broken', /^Version 3 has not been published; the latest version is 2\.$/);
  });

  it('refuses a plan changed since its latest version', () => {
    given(planInScrutiny, [scrutinyCommentsRecorded, cp10Defined])
      .when(decided('2023-07-06'))
      .thenRefused('rule-broken', /^The plan has changed since version 1 was published/);
  });

  it('refuses a decision dated before the scrutiny it follows', () => {
    given(readyForCabinet)
      .when(decided('2023-06-19'))
      .thenRefused('rule-broken', /^The decision of 2023-06-19 would come before the plan's scrutiny of 2023-06-20/);
  });

  it('refuses a decision dated in the future', () => {
    given(readyForCabinet).when(decided('2023-07-16')).thenRefused('rule-broken', /decision date 2023-07-16 is in the future/);
  });

  it('refuses a plan already approved', () => {
    given(approvedPlan).when(decided('2023-07-10')).thenRefused('rule-broken', /^The plan is already approved\.$/);
  });
});
