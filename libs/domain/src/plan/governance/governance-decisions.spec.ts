import type { PlanCommand } from '../plan-commands';
import type { PlanEvent } from '../plan-events';
import { given } from '../testing/given-when-then';
import {
  approvedPlan,
  closedPlan,
  cp7Q1Recorded,
  draftPlan,
  HART_PLAN_ID,
  hartDrafted,
  planInMonitoring,
  planInScrutiny,
  priority3Added,
} from '../testing/plan-fixtures';

const planId = HART_PLAN_ID;
const oAndS = 'Overview and Scrutiny Committee';

describe('drafting a plan', () => {
  it('records the plan for one financial year', () => {
    given()
      .when({
        type: 'DraftPlan',
        data: { planId, council: 'hart', title: 'Service Plan 2023/24', service: 'Corporate Services', period: '2023-24' },
      })
      .then([
        {
          type: 'PlanDrafted',
          data: {
            planId,
            council: 'hart',
            service: 'Corporate Services',
            title: 'Service Plan 2023/24',
            period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
            owner: null,
          },
        },
      ]);
  });

  it('records a plan over several whole financial years with its owner', () => {
    given()
      .when({
        type: 'DraftPlan',
        data: {
          planId: 'three-rivers',
          council: 'three-rivers',
          title: 'Corporate Services Service Plan 2020 - 2023',
          service: 'Corporate Services',
          period: { from: '2020-04-01', to: '2023-03-31' },
          owner: 'Phil King',
        },
      })
      .then([
        {
          type: 'PlanDrafted',
          data: {
            planId: 'three-rivers',
            council: 'three-rivers',
            service: 'Corporate Services',
            title: 'Corporate Services Service Plan 2020 - 2023',
            period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
            owner: 'Phil King',
          },
        },
      ]);
  });

  it('refuses a plan that already exists', () => {
    given([hartDrafted])
      .when({ type: 'DraftPlan', data: { planId, council: 'hart', title: 'Again', service: 'CS', period: '2023/24' } })
      .thenRefused('already-exists', /already exists/);
  });

  it('refuses a period that is not a financial year', () => {
    given()
      .when({ type: 'DraftPlan', data: { planId, council: 'hart', title: 'T', service: 'CS', period: '2023/25' } })
      .thenRefused('rule-broken', /'2023\/25' is not a financial year: write it as 2023\/24/);
  });

  it('refuses any other command before the plan is drafted', () => {
    given()
      .when({ type: 'ClosePlan', data: { reason: 'Never mind' } })
      .thenRefused('not-found', /no such plan/);
  });
});
describe('submitting for scrutiny', () => {
  it('submits the latest version', () => {
    given(draftPlan)
      .when({ type: 'SubmitForScrutiny', data: { committee: oAndS, meetingDate: '2023-06-20' } })
      .then([
        { type: 'PlanSubmittedForScrutiny', data: { planId, committee: oAndS, meetingDate: '2023-06-20', versionLabel: '1' } },
      ]);
  });

  it('submits a plan with no version yet and no meeting date', () => {
    given([hartDrafted])
      .when({ type: 'SubmitForScrutiny', data: { committee: oAndS } })
      .then([{ type: 'PlanSubmittedForScrutiny', data: { planId, committee: oAndS, meetingDate: null, versionLabel: null } }]);
  });

  it('refuses an approved plan', () => {
    given(approvedPlan)
      .when({ type: 'SubmitForScrutiny', data: { committee: oAndS } })
      .thenRefused('rule-broken', /approved: reopen it for revision before submitting it/);
  });

  it('refuses a meeting date that is not a date', () => {
    given(draftPlan)
      .when({ type: 'SubmitForScrutiny', data: { committee: oAndS, meetingDate: '20/06/2023' } })
      .thenRefused('rule-broken', /meeting date '20\/06\/2023' is not a date: write it as YYYY-MM-DD/);
  });
});
describe('recording scrutiny comments', () => {
  const scrutiny: PlanCommand = {
    type: 'RecordScrutiny',
    data: { committee: oAndS, meetingDate: '2024-03-19', minuteRef: 'minute 126', comments: ['Add a recycling measure'] },
  };
  const recorded: PlanEvent = {
    type: 'ScrutinyCommentsRecorded',
    data: { planId, committee: oAndS, meetingDate: '2024-03-19', minuteRef: 'minute 126', comments: ['Add a recycling measure'], meetingId: null },
  };

  it('records them on a plan in scrutiny', () => {
    given(planInScrutiny).when(scrutiny).then([recorded]);
  });

  it('records them on a draft plan', () => {
    given(draftPlan).when(scrutiny).then([recorded]);
  });

  it('refuses an approved plan', () => {
    given(planInMonitoring).when(scrutiny).thenRefused('rule-broken', /scrutiny comments are recorded before approval/);
  });

  it('refuses an impossible meeting date', () => {
    given(planInScrutiny)
      .when({ type: 'RecordScrutiny', data: { committee: oAndS, meetingDate: '2024-02-30', comments: [] } })
      .thenRefused('rule-broken', /'2024-02-30' is not a date/);
  });

  it.each(['0001-06-20', '1999-06-20', '2100-04-01', '9999-12-31'])('refuses the meeting date %s, outside the years held', (meetingDate) => {
    given(planInScrutiny)
      .when({ type: 'RecordScrutiny', data: { committee: oAndS, meetingDate, comments: [] } })
      .thenRefused(
        'rule-broken',
        new RegExp(`^The meeting date '${meetingDate}' must fall within the financial years this service holds, 1 April 2000 to 31 March 2100\\.$`),
      );
  });
});
describe('publishing a version', () => {
  it('publishes the first version of a plan that has nothing in it yet, dated today', () => {
    given([hartDrafted])
      .when({ type: 'PublishVersion', data: { reason: 'First draft' } }, new Date('2023-05-02T23:30:00Z'))
      .then([{ type: 'VersionPublished', data: { planId, label: '1', reason: 'First draft', effectiveDate: '2023-05-02' } }]);
  });

  it('numbers the next version after the highest, with the date given', () => {
    given(draftPlan, [priority3Withdrawn()])
      .when({ type: 'PublishVersion', data: { reason: 'Version updated to reflect O&S comments', effectiveDate: '2023-06-27' } })
      .then([
        {
          type: 'VersionPublished',
          data: { planId, label: '2', reason: 'Version updated to reflect O&S comments', effectiveDate: '2023-06-27' },
        },
      ]);
  });

  it('keeps the style of decimal labels', () => {
    const first: PlanEvent = { type: 'VersionPublished', data: { planId, label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' } };
    given([hartDrafted, first, priority3Added])
      .when({ type: 'PublishVersion', data: { reason: 'Corporate Objectives, Performance Indicators and Budgets added' } })
      .then([
        {
          type: 'VersionPublished',
          data: { planId, label: '2.0', reason: 'Corporate Objectives, Performance Indicators and Budgets added', effectiveDate: '2023-07-15' },
        },
      ]);
  });

  it('accepts a label given', () => {
    given(draftPlan, [priority3Withdrawn()])
      .when({ type: 'PublishVersion', data: { label: '1a', reason: 'Working copy' } })
      .then([{ type: 'VersionPublished', data: { planId, label: '1a', reason: 'Working copy', effectiveDate: '2023-07-15' } }]);
  });

  it('refuses when nothing has changed since the last version', () => {
    given(draftPlan)
      .when({ type: 'PublishVersion', data: { reason: 'Again' } })
      .thenRefused('rule-broken', /Nothing has changed since version 1 was published/);
  });

  it('does not count monitoring data as a change', () => {
    given(draftPlan, [cp7Q1Recorded])
      .when({ type: 'PublishVersion', data: { reason: 'Q1 figures' } })
      .thenRefused('rule-broken', /Nothing has changed since version 1/);
  });

  it('refuses a label already published', () => {
    given(draftPlan, [priority3Withdrawn()])
      .when({ type: 'PublishVersion', data: { label: '1', reason: 'Again' } })
      .thenRefused('rule-broken', /Version 1 has already been published: choose another label/);
  });

  it('refuses a version date outside the years held', () => {
    given(draftPlan, [priority3Withdrawn()])
      .when({ type: 'PublishVersion', data: { reason: 'Working copy', effectiveDate: '9999-01-01' } })
      .thenRefused('rule-broken', /version date '9999-01-01' must fall within the financial years this service holds/);
  });

  it('refuses a blank reason', () => {
    given([hartDrafted])
      .when({ type: 'PublishVersion', data: { reason: '' } })
      .thenRefused('rule-broken', /Give a reason for publishing a version/);
  });
});
describe('approving a plan', () => {
  const approval: PlanCommand = {
    type: 'ApprovePlan',
    data: { body: 'Cabinet', meetingDate: '2024-04-04', decisionRef: 'CAB 24/04' },
  };
  const approved: PlanEvent = {
    type: 'PlanApproved',
    data: { planId, body: 'Cabinet', meetingDate: '2024-04-04', decisionRef: 'CAB 24/04', versionLabel: '1' },
  };

  it('approves a plan in scrutiny, naming the latest version', () => {
    given(planInScrutiny).when(approval).then([approved]);
  });

  it('approves a draft plan without scrutiny, as an urgent decision may', () => {
    given(draftPlan).when(approval).then([approved]);
  });

  it('refuses an approved plan', () => {
    given(approvedPlan).when(approval).thenRefused('rule-broken', /already approved/);
  });

  it('refuses a plan in monitoring, which is approved', () => {
    given(planInMonitoring).when(approval).thenRefused('rule-broken', /already approved/);
  });

  it('refuses a meeting date that is not a date', () => {
    given(planInScrutiny)
      .when({ type: 'ApprovePlan', data: { body: 'Cabinet', meetingDate: '4 April 2024' } })
      .thenRefused('rule-broken', /is not a date/);
  });

  it('approves on the last day held and refuses the next', () => {
    given(planInScrutiny)
      .when({ type: 'ApprovePlan', data: { body: 'Cabinet', meetingDate: '2100-03-31' } })
      .then([{ type: 'PlanApproved', data: { planId, body: 'Cabinet', meetingDate: '2100-03-31', decisionRef: null, versionLabel: '1' } }]);
    given(planInScrutiny)
      .when({ type: 'ApprovePlan', data: { body: 'Cabinet', meetingDate: '2100-04-01' } })
      .thenRefused('rule-broken', /'2100-04-01' must fall within the financial years/);
  });
});
describe('reopening a plan', () => {
  it('reopens an approved plan', () => {
    given(approvedPlan)
      .when({ type: 'ReopenPlan', data: { reason: 'Budget changes' } })
      .then([{ type: 'PlanReopenedForRevision', data: { planId, reason: 'Budget changes' } }]);
  });

  it('reopens a plan in monitoring', () => {
    given(planInMonitoring)
      .when({ type: 'ReopenPlan', data: { reason: 'Budget changes' } })
      .then([{ type: 'PlanReopenedForRevision', data: { planId, reason: 'Budget changes' } }]);
  });

  it('refuses a plan that is not approved', () => {
    given(planInScrutiny)
      .when({ type: 'ReopenPlan', data: { reason: 'Budget changes' } })
      .thenRefused('rule-broken', /not approved, so there is nothing to reopen/);
  });

  it('refuses a blank reason', () => {
    given(approvedPlan)
      .when({ type: 'ReopenPlan', data: { reason: ' ' } })
      .thenRefused('rule-broken', /Give a reason for reopening the plan/);
  });
});
describe('closing a plan', () => {
  it('closes it with its reason', () => {
    given(planInMonitoring)
      .when({ type: 'ClosePlan', data: { reason: 'The 2023/24 year has ended' } })
      .then([{ type: 'PlanClosed', data: { planId, reason: 'The 2023/24 year has ended' } }]);
  });

  it('refuses a blank reason', () => {
    given(planInMonitoring)
      .when({ type: 'ClosePlan', data: { reason: '' } })
      .thenRefused('rule-broken', /Give a reason for closing the plan/);
  });

  const everyChange: PlanCommand[] = [
    { type: 'AddPriority', data: { ref: '20', title: 'T', themes: [], outcomes: [] } },
    { type: 'RevisePriority', data: { ref: '3', title: 'T', reason: 'r' } },
    { type: 'WithdrawPriority', data: { ref: '3', reason: 'r' } },
    { type: 'DefineIndicator', data: { code: 'X', title: 'T', unit: 'count', polarity: 'higher-is-better', basis: 'period', frequency: 'quarterly', targets: [] } },
    { type: 'ReviseIndicator', data: { code: 'CP7', tolerance: 1, reason: 'r' } },
    { type: 'SetTarget', data: { code: 'CP7', period: '2023/24-Q2', value: 50 } },
    { type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q2', value: 50 } },
    { type: 'RecordProgress', data: { ref: '3', period: '2023/24-Q2', percentComplete: 50, status: 'on-track' } },
    { type: 'SubmitForScrutiny', data: { committee: oAndS } },
    { type: 'RecordScrutiny', data: { committee: oAndS, meetingDate: '2024-03-19', comments: [] } },
    { type: 'PublishVersion', data: { reason: 'r' } },
    { type: 'ApprovePlan', data: { body: 'Cabinet', meetingDate: '2024-04-04' } },
    { type: 'ReopenPlan', data: { reason: 'r' } },
    { type: 'ClosePlan', data: { reason: 'r' } },
  ];

  it.each(everyChange.map((command) => [command.type, command] as const))('refuses %s once closed', (_type, command) => {
    given(closedPlan).when(command).thenRefused('rule-broken', /is closed: nothing in it can be changed/);
  });
});

function priority3Withdrawn(): PlanEvent {
  return { type: 'PriorityWithdrawn', data: { planId, ref: '3', kind: 'priority', title: priority3Added.data.title, reason: 'Merged into 1' } };
}
