import type { PlanEvent } from '../plan-events';
import type { Outcome } from './priority-values';
import { given } from '../testing/given-when-then';
import {
  approvedPlan,
  draftPlan,
  HART_PLAN_ID,
  hartDrafted,
  planInMonitoring,
  priority3Added,
} from '../testing/plan-fixtures';

const planId = HART_PLAN_ID;
const outcome = (ref: string, description: string, text: string | null, date: string | null) => ({
  ref,
  description,
  targetDate: text === null ? null : { text, date },
  due: null,
});
/** An outcome as an editor would send it back unchanged. */
const asInput = ({ ref, description, targetDate, due }: Outcome) => ({
  ref,
  description,
  targetDate: targetDate?.text,
  due: due ? (due.period ?? due.date) : undefined,
});
/** What every item added without a kind, sponsor or manager holds. */
const asPriority = { kind: 'priority', sponsor: null, manager: null } as const;

describe('adding a priority', () => {
  it('numbers outcomes without a ref in order and reads their target dates', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: {
          ref: '1',
          title: 'Review Medium Term Financial Strategy',
          themes: ['Resilient and financially sound council'],
          objective: '6.3 Actively tell residents how we use Council resources',
          outcomes: [
            { description: 'Produce budget strategy', targetDate: 'Oct 2023' },
            { ref: '1a', description: 'Review S106 balances', targetDate: 'Aug 2023' },
            { description: 'Revised MTFP', targetDate: 'August 2023 Cabinet' },
            { description: 'Strengthen staff cost budgeting', targetDate: 'Throughout the 23/24 year' },
            { description: 'Embed the new arrangements', targetDate: 'Ongoing' },
            { description: 'Monitor' },
          ],
        },
      })
      .then([
        {
          type: 'PriorityAdded',
          data: {
            planId,
            ref: '1',
            title: 'Review Medium Term Financial Strategy',
            themes: ['Resilient and financially sound council'], themeIds: [],
            objective: '6.3 Actively tell residents how we use Council resources',
            ...asPriority,
            outcomes: [
              outcome('1', 'Produce budget strategy', 'Oct 2023', '2023-10-31'),
              outcome('1a', 'Review S106 balances', 'Aug 2023', '2023-08-31'),
              outcome('2', 'Revised MTFP', 'August 2023 Cabinet', '2023-08-31'),
              outcome('3', 'Strengthen staff cost budgeting', 'Throughout the 23/24 year', '2024-03-31'),
              outcome('4', 'Embed the new arrangements', 'Ongoing', null),
              outcome('5', 'Monitor', null, null),
            ],
          },
        },
      ]);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when({ type: 'AddPriority', data: { ref: '20', title: 'New work', themes: ['Planet'], outcomes: [] } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Priority 20 added' } },
        {
          type: 'PriorityAdded',
          data: { planId, ref: '20', title: 'New work', themes: ['Planet'], themeIds: [], objective: null, ...asPriority, outcomes: [] },
        },
      ]);
  });

  it('refuses a ref already in the plan', () => {
    given(draftPlan)
      .when({ type: 'AddPriority', data: { ref: '3', title: 'Again', themes: [], outcomes: [] } })
      .thenRefused('rule-broken', /Priority '3' is already in this plan/);
  });

  it('refuses the ref of a withdrawn priority', () => {
    given(draftPlan, [{ type: 'PriorityWithdrawn', data: { planId, ref: '3', kind: 'priority', title: 'x', reason: 'Done elsewhere' } }])
      .when({ type: 'AddPriority', data: { ref: '3', title: 'Again', themes: [], outcomes: [] } })
      .thenRefused('rule-broken', /Priority '3' was withdrawn .* cannot be used again/);
  });

  it('refuses two outcomes with the same ref', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: { ref: '4', title: 'T', themes: [], outcomes: [{ ref: 'a', description: 'x' }, { ref: 'a', description: 'y' }] },
      })
      .thenRefused('rule-broken', /lists outcome 'a' twice/);
  });

  it('refuses an impossible target date', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: { ref: '4', title: 'T', themes: [], outcomes: [{ description: 'x', targetDate: '31 June 2023' }] },
      })
      .thenRefused('rule-broken', /June 2023 has 30 days/);
  });
});
describe('revising a priority', () => {
  it('records the fields that change with their old values', () => {
    given(draftPlan)
      .when({
        type: 'RevisePriority',
        data: { ref: '3', title: 'Transition from Capita', themes: priority3Added.data.themes, objective: 'Finance', reason: 'O&S comments' },
      })
      .then([
        {
          type: 'PriorityRevised',
          data: {
            planId,
            ref: '3',
            kind: 'priority',
            changes: { title: 'Transition from Capita', objective: 'Finance' },
            previous: { title: priority3Added.data.title, objective: null },
            reason: 'O&S comments',
          },
        },
      ]);
  });

  it('turns the new list of outcomes into changed, added and removed outcomes', () => {
    const [first, , third] = priority3Added.data.outcomes;
    given(draftPlan)
      .when({
        type: 'RevisePriority',
        data: {
          ref: '3',
          outcomes: [
            { ref: '1', description: first.description, targetDate: 'Sept 2023' },
            { ref: '3', description: third.description, targetDate: 'Ongoing' },
            { description: 'Lease accounting changes planned', targetDate: 'March 2024' },
          ],
          reason: 'Transition delayed',
        },
      })
      .then([
        {
          type: 'OutcomeChanged',
          data: {
            planId,
            priorityRef: '3',
            priorityKind: 'priority',
            outcomeRef: '1',
            before: first,
            after: { ...first, targetDate: { text: 'Sept 2023', date: '2023-09-30' } },
            reason: 'Transition delayed',
          },
        },
        {
          type: 'OutcomeAdded',
          data: {
            planId,
            priorityRef: '3',
            priorityKind: 'priority',
            outcome: outcome('4', 'Lease accounting changes planned', 'March 2024', '2024-03-31'),
            reason: 'Transition delayed',
          },
        },
        {
          type: 'OutcomeRemoved',
          data: { planId, priorityRef: '3', priorityKind: 'priority', outcome: priority3Added.data.outcomes[1], reason: 'Transition delayed' },
        },
      ]);
  });

  it('never gives a new outcome the number of a removed one', () => {
    const removed: PlanEvent = {
      type: 'OutcomeRemoved',
      data: { planId, priorityRef: '3', priorityKind: 'priority', outcome: priority3Added.data.outcomes[2], reason: 'Covered by HR' },
    };
    given(draftPlan, [removed])
      .when({
        type: 'RevisePriority',
        data: {
          ref: '3',
          outcomes: [...priority3Added.data.outcomes.slice(0, 2).map(asInput), { description: 'Audit sign-off' }],
          reason: 'Audit added',
        },
      })
      .then([
        {
          type: 'OutcomeAdded',
          data: { planId, priorityRef: '3', priorityKind: 'priority', outcome: outcome('4', 'Audit sign-off', null, null), reason: 'Audit added' },
        },
      ]);
  });

  it('reopens an approved plan first, for the same reason', () => {
    given(planInMonitoring)
      .when({ type: 'RevisePriority', data: { ref: '3', title: 'Capita exit', reason: 'Cabinet decision' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Cabinet decision' } },
        {
          type: 'PriorityRevised',
          data: {
            planId,
            ref: '3',
            kind: 'priority',
            changes: { title: 'Capita exit' },
            previous: { title: priority3Added.data.title },
            reason: 'Cabinet decision',
          },
        },
      ]);
  });

  it('refuses a revision that changes nothing', () => {
    given(draftPlan)
      .when({
        type: 'RevisePriority',
        data: { ref: '3', title: priority3Added.data.title, outcomes: priority3Added.data.outcomes.map(asInput), reason: 'Tidy' },
      })
      .thenRefused('rule-broken', /Nothing would change: priority 3/);
  });

  it('refuses a blank reason', () => {
    given(draftPlan)
      .when({ type: 'RevisePriority', data: { ref: '3', title: 'New', reason: '  ' } })
      .thenRefused('rule-broken', /Give a reason for revising priority 3/);
  });

  it('refuses an unknown priority', () => {
    given(draftPlan)
      .when({ type: 'RevisePriority', data: { ref: '99', title: 'New', reason: 'Why not' } })
      .thenRefused('not-found', /Priority '99' is not in this plan/);
  });

  it('refuses a withdrawn priority', () => {
    given(draftPlan, [{ type: 'PriorityWithdrawn', data: { planId, ref: '3', kind: 'priority', title: 'x', reason: 'Dropped' } }])
      .when({ type: 'RevisePriority', data: { ref: '3', title: 'New', reason: 'Why not' } })
      .thenRefused('not-found', /Priority '3' was withdrawn/);
  });
});
describe('withdrawing a priority', () => {
  it('records the withdrawal with the title and reason', () => {
    given(draftPlan)
      .when({ type: 'WithdrawPriority', data: { ref: '3', reason: 'Covered by the finance plan' } })
      .then([
        {
          type: 'PriorityWithdrawn',
          data: { planId, ref: '3', kind: 'priority', title: priority3Added.data.title, reason: 'Covered by the finance plan' },
        },
      ]);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when({ type: 'WithdrawPriority', data: { ref: '3', reason: 'Done' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Done' } },
        { type: 'PriorityWithdrawn', data: { planId, ref: '3', kind: 'priority', title: priority3Added.data.title, reason: 'Done' } },
      ]);
  });

  it('refuses without a reason', () => {
    given(draftPlan)
      .when({ type: 'WithdrawPriority', data: { ref: '3', reason: '' } })
      .thenRefused('rule-broken', /Give a reason for withdrawing priority 3/);
  });

  it('refuses an unknown priority', () => {
    given(draftPlan)
      .when({ type: 'WithdrawPriority', data: { ref: '7', reason: 'Done' } })
      .thenRefused('not-found', /Priority '7' is not in this plan/);
  });
});
describe('recording progress', () => {
  it('records progress on a milestone without reopening an approved plan', () => {
    given(approvedPlan)
      .when({
        type: 'RecordProgress',
        data: {
          ref: '3',
          milestone: '2',
          period: '2023-24-Q2',
          percentComplete: 60,
          status: 'slipped',
          position: 'Accounts drafted',
          commentary: 'Action slipped to Q4',
        },
      })
      .then([
        {
          type: 'ProgressRecorded',
          data: {
            planId,
            priorityRef: '3',
            milestone: '2',
            period: '2023/24-Q2',
            percentComplete: 60,
            status: 'slipped',
            position: 'Accounts drafted',
            commentary: 'Action slipped to Q4',
          },
        },
      ]);
  });

  it('records a completed priority as a whole', () => {
    given(draftPlan)
      .when({ type: 'RecordProgress', data: { ref: '3', period: '2023/24', percentComplete: 100, status: 'completed' } })
      .then([
        {
          type: 'ProgressRecorded',
          data: {
            planId,
            priorityRef: '3',
            milestone: null,
            period: '2023/24',
            percentComplete: 100,
            status: 'completed',
            position: null,
            commentary: null,
          },
        },
      ]);
  });

  it.each([101, -1])('refuses %p%', (percentComplete) => {
    given(approvedPlan)
      .when({ type: 'RecordProgress', data: { ref: '3', period: '2023/24-Q2', percentComplete, status: 'on-track' } })
      .thenRefused('rule-broken', /Progress is a percentage from 0 to 100/);
  });

  it('refuses completed at less than 100%', () => {
    given(approvedPlan)
      .when({ type: 'RecordProgress', data: { ref: '3', period: '2023/24-Q2', percentComplete: 95, status: 'completed' } })
      .thenRefused('rule-broken', /completed must be 100% complete, not 95%/);
  });

  it.each([0, 100])('records %p%, a whole percentage at either end', (percentComplete) => {
    given(approvedPlan)
      .when({ type: 'RecordProgress', data: { ref: '3', period: '2023/24-Q2', percentComplete, status: 'on-track' } })
      .then([
        {
          type: 'ProgressRecorded',
          data: { planId, priorityRef: '3', milestone: null, period: '2023/24-Q2', percentComplete, status: 'on-track', position: null, commentary: null },
        },
      ]);
  });

  it.each([90, 0.5])('refuses not-started at %p%, since nothing started is 0%', (percentComplete) => {
    given(approvedPlan)
      .when({ type: 'RecordProgress', data: { ref: '3', period: '2023/24-Q2', percentComplete, status: 'not-started' } })
      .thenRefused('rule-broken', new RegExp(`Progress marked not-started must be 0% complete, not ${percentComplete}%`));
  });

  it('records not-started at 0%', () => {
    given(approvedPlan)
      .when({ type: 'RecordProgress', data: { ref: '3', milestone: '1', period: '2023/24-Q1', percentComplete: 0, status: 'not-started' } })
      .then([
        {
          type: 'ProgressRecorded',
          data: { planId, priorityRef: '3', milestone: '1', period: '2023/24-Q1', percentComplete: 0, status: 'not-started', position: null, commentary: null },
        },
      ]);
  });

  it("refuses a period outside the plan's period", () => {
    given(approvedPlan)
      .when({ type: 'RecordProgress', data: { ref: '3', period: '2022/23-Q4', percentComplete: 10, status: 'on-track' } })
      .thenRefused('rule-broken', /2022\/23-Q4 is outside this plan's period/);
  });

  it('refuses an unknown priority', () => {
    given(approvedPlan)
      .when({ type: 'RecordProgress', data: { ref: '30', period: '2023/24-Q2', percentComplete: 10, status: 'on-track' } })
      .thenRefused('not-found', /Priority '30' is not in this plan/);
  });

  it('refuses an unknown milestone', () => {
    given(approvedPlan)
      .when({ type: 'RecordProgress', data: { ref: '3', milestone: '9', period: '2023/24-Q2', percentComplete: 10, status: 'on-track' } })
      .thenRefused('not-found', /Priority 3 has no outcome '9'/);
  });
});

/** Three Rivers' 2020-23 plan prints one project with a sponsor and quarterly milestones. */
const THREE_RIVERS_PROJECT = { ref: 'WD', title: 'Website Development', themes: [] as string[], themeIds: [] as string[] };
const improvementCompleted = {
  ref: 'Q1',
  description: 'Improvement completed',
  targetDate: { text: '2020/21 Quarter 1', date: '2020-06-30' },
  due: { period: '2020/21-Q1', date: '2020-06-30' },
};
const projectAdded: PlanEvent = {
  type: 'PriorityAdded',
  data: {
    planId,
    ...THREE_RIVERS_PROJECT,
    objective: null,
    kind: 'project',
    sponsor: 'Joanne Wagstaffe',
    manager: null,
    outcomes: [improvementCompleted],
  },
};

describe('projects', () => {
  it('adds a project with its sponsor and a milestone due in a quarter, keeping the words', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: {
          ...THREE_RIVERS_PROJECT,
          kind: 'project',
          sponsor: ' Joanne Wagstaffe ',
          outcomes: [{ ref: 'Q1', description: 'Improvement completed', targetDate: '2020/21 Quarter 1', due: '2020-21-Q1' }],
        },
      })
      .then([projectAdded]);
  });

  it('takes a due date as well as a period, and a due without words', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: {
          ref: 'A1',
          title: 'Publish the accessibility statement',
          themes: [],
          kind: 'action',
          manager: 'Phil King',
          outcomes: [{ description: 'Statement published', due: '2023-09-15' }],
        },
      })
      .then([
        {
          type: 'PriorityAdded',
          data: {
            planId,
            ref: 'A1',
            title: 'Publish the accessibility statement',
            themes: [], themeIds: [],
            objective: null,
            kind: 'action',
            sponsor: null,
            manager: 'Phil King',
            outcomes: [{ ref: '1', description: 'Statement published', targetDate: null, due: { period: null, date: '2023-09-15' } }],
          },
        },
      ]);
  });

  it('reopens an approved plan in the project\'s name', () => {
    given(approvedPlan)
      .when({ type: 'AddPriority', data: { ref: 'P1', title: 'New system', themes: [], kind: 'project', outcomes: [] } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Project P1 added' } },
        {
          type: 'PriorityAdded',
          data: { planId, ref: 'P1', title: 'New system', themes: [], themeIds: [], objective: null, kind: 'project', sponsor: null, manager: null, outcomes: [] },
        },
      ]);
  });

  it('refuses a due that is neither a period nor a date, naming the milestone', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: { ref: 'WD', title: 'W', themes: [], kind: 'project', outcomes: [{ ref: 'Q1', description: 'x', due: 'Q1' }] },
      })
      .thenRefused('rule-broken', /The due of outcome Q1 of project WD, 'Q1', is not a period or a date/);
  });

  it('refuses a due in a year that cannot be', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: { ref: 'WD', title: 'W', themes: [], kind: 'project', outcomes: [{ description: 'x', due: '2020/22-Q1' }] },
      })
      .thenRefused('rule-broken', /'2020\/22-Q1' is not a financial year/);
  });

  it('names a project as a project when its ref is taken', () => {
    given([hartDrafted, projectAdded])
      .when({ type: 'AddPriority', data: { ref: 'WD', title: 'Again', themes: [], outcomes: [] } })
      .thenRefused('rule-broken', /^Project 'WD' is already in this plan: choose another reference\.$/);
  });

  it('revises the sponsor, appoints a manager and records the old values, in the project\'s name', () => {
    given([hartDrafted, projectAdded])
      .when({
        type: 'RevisePriority',
        data: { ref: 'WD', sponsor: 'Kimberley Rowley', manager: 'Phil King', reason: 'New sponsor appointed' },
      })
      .then([
        {
          type: 'PriorityRevised',
          data: {
            planId,
            ref: 'WD',
            kind: 'project',
            changes: { sponsor: 'Kimberley Rowley', manager: 'Phil King' },
            previous: { sponsor: 'Joanne Wagstaffe', manager: null },
            reason: 'New sponsor appointed',
          },
        },
      ]);
  });

  it('clears a sponsor with null, and turns a priority into a project', () => {
    given(draftPlan)
      .when({ type: 'RevisePriority', data: { ref: '3', kind: 'project', sponsor: 'Section 151 officer', reason: 'Run as a project' } })
      .then([
        {
          type: 'PriorityRevised',
          data: {
            planId,
            ref: '3',
            kind: 'project',
            changes: { kind: 'project', sponsor: 'Section 151 officer' },
            previous: { kind: 'priority', sponsor: null },
            reason: 'Run as a project',
          },
        },
      ]);
    given([hartDrafted, projectAdded])
      .when({ type: 'RevisePriority', data: { ref: 'WD', sponsor: null, reason: 'Sponsor left' } })
      .then([
        {
          type: 'PriorityRevised',
          data: {
            planId,
            ref: 'WD',
            kind: 'project',
            changes: { sponsor: null },
            previous: { sponsor: 'Joanne Wagstaffe' },
            reason: 'Sponsor left',
          },
        },
      ]);
  });

  it('moves a milestone to a later quarter as a changed outcome of the project', () => {
    given([hartDrafted, projectAdded])
      .when({
        type: 'RevisePriority',
        data: {
          ref: 'WD',
          outcomes: [{ ref: 'Q1', description: 'Improvement completed', targetDate: '2020/21 Quarter 2', due: '2020/21-Q2' }],
          reason: 'Slipped to Q2',
        },
      })
      .then([
        {
          type: 'OutcomeChanged',
          data: {
            planId,
            priorityRef: 'WD',
            priorityKind: 'project',
            outcomeRef: 'Q1',
            before: improvementCompleted,
            after: {
              ...improvementCompleted,
              targetDate: { text: '2020/21 Quarter 2', date: '2020-09-30' },
              due: { period: '2020/21-Q2', date: '2020-09-30' },
            },
            reason: 'Slipped to Q2',
          },
        },
      ]);
  });

  it('refuses a revision that changes nothing, in the project\'s name', () => {
    given([hartDrafted, projectAdded])
      .when({ type: 'RevisePriority', data: { ref: 'WD', sponsor: 'Joanne Wagstaffe', kind: 'project', reason: 'Tidy' } })
      .thenRefused('rule-broken', /^Nothing would change: project WD already says that\.$/);
  });

  it('withdraws a project in its name', () => {
    given([hartDrafted, projectAdded])
      .when({ type: 'WithdrawPriority', data: { ref: 'WD', reason: '' } })
      .thenRefused('rule-broken', /Give a reason for withdrawing project WD/);
    given([hartDrafted, projectAdded])
      .when({ type: 'WithdrawPriority', data: { ref: 'WD', reason: 'Delivered by the website contract' } })
      .then([
        {
          type: 'PriorityWithdrawn',
          data: { planId, ref: 'WD', kind: 'project', title: 'Website Development', reason: 'Delivered by the website contract' },
        },
      ]);
  });
});
