import { workforceTotals, type KeyPost, type Skill, type WorkforceEvent, type WorkforcePosition } from '@app/domain';
import { removeByKey, updateByKey, upsertByKey } from '../keyed-parts';
import type { ViewEvolvers } from '../section-traits';
import type { WorkforceView } from './workforce-views';

const refOf = (item: { ref: string }) => item.ref;

export const WORKFORCE_VIEW_EVOLVERS: ViewEvolvers<WorkforceEvent> = {
  KeyPostAdded: (view, { data }) => ({ ...view, keyPosts: upsertByKey(view.keyPosts, refOf, keyPostView(data.keyPost)) }),
  KeyPostRevised: (view, { data: { ref, changes } }) => ({
    ...view,
    keyPosts: updateByKey(view.keyPosts, refOf, ref, (keyPost) => keyPostView({ ...keyPost, ...changes })),
  }),
  KeyPostRemoved: (view, { data }) => ({ ...view, keyPosts: removeByKey(view.keyPosts, refOf, data.keyPost.ref) }),
  SkillAdded: (view, { data }) => ({ ...view, skills: upsertByKey(view.skills, refOf, skillView(data.skill)) }),
  SkillRevised: (view, { data: { ref, changes } }) => ({
    ...view,
    skills: updateByKey(view.skills, refOf, ref, (skill) => skillView({ ...skill, ...changes })),
  }),
  SkillRemoved: (view, { data }) => ({ ...view, skills: removeByKey(view.skills, refOf, data.skill.ref) }),
  WorkforceRecorded: (view, { data }) => ({ ...view, workforce: workforceView(data.position) }),
};

// Built field by field, so that the view's keys come in one order whatever order the event's came in.

const keyPostView = (keyPost: KeyPost): KeyPost => ({
  ref: keyPost.ref,
  jobTitle: keyPost.jobTitle,
  succession: keyPost.succession,
  skills: keyPost.skills,
  networks: keyPost.networks,
  impact: keyPost.impact,
  options: keyPost.options,
});

const skillView = (skill: Skill): Skill => ({
  ref: skill.ref,
  jobTitle: skill.jobTitle,
  qualification: skill.qualification,
  cpdRequired: skill.cpdRequired,
});

function workforceView(position: WorkforcePosition): WorkforceView {
  const units = position.units.map(({ name, headcount, fte }) => ({ name, headcount, fte }));
  return { asAt: position.asAt, units, totals: workforceTotals(units) };
}
