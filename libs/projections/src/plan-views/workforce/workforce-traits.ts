import { workforceTotals, type WorkforceEvent, type WorkforcePosition } from '@app/domain';
import type { ChangeKindWords, EventTraitsTable } from '../section-traits';
import { clip, counted, listFields, withReason } from '../summary-text';

/** A new workforce position replaces the last: a version row says it was updated, not how often. */
export const WORKFORCE_CHANGE_KINDS = [
  ['keyPostsAdded', 'key post added', 'key posts added'],
  ['keyPostsRevised', 'key post revised', 'key posts revised'],
  ['keyPostsRemoved', 'key post removed', 'key posts removed'],
  ['skillsAdded', 'skill added', 'skills added'],
  ['skillsRevised', 'skill revised', 'skills revised'],
  ['skillsRemoved', 'skill removed', 'skills removed'],
  ['workforceUpdated', 'workforce updated'],
] as const satisfies ChangeKindWords<string>;

type WorkforceChangeKind = (typeof WORKFORCE_CHANGE_KINDS)[number][0];
type WorkforceRefKind = 'keyPost' | 'skill';

const keyPost = (ref: string) => ({ kind: 'keyPost' as const, ref });
const skill = (ref: string) => ({ kind: 'skill' as const, ref });

export const WORKFORCE_EVENT_TRAITS: EventTraitsTable<WorkforceEvent, WorkforceChangeKind, WorkforceRefKind> = {
  KeyPostAdded: {
    returns: 'none',
    summary: ({ data }) => `Key post ${data.keyPost.ref} added: ${clip(data.keyPost.jobTitle)}`,
    touches: ({ data }) => keyPost(data.keyPost.ref),
    change: ({ data }) => ({ kind: 'keyPostsAdded', ref: data.keyPost.ref, name: data.keyPost.jobTitle }),
  },
  KeyPostRevised: {
    returns: 'none',
    summary: ({ data }) => withReason(`Key post ${data.ref} revised (${listFields(data.changes)})`, data.reason),
    touches: ({ data }) => keyPost(data.ref),
    change: ({ data }) => ({ kind: 'keyPostsRevised', ref: data.ref, name: data.reason }),
  },
  KeyPostRemoved: {
    returns: 'none',
    summary: ({ data }) => withReason(`Key post ${data.keyPost.ref} removed`, data.reason),
    touches: ({ data }) => keyPost(data.keyPost.ref),
    change: ({ data }) => ({ kind: 'keyPostsRemoved', ref: data.keyPost.ref, name: data.keyPost.jobTitle }),
  },
  SkillAdded: {
    returns: 'none',
    summary: ({ data }) => `Skill ${data.skill.ref} added: ${clip(data.skill.jobTitle)}`,
    touches: ({ data }) => skill(data.skill.ref),
    change: ({ data }) => ({ kind: 'skillsAdded', ref: data.skill.ref, name: data.skill.jobTitle }),
  },
  SkillRevised: {
    returns: 'none',
    summary: ({ data }) => withReason(`Skill ${data.ref} revised (${listFields(data.changes)})`, data.reason),
    touches: ({ data }) => skill(data.ref),
    change: ({ data }) => ({ kind: 'skillsRevised', ref: data.ref, name: data.reason }),
  },
  SkillRemoved: {
    returns: 'none',
    summary: ({ data }) => withReason(`Skill ${data.skill.ref} removed`, data.reason),
    touches: ({ data }) => skill(data.skill.ref),
    change: ({ data }) => ({ kind: 'skillsRemoved', ref: data.skill.ref, name: data.skill.jobTitle }),
  },
  WorkforceRecorded: {
    returns: 'none',
    summary: ({ data }) => withReason(`Workforce at ${data.position.asAt} recorded: ${describePosition(data.position)}`, data.reason),
    touches: () => null,
    change: ({ data }) => ({ kind: 'workforceUpdated', ref: data.position.asAt, name: `Workforce at ${data.position.asAt}` }),
  },
};

/** "5 people (4.6 FTE) in 2 units". */
function describePosition({ units }: WorkforcePosition): string {
  const totals = workforceTotals(units);
  const fte = totals.fte === null ? '' : ` (${totals.fte} FTE)`;
  return `${counted(totals.headcount, 'person', 'people')}${fte} in ${counted(units.length, 'unit', 'units')}`;
}
