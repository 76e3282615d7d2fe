import type { EventEvolvers } from '../evolution-rules';
import { withItem, withoutItem, withRevisedItem } from '../keyed-items';
import type { WorkforceEvent } from './workforce-events';

export const WORKFORCE_EVOLVERS: EventEvolvers<WorkforceEvent> = {
  KeyPostAdded: (state, { data: { keyPost } }) => ({ ...state, keyPosts: withItem(state.keyPosts, keyPost.ref, keyPost) }),
  KeyPostRevised: (state, { data: { ref, changes } }) => ({ ...state, keyPosts: withRevisedItem(state.keyPosts, ref, changes) }),
  KeyPostRemoved: (state, { data: { keyPost } }) => ({ ...state, keyPosts: withoutItem(state.keyPosts, keyPost.ref) }),
  SkillAdded: (state, { data: { skill } }) => ({ ...state, skills: withItem(state.skills, skill.ref, skill) }),
  SkillRevised: (state, { data: { ref, changes } }) => ({ ...state, skills: withRevisedItem(state.skills, ref, changes) }),
  SkillRemoved: (state, { data: { skill } }) => ({ ...state, skills: withoutItem(state.skills, skill.ref) }),
  WorkforceRecorded: (state, { data: { position } }) => ({ ...state, workforce: position }),
};
