import type { PlanEvent } from '../plan-events';
import { PLAN_LIMITS } from '../plan-limits';
import { given } from '../testing/given-when-then';
import { approvedPlan, draftPlan, HART_PLAN_ID } from '../testing/plan-fixtures';
import type { WorkforcePosition } from './workforce-values';

const planId = HART_PLAN_ID;

/** Three Rivers' first single point of failure, as its plan prints it (one post, two roles). */
const emergencyPlanning = {
  ref: 'SPOF1',
  jobTitle: 'Emergency Planning and Risk Manager / Data Protection Officer',
  succession: 'Emergency Planning - Nothing identified. Herts Resilience traded service provides 2 days per week.',
  skills: 'Statutory service. Knowledge of requirements of Civil Contingencies Act.',
  networks: 'Active participation in Herts Local Resilience Forum activities, meetings and events.',
  impact: 'Less likely to be able to respond to major incident/civil emergency.',
  options: 'Extend traded partnership arrangements.',
};
const keyPostAdded: PlanEvent = { type: 'KeyPostAdded', data: { planId, keyPost: emergencyPlanning } };

const riskManagerSkills = {
  ref: 'SK1',
  jobTitle: 'Emergency Planning & Risk Manager / Data Protection Officer',
  qualification: 'Knowledge of Civil Contingencies Act requirements and knowledge of Data Protection/FOI/EIR legislation MoR qualification',
  cpdRequired: true,
};
const skillAdded: PlanEvent = { type: 'SkillAdded', data: { planId, skill: riskManagerSkills } };

/** ILLUSTRATIVE figures: neither seed plan prints its headcount. */
const march2020: WorkforcePosition = {
  asAt: '2020-03-31',
  units: [
    { name: 'Communications', headcount: 4, fte: 3.6 },
    { name: 'Emergency Planning', headcount: 1, fte: null },
  ],
};
const recordMarch2020 = {
  type: 'RecordWorkforce' as const,
  data: { asAt: '2020-03-31', units: [{ name: 'Communications', headcount: 4, fte: 3.6 }, { name: 'Emergency Planning', headcount: 1 }] },
};
const workforceRecorded: PlanEvent = { type: 'WorkforceRecorded', data: { planId, position: march2020, replaced: null, reason: null } };

describe('key posts', () => {
  it('adds a single point of failure, leaving unsaid fields empty', () => {
    given(draftPlan).when({ type: 'AddKeyPost', data: emergencyPlanning }).then([keyPostAdded]);
    given(draftPlan)
      .when({ type: 'AddKeyPost', data: { ref: 'SPOF2', jobTitle: 'Senior Communications Officer' } })
      .then([
        {
          type: 'KeyPostAdded',
          data: {
            planId,
            keyPost: { ref: 'SPOF2', jobTitle: 'Senior Communications Officer', succession: null, skills: null, networks: null, impact: null, options: null },
          },
        },
      ]);
  });

  it('reopens an approved plan to add one', () => {
    given(approvedPlan)
      .when({ type: 'AddKeyPost', data: emergencyPlanning })
      .then([{ type: 'PlanReopenedForRevision', data: { planId, reason: 'Key post SPOF1 added' } }, keyPostAdded]);
  });

  it('refuses a ref in use and a post beyond the plan\'s limit', () => {
    given(draftPlan, [keyPostAdded])
      .when({ type: 'AddKeyPost', data: { ref: 'SPOF1', jobTitle: 'Graphic Designer' } })
      .thenRefused('rule-broken', /^Key post 'SPOF1' is already in this plan/);
    const full: PlanEvent[] = Array.from({ length: PLAN_LIMITS.keyPostsPerPlan.limit }, (_, index) => ({
      type: 'KeyPostAdded',
      data: { planId, keyPost: { ...emergencyPlanning, ref: `P${index}` } },
    }));
    given(draftPlan, full)
      .when({ type: 'AddKeyPost', data: emergencyPlanning })
      .thenRefused('rule-broken', /^A plan may have at most 100 key posts: this plan would have 101\.$/);
  });

  it('revises a post with its old values, and clears a field with null', () => {
    given(draftPlan, [keyPostAdded])
      .when({ type: 'ReviseKeyPost', data: { ref: 'SPOF1', succession: 'Deputy trained', options: null, reason: 'Deputy appointed' } })
      .then([
        {
          type: 'KeyPostRevised',
          data: {
            planId,
            ref: 'SPOF1',
            changes: { succession: 'Deputy trained', options: null },
            previous: { succession: emergencyPlanning.succession, options: emergencyPlanning.options },
            reason: 'Deputy appointed',
          },
        },
      ]);
  });

  it('refuses a revision that changes nothing, without a reason, or of a post not in the plan', () => {
    given(draftPlan, [keyPostAdded])
      .when({ type: 'ReviseKeyPost', data: { ref: 'SPOF1', jobTitle: emergencyPlanning.jobTitle, reason: 'Checked' } })
      .thenRefused('rule-broken', /^Nothing would change: key post SPOF1 already says that\.$/);
    given(draftPlan, [keyPostAdded])
      .when({ type: 'ReviseKeyPost', data: { ref: 'SPOF1', impact: 'None', reason: '' } })
      .thenRefused('rule-broken', /^Give a reason for revising key post SPOF1\.$/);
    given(draftPlan)
      .when({ type: 'ReviseKeyPost', data: { ref: 'SPOF1', impact: 'None', reason: 'x' } })
      .thenRefused('not-found', /^Key post 'SPOF1' is not in this plan\.$/);
  });

  it('removes a post with a reason, keeping it in the event', () => {
    given(draftPlan, [keyPostAdded])
      .when({ type: 'RemoveKeyPost', data: { ref: 'SPOF1', reason: 'Post shared with Watford' } })
      .then([{ type: 'KeyPostRemoved', data: { planId, keyPost: emergencyPlanning, reason: 'Post shared with Watford' } }]);
    given(draftPlan, [keyPostAdded])
      .when({ type: 'RemoveKeyPost', data: { ref: 'SPOF1', reason: ' ' } })
      .thenRefused('rule-broken', /^Give a reason for removing key post SPOF1\.$/);
    given(draftPlan)
      .when({ type: 'RemoveKeyPost', data: { ref: 'SPOF1', reason: 'x' } })
      .thenRefused('not-found', /^Key post 'SPOF1' is not in this plan\.$/);
  });
});

describe('skills and qualifications', () => {
  it('adds a skill, leaving CPD unsaid when the plan does not say', () => {
    given(draftPlan).when({ type: 'AddSkill', data: riskManagerSkills }).then([skillAdded]);
    given(draftPlan)
      .when({ type: 'AddSkill', data: { ref: 'SK3', jobTitle: 'Graphic Designer' } })
      .then([{ type: 'SkillAdded', data: { planId, skill: { ref: 'SK3', jobTitle: 'Graphic Designer', qualification: null, cpdRequired: null } } }]);
  });

  it('refuses a ref in use and a skill beyond the plan\'s limit', () => {
    given(draftPlan, [skillAdded])
      .when({ type: 'AddSkill', data: { ref: 'SK1', jobTitle: 'Graphic Designer' } })
      .thenRefused('rule-broken', /^Skill 'SK1' is already in this plan/);
    const full: PlanEvent[] = Array.from({ length: PLAN_LIMITS.skillsPerPlan.limit }, (_, index) => ({
      type: 'SkillAdded',
      data: { planId, skill: { ...riskManagerSkills, ref: `S${index}` } },
    }));
    given(draftPlan, full)
      .when({ type: 'AddSkill', data: riskManagerSkills })
      .thenRefused('rule-broken', /^A plan may have at most 200 skills: this plan would have 201\.$/);
  });

  it('revises and removes a skill with a reason', () => {
    given(draftPlan, [skillAdded])
      .when({ type: 'ReviseSkill', data: { ref: 'SK1', cpdRequired: false, reason: 'CPD no longer required by the MoR' } })
      .then([
        {
          type: 'SkillRevised',
          data: { planId, ref: 'SK1', changes: { cpdRequired: false }, previous: { cpdRequired: true }, reason: 'CPD no longer required by the MoR' },
        },
      ]);
    given(draftPlan, [skillAdded])
      .when({ type: 'RemoveSkill', data: { ref: 'SK1', reason: 'Post deleted' } })
      .then([{ type: 'SkillRemoved', data: { planId, skill: riskManagerSkills, reason: 'Post deleted' } }]);
  });

  it('refuses a revision that changes nothing, reasons missing, and skills not in the plan', () => {
    given(draftPlan, [skillAdded])
      .when({ type: 'ReviseSkill', data: { ref: 'SK1', cpdRequired: true, reason: 'Checked' } })
      .thenRefused('rule-broken', /^Nothing would change: skill SK1 already says that\.$/);
    given(draftPlan, [skillAdded])
      .when({ type: 'ReviseSkill', data: { ref: 'SK1', cpdRequired: false, reason: '' } })
      .thenRefused('rule-broken', /^Give a reason for revising skill SK1\.$/);
    given(draftPlan, [skillAdded])
      .when({ type: 'RemoveSkill', data: { ref: 'SK1', reason: '' } })
      .thenRefused('rule-broken', /^Give a reason for removing skill SK1\.$/);
    given(draftPlan)
      .when({ type: 'RemoveSkill', data: { ref: 'SK1', reason: 'x' } })
      .thenRefused('not-found', /^Skill 'SK1' is not in this plan\.$/);
  });
});

describe('the workforce at a date', () => {
  it('records the first position, its reason optional', () => {
    given(draftPlan).when(recordMarch2020).then([workforceRecorded]);
  });

  it('replaces the position with a later one, keeping the one it replaces, for a reason', () => {
    given(draftPlan, [workforceRecorded])
      .when({ type: 'RecordWorkforce', data: { asAt: '2021-03-31', units: [{ name: 'Communications', headcount: 5 }], reason: 'Year-end figures' } })
      .then([
        {
          type: 'WorkforceRecorded',
          data: {
            planId,
            position: { asAt: '2021-03-31', units: [{ name: 'Communications', headcount: 5, fte: null }] },
            replaced: march2020,
            reason: 'Year-end figures',
          },
        },
      ]);
  });

  it('reopens an approved plan, for the reason given', () => {
    given(approvedPlan)
      .when({ ...recordMarch2020, data: { ...recordMarch2020.data, reason: 'Figures from HR' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Figures from HR' } },
        { type: 'WorkforceRecorded', data: { planId, position: march2020, replaced: null, reason: 'Figures from HR' } },
      ]);
  });

  it('refuses a replacement without a reason, dated before the one it replaces, or the same', () => {
    given(draftPlan, [workforceRecorded])
      .when({ type: 'RecordWorkforce', data: { asAt: '2021-03-31', units: [{ name: 'Communications', headcount: 5 }] } })
      .thenRefused('rule-broken', /^Give a reason for replacing the workforce recorded at 2020-03-31\.$/);
    given(draftPlan, [workforceRecorded])
      .when({ type: 'RecordWorkforce', data: { asAt: '2019-03-31', units: [{ name: 'Communications', headcount: 5 }], reason: 'Older' } })
      .thenRefused('rule-broken', /recorded at 2020-03-31 already: a new position must be at that date or later, not 2019-03-31/);
    given(draftPlan, [workforceRecorded])
      .when({ ...recordMarch2020, data: { ...recordMarch2020.data, reason: 'Again' } })
      .thenRefused('rule-broken', /^Nothing would change: the workforce at 2020-03-31 already says that\.$/);
  });

  it('refuses headcounts that are not whole numbers of people, FTE above headcount, and a unit twice', () => {
    const record = (units: Array<{ name: string; headcount: number; fte?: number }>) =>
      given(draftPlan).when({ type: 'RecordWorkforce', data: { asAt: '2020-03-31', units } });
    record([{ name: 'Communications', headcount: 2.5 }]).thenRefused('rule-broken', /headcount of Communications is a number of people: 2.5 is not/);
    record([{ name: 'Communications', headcount: -1 }]).thenRefused('rule-broken', /-1 is not/);
    record([{ name: 'Communications', headcount: 2, fte: 2.5 }]).thenRefused('rule-broken', /FTE of Communications is at most its headcount of 2/);
    record([
      { name: 'Communications', headcount: 2 },
      { name: 'communications', headcount: 1 },
    ]).thenRefused('rule-broken', /lists communications twice/);
    record([]).thenRefused('rule-broken', /needs at least one unit/);
    record(Array.from({ length: 101 }, (_, index) => ({ name: `Unit ${index}`, headcount: 1 }))).thenRefused(
      'rule-broken',
      /^A workforce position may have at most 100 units: the workforce would have 101\.$/,
    );
  });

  it('refuses a date that is not one', () => {
    given(draftPlan)
      .when({ type: 'RecordWorkforce', data: { asAt: '2020-02-30', units: [{ name: 'Communications', headcount: 1 }] } })
      .thenRefused('rule-broken', /'2020-02-30' is not a date/);
  });
});
