import type { KeyPost, Skill, WorkforcePosition } from '@app/domain';
import { summaryOf } from '../plan-event-traits';
import { foldPlanView, type PlanView } from '../plan-view';
import { documentBody } from '../plan-event';
import { documentsIn, type PlanStream, project } from '../testing/plan-stream.fixture';
import { threeRiversDrafted } from '../testing/three-rivers-plan.fixture';
import { diffPlanViews } from '../version-diff';
import { PLAN_VERSIONS_COLLECTION, versionTableProjection, type VersionTable } from '../version-table.projection';

const emergencyPlanning: KeyPost = {
  ref: 'SPOF1',
  jobTitle: 'Emergency Planning and Risk Manager / Data Protection Officer',
  succession: 'Emergency Planning - Nothing identified. Herts Resilience traded service provides 2 days per week.',
  skills: 'Statutory service. Knowledge of requirements of Civil Contingencies Act.',
  networks: 'Active participation in Herts Local Resilience Forum activities, meetings and events.',
  impact: 'Less likely to be able to respond to major incident/civil emergency.',
  options: 'Extend traded partnership arrangements.',
};
const bare = (ref: string, jobTitle: string): KeyPost => ({ ref, jobTitle, succession: null, skills: null, networks: null, impact: null, options: null });
const riskManagerSkills: Skill = {
  ref: 'SK1',
  jobTitle: 'Emergency Planning & Risk Manager / Data Protection Officer',
  qualification: 'Knowledge of Civil Contingencies Act requirements and knowledge of Data Protection/FOI/EIR legislation MoR qualification',
  cpdRequired: true,
};
const designerSkills: Skill = { ref: 'SK3', jobTitle: 'Graphic Designer', qualification: null, cpdRequired: null };

/** ILLUSTRATIVE figures: the Three Rivers plan prints no headcount. */
const march2020: WorkforcePosition = {
  asAt: '2020-03-31',
  units: [
    { name: 'Communications', headcount: 4, fte: 3.6 },
    { name: 'Emergency Planning', headcount: 1, fte: 0.8 },
  ],
};
const march2021: WorkforcePosition = {
  asAt: '2021-03-31',
  units: [
    { name: 'Communications', headcount: 5, fte: null },
    { name: 'Emergency Planning', headcount: 1, fte: 1 },
  ],
};

const viewOf = (plan: PlanStream) => foldPlanView(plan.events) as PlanView;

describe('the workforce, key posts and skills in the projections', () => {
  it('shows key posts and skills in ref order, revised and removed', () => {
    const plan = threeRiversDrafted();
    plan.add('KeyPostAdded', { keyPost: bare('SPOF3', 'Graphic Designer') });
    plan.add('KeyPostAdded', { keyPost: emergencyPlanning });
    plan.add('SkillAdded', { skill: designerSkills });
    plan.add('SkillAdded', { skill: riskManagerSkills });
    expect(viewOf(plan)).toMatchObject({ keyPosts: [emergencyPlanning, bare('SPOF3', 'Graphic Designer')], skills: [riskManagerSkills, designerSkills] });

    plan.add('KeyPostRevised', { ref: 'SPOF1', changes: { options: null }, previous: { options: emergencyPlanning.options }, reason: 'Decided' });
    plan.add('KeyPostRemoved', { keyPost: bare('SPOF3', 'Graphic Designer'), reason: 'Post deleted' });
    plan.add('SkillRevised', { ref: 'SK3', changes: { cpdRequired: false }, previous: { cpdRequired: null }, reason: 'Asked' });
    plan.add('SkillRemoved', { skill: riskManagerSkills, reason: 'Post deleted' });
    expect(viewOf(plan)).toMatchObject({ keyPosts: [{ ...emergencyPlanning, options: null }], skills: [{ ...designerSkills, cpdRequired: false }] });
  });

  it('shows the latest workforce position with its totals computed, FTE only when every unit gives it', () => {
    const plan = threeRiversDrafted();
    expect(viewOf(plan).workforce).toBeNull();
    plan.add('WorkforceRecorded', { position: march2020, replaced: null, reason: null });
    expect(viewOf(plan).workforce).toEqual({ ...march2020, totals: { headcount: 5, fte: 4.4 } });
    plan.add('WorkforceRecorded', { position: march2021, replaced: march2020, reason: 'Year-end figures' });
    expect(viewOf(plan).workforce).toEqual({ ...march2021, totals: { headcount: 6, fte: null } });
  });

  it('writes one line per event for the history', () => {
    const plan = threeRiversDrafted();
    const lines = [
      plan.add('KeyPostAdded', { keyPost: emergencyPlanning }),
      plan.add('KeyPostRevised', { ref: 'SPOF1', changes: { impact: 'x', options: 'y' }, previous: { impact: null, options: null }, reason: 'Reviewed' }),
      plan.add('KeyPostRemoved', { keyPost: emergencyPlanning, reason: 'Shared service' }),
      plan.add('SkillAdded', { skill: riskManagerSkills }),
      plan.add('SkillRevised', { ref: 'SK1', changes: { cpdRequired: false }, previous: { cpdRequired: true }, reason: 'Checked' }),
      plan.add('SkillRemoved', { skill: riskManagerSkills, reason: 'Post deleted' }),
      plan.add('WorkforceRecorded', { position: march2020, replaced: null, reason: null }),
      plan.add('WorkforceRecorded', { position: march2021, replaced: march2020, reason: 'Year-end figures' }),
    ].map(summaryOf);
    expect(lines).toEqual([
      'Key post SPOF1 added: Emergency Planning and Risk Manager / Data Protection Officer',
      'Key post SPOF1 revised (impact, options): Reviewed',
      'Key post SPOF1 removed: Shared service',
      'Skill SK1 added: Emergency Planning & Risk Manager / Data Protection Officer',
      'Skill SK1 revised (cpdRequired): Checked',
      'Skill SK1 removed: Post deleted',
      'Workforce at 2020-03-31 recorded: 5 people (4.4 FTE) in 2 units',
      'Workforce at 2021-03-31 recorded: 6 people in 2 units: Year-end figures',
    ]);
  });

  it('counts key posts and skills in the version table, says the workforce was updated once, and diffs each', async () => {
    const plan = threeRiversDrafted();
    plan.add('VersionPublished', { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });
    const atFirst = viewOf(plan);
    plan.add('KeyPostAdded', { keyPost: emergencyPlanning });
    plan.add('KeyPostAdded', { keyPost: bare('SPOF2', 'Senior Communications Officer') });
    plan.add('SkillAdded', { skill: riskManagerSkills });
    plan.add('WorkforceRecorded', { position: march2020, replaced: null, reason: null });
    plan.add('WorkforceRecorded', { position: march2021, replaced: march2020, reason: 'Year-end figures' });
    plan.add('VersionPublished', { label: '2.0', reason: 'Workforce added', effectiveDate: '2020-02-25' });
    const atSecond = viewOf(plan);

    const [document] = await documentsIn(await project(versionTableProjection, plan.events), PLAN_VERSIONS_COLLECTION);
    const { changes } = documentBody<VersionTable>(document).rows[1];
    expect(changes.summary).toBe('2 key posts added, 1 skill added, workforce updated');
    expect(changes.counts).toMatchObject({ keyPostsAdded: 2, skillsAdded: 1, workforceUpdated: 2 });

    const diff = diffPlanViews(atFirst, atSecond);
    expect(diff.added).toEqual([
      { kind: 'keyPost', key: 'SPOF1', before: null, after: emergencyPlanning },
      { kind: 'keyPost', key: 'SPOF2', before: null, after: bare('SPOF2', 'Senior Communications Officer') },
      { kind: 'skill', key: 'SK1', before: null, after: riskManagerSkills },
      { kind: 'workforce', key: 'workforce', before: null, after: { ...march2021, totals: { headcount: 6, fte: null } } },
    ]);
    plan.add('WorkforceRecorded', { position: { ...march2021, asAt: '2022-03-31' }, replaced: march2021, reason: 'Year end' });
    expect(diffPlanViews(atSecond, viewOf(plan)).changed).toEqual([
      {
        kind: 'workforce',
        key: 'workforce',
        before: { ...march2021, totals: { headcount: 6, fte: null } },
        after: { ...march2021, asAt: '2022-03-31', totals: { headcount: 6, fte: null } },
      },
    ]);
  });
});
