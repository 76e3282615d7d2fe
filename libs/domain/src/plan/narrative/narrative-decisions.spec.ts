import type { PlanCommand } from '../plan-commands';
import type { ContributionAdded, NarrativeSectionAdded, PlanEvent } from '../plan-events';
import { PLAN_LIMITS } from '../plan-limits';
import { given } from '../testing/given-when-then';
import { approvedPlan, closedPlan, draftPlan, HART_PLAN_ID, hartDrafted } from '../testing/plan-fixtures';

const planId = HART_PLAN_ID;

/** Hart's overview as its plan prints it: Markdown whose indentation and line breaks are the text. */
const OVERVIEW_TEXT =
  'Corporate Services covers a broad range of both front and back-office functions for the council including:\n\n' +
  '- Audit and performance\n- Communications and website\n';

const overviewAdded: NarrativeSectionAdded = {
  type: 'NarrativeSectionAdded',
  data: { planId, key: 'overview', title: 'Service Overview', text: OVERVIEW_TEXT, order: 1 },
};

const PEOPLE_OBJECTIVE = 'We will work towards reducing inequalities';
const peopleContribution: ContributionAdded = {
  type: 'ContributionAdded',
  data: {
    planId,
    themeId: 'people',
    themeTitle: 'People',
    objectiveRefs: [PEOPLE_OBJECTIVE],
    contribution: 'Corporate Services will support the service departments to meet these priorities.',
  },
};

describe('narrative sections', () => {
  it('adds a section with its text exactly as written, spaces and line breaks kept', () => {
    given([hartDrafted])
      .when({ type: 'AddNarrativeSection', data: { key: 'overview', title: 'Service Overview', text: OVERVIEW_TEXT, order: 1 } })
      .then([overviewAdded]);
  });

  it('adds a section without a place in the plan', () => {
    given([hartDrafted])
      .when({ type: 'AddNarrativeSection', data: { key: 'partnerships', title: 'Partnerships', text: '  Indented on purpose' } })
      .then([
        {
          type: 'NarrativeSectionAdded',
          data: { planId, key: 'partnerships', title: 'Partnerships', text: '  Indented on purpose', order: null },
        },
      ]);
  });

  it('refuses a key already in use, naming it', () => {
    given([hartDrafted, overviewAdded])
      .when({ type: 'AddNarrativeSection', data: { key: 'overview', title: 'Overview again', text: 'Text' } })
      .thenRefused('rule-broken', /^Section 'overview' is already in this plan: choose another reference, or revise it\.$/);
  });

  it('lets a removed section\'s key be used again', () => {
    const removed: PlanEvent = { type: 'NarrativeSectionRemoved', data: { planId, key: 'overview', title: 'Service Overview', reason: 'Rewritten' } };
    given([hartDrafted, overviewAdded, removed])
      .when({ type: 'AddNarrativeSection', data: { key: 'overview', title: 'Overview', text: 'New text' } })
      .then([{ type: 'NarrativeSectionAdded', data: { planId, key: 'overview', title: 'Overview', text: 'New text', order: null } }]);
  });

  it('refuses a section beyond the plan\'s limit', () => {
    const full: PlanEvent[] = Array.from({ length: PLAN_LIMITS.sectionsPerPlan.limit }, (_, index) => ({
      type: 'NarrativeSectionAdded',
      data: { planId, key: `s${index}`, title: 'T', text: 'T', order: null },
    }));
    given([hartDrafted], full)
      .when({ type: 'AddNarrativeSection', data: { key: 'one-more', title: 'T', text: 'T' } })
      .thenRefused('rule-broken', /^A plan may have at most 100 narrative sections: this plan would have 101\.$/);
  });

  it('revises only the fields that change, keeping what they were', () => {
    const text = `${OVERVIEW_TEXT}- Finance\n`;
    given([hartDrafted, overviewAdded])
      .when({ type: 'ReviseNarrativeSection', data: { key: 'overview', title: 'Service Overview', text, order: null, reason: 'Finance added' } })
      .then([
        {
          type: 'NarrativeSectionRevised',
          data: {
            planId,
            key: 'overview',
            changes: { text, order: null },
            previous: { text: OVERVIEW_TEXT, order: 1 },
            reason: 'Finance added',
          },
        },
      ]);
  });

  it('refuses a revision that changes nothing, or comes without a reason', () => {
    given([hartDrafted, overviewAdded])
      .when({ type: 'ReviseNarrativeSection', data: { key: 'overview', text: OVERVIEW_TEXT, reason: 'Checked' } })
      .thenRefused('rule-broken', /^Nothing would change: section overview already says that\.$/);
    given([hartDrafted, overviewAdded])
      .when({ type: 'ReviseNarrativeSection', data: { key: 'overview', title: 'Overview', reason: '  ' } })
      .thenRefused('rule-broken', /^Give a reason for revising section overview\.$/);
  });

  it('tells a change of one trailing space from no change at all', () => {
    given([hartDrafted, overviewAdded])
      .when({ type: 'ReviseNarrativeSection', data: { key: 'overview', text: `${OVERVIEW_TEXT} `, reason: 'Spacing' } })
      .then([
        {
          type: 'NarrativeSectionRevised',
          data: { planId, key: 'overview', changes: { text: `${OVERVIEW_TEXT} ` }, previous: { text: OVERVIEW_TEXT }, reason: 'Spacing' },
        },
      ]);
  });

  it('removes a section with a reason, and refuses one not in the plan', () => {
    given([hartDrafted, overviewAdded])
      .when({ type: 'RemoveNarrativeSection', data: { key: 'overview', reason: 'Moved to the corporate plan' } })
      .then([
        {
          type: 'NarrativeSectionRemoved',
          data: { planId, key: 'overview', title: 'Service Overview', reason: 'Moved to the corporate plan' },
        },
      ]);
    given([hartDrafted, overviewAdded])
      .when({ type: 'RemoveNarrativeSection', data: { key: 'overview', reason: '' } })
      .thenRefused('rule-broken', /^Give a reason for removing section overview\.$/);
    given([hartDrafted])
      .when({ type: 'RemoveNarrativeSection', data: { key: 'key-aims', reason: 'Not needed' } })
      .thenRefused('not-found', /^Section 'key-aims' is not in this plan\.$/);
    given([hartDrafted])
      .when({ type: 'ReviseNarrativeSection', data: { key: 'key-aims', title: 'Aims', reason: 'Reworded' } })
      .thenRefused('not-found', /^Section 'key-aims' is not in this plan\.$/);
  });

  it('reopens an approved plan whose prose changes, for the same reason', () => {
    given(approvedPlan)
      .when({ type: 'AddNarrativeSection', data: { key: 'overview', title: 'Service Overview', text: OVERVIEW_TEXT, order: 1 } })
      .then([{ type: 'PlanReopenedForRevision', data: { planId, reason: 'Section overview added' } }, overviewAdded]);
    given([...approvedPlan, overviewAdded])
      .when({ type: 'RemoveNarrativeSection', data: { key: 'overview', reason: 'Superseded' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Superseded' } },
        { type: 'NarrativeSectionRemoved', data: { planId, key: 'overview', title: 'Service Overview', reason: 'Superseded' } },
      ]);
  });
});

describe('contributions to corporate themes', () => {
  it('adds a contribution with its objectives as the plan words them', () => {
    given([hartDrafted])
      .when({
        type: 'AddContribution',
        data: {
          themeId: 'people',
          themeTitle: 'People',
          objectiveRefs: [PEOPLE_OBJECTIVE],
          contribution: 'Corporate Services will support the service departments to meet these priorities.',
        },
      })
      .then([peopleContribution]);
  });

  it('adds a theme whose contribution column the plan leaves empty, with its objectives alone', () => {
    given([hartDrafted])
      .when({ type: 'AddContribution', data: { themeId: 'planet', objectiveRefs: ['We will produce a Climate Change Strategy'] } })
      .then([
        {
          type: 'ContributionAdded',
          data: { planId, themeId: 'planet', themeTitle: null, objectiveRefs: ['We will produce a Climate Change Strategy'], contribution: null },
        },
      ]);
  });

  it('refuses a contribution that says nothing, or lists an objective twice', () => {
    given([hartDrafted])
      .when({ type: 'AddContribution', data: { themeId: 'planet', themeTitle: 'Planet' } })
      .thenRefused(
        'rule-broken',
        /^The contribution to theme planet says nothing: give the objectives it serves, the service's contribution, or both\.$/,
      );
    given([hartDrafted])
      .when({ type: 'AddContribution', data: { themeId: 'planet', objectiveRefs: ['Net zero by 2040', 'Net zero by 2040'] } })
      .thenRefused('rule-broken', /^The contribution to theme planet lists the objective 'Net zero by 2040' twice: list each objective once\.$/);
  });

  it('refuses a theme already contributed to, and objectives or contributions beyond their limits', () => {
    given([hartDrafted, peopleContribution])
      .when({ type: 'AddContribution', data: { themeId: 'people', contribution: 'Again' } })
      .thenRefused('rule-broken', /^The contribution to theme 'people' is already in this plan/);
    given([hartDrafted])
      .when({ type: 'AddContribution', data: { themeId: 'planet', objectiveRefs: Array.from({ length: 60_000 }, () => 'Same') } })
      .thenRefused('rule-broken', /^A contribution may have at most 50 objectives: the contribution to theme planet would have 60000\.$/);
    given(draftPlan, [peopleContribution])
      .when({ type: 'ReviseContribution', data: { themeId: 'people', objectiveRefs: Array.from({ length: 51 }, (_, i) => `O${i}`), reason: 'More' } })
      .thenRefused('rule-broken', /^A contribution may have at most 50 objectives: the contribution to theme people would have 51\.$/);
    const full: PlanEvent[] = Array.from({ length: PLAN_LIMITS.contributionsPerPlan.limit }, (_, index) => ({
      type: 'ContributionAdded',
      data: { planId, themeId: `t${index}`, themeTitle: null, objectiveRefs: [], contribution: 'C' },
    }));
    given([hartDrafted], full)
      .when({ type: 'AddContribution', data: { themeId: 'one-more', contribution: 'C' } })
      .thenRefused('rule-broken', /^A plan may have at most 50 contributions to corporate themes: this plan would have 51\.$/);
  });

  it('revises the fields that change, and clears a text with null', () => {
    given([hartDrafted, peopleContribution])
      .when({ type: 'ReviseContribution', data: { themeId: 'people', themeTitle: null, objectiveRefs: [PEOPLE_OBJECTIVE], reason: 'Theme named by id' } })
      .then([
        {
          type: 'ContributionRevised',
          data: { planId, themeId: 'people', changes: { themeTitle: null }, previous: { themeTitle: 'People' }, reason: 'Theme named by id' },
        },
      ]);
  });

  it('refuses a revision that would leave the contribution saying nothing, or change nothing', () => {
    given([hartDrafted, peopleContribution])
      .when({ type: 'ReviseContribution', data: { themeId: 'people', objectiveRefs: [], contribution: null, reason: 'Emptied' } })
      .thenRefused('rule-broken', /^The contribution to theme people says nothing/);
    given([hartDrafted, peopleContribution])
      .when({ type: 'ReviseContribution', data: { themeId: 'people', themeTitle: 'People', reason: 'Checked' } })
      .thenRefused('rule-broken', /^Nothing would change: the contribution to theme people already says that\.$/);
    given([hartDrafted, peopleContribution])
      .when({ type: 'ReviseContribution', data: { themeId: 'people', themeTitle: 'The People', reason: '' } })
      .thenRefused('rule-broken', /^Give a reason for revising the contribution to theme people\.$/);
    given([hartDrafted])
      .when({ type: 'ReviseContribution', data: { themeId: 'place', contribution: 'C', reason: 'r' } })
      .thenRefused('not-found', /^The contribution to theme 'place' is not in this plan\.$/);
  });

  it('removes a contribution with a reason', () => {
    given([hartDrafted, peopleContribution])
      .when({ type: 'RemoveContribution', data: { themeId: 'people', reason: 'Theme dropped from the corporate plan' } })
      .then([
        {
          type: 'ContributionRemoved',
          data: { planId, themeId: 'people', themeTitle: 'People', reason: 'Theme dropped from the corporate plan' },
        },
      ]);
    given([hartDrafted, peopleContribution])
      .when({ type: 'RemoveContribution', data: { themeId: 'people', reason: ' ' } })
      .thenRefused('rule-broken', /^Give a reason for removing the contribution to theme people\.$/);
    given([hartDrafted])
      .when({ type: 'RemoveContribution', data: { themeId: 'people', reason: 'r' } })
      .thenRefused('not-found', /^The contribution to theme 'people' is not in this plan\.$/);
  });
});

describe('a closed plan', () => {
  const everyChange: PlanCommand[] = [
    { type: 'AddNarrativeSection', data: { key: 'overview', title: 'T', text: 'T' } },
    { type: 'ReviseNarrativeSection', data: { key: 'overview', title: 'T2', reason: 'r' } },
    { type: 'RemoveNarrativeSection', data: { key: 'overview', reason: 'r' } },
    { type: 'AddContribution', data: { themeId: 'people', contribution: 'C' } },
    { type: 'ReviseContribution', data: { themeId: 'people', contribution: 'C2', reason: 'r' } },
    { type: 'RemoveContribution', data: { themeId: 'people', reason: 'r' } },
  ];

  it.each(everyChange.map((command) => [command.type, command] as const))('refuses %s', (_type, command) => {
    given(closedPlan).when(command).thenRefused('rule-broken', /is closed: nothing in it can be changed/);
  });
});
