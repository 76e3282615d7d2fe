import type { PriorityEvent, PriorityKind } from '@app/domain';
import type { ChangeKindWords, EventTraitsTable } from '../section-traits';
import { clip, describeOwnership, listFields, withReason } from '../summary-text';

/**
 * Priorities, projects and actions share one collection, but a committee reads "1 project added"
 * and "2 milestones added" for a project, so each kind is counted in its own words; a project's
 * outcomes are its milestones, as the plans print them.
 */
export const PRIORITY_CHANGE_KINDS = [
  ['prioritiesAdded', 'priority added', 'priorities added'],
  ['prioritiesRevised', 'priority revised', 'priorities revised'],
  ['prioritiesWithdrawn', 'priority withdrawn', 'priorities withdrawn'],
  ['projectsAdded', 'project added', 'projects added'],
  ['projectsRevised', 'project revised', 'projects revised'],
  ['projectsWithdrawn', 'project withdrawn', 'projects withdrawn'],
  ['actionsAdded', 'action added', 'actions added'],
  ['actionsRevised', 'action revised', 'actions revised'],
  ['actionsWithdrawn', 'action withdrawn', 'actions withdrawn'],
  ['outcomesAdded', 'outcome added', 'outcomes added'],
  ['outcomesChanged', 'outcome changed', 'outcomes changed'],
  ['outcomesRemoved', 'outcome removed', 'outcomes removed'],
  ['milestonesAdded', 'milestone added', 'milestones added'],
  ['milestonesChanged', 'milestone changed', 'milestones changed'],
  ['milestonesRemoved', 'milestone removed', 'milestones removed'],
  ['progressResponsibilitiesAssigned', 'progress responsibility assigned', 'progress responsibilities assigned'],
] as const satisfies ChangeKindWords<string>;

type PriorityChangeKind = (typeof PRIORITY_CHANGE_KINDS)[number][0];

type KindWords = {
  /** "Project", as a line starts. */
  title: string;
  /** What its outcomes are called, as a line starts. */
  part: 'Outcome' | 'Milestone';
  added: PriorityChangeKind;
  revised: PriorityChangeKind;
  withdrawn: PriorityChangeKind;
  partAdded: PriorityChangeKind;
  partChanged: PriorityChangeKind;
  partRemoved: PriorityChangeKind;
};

const OUTCOME_CHANGES = { partAdded: 'outcomesAdded', partChanged: 'outcomesChanged', partRemoved: 'outcomesRemoved' } as const;

const WORDS: Record<PriorityKind, KindWords> = {
  priority: {
    title: 'Priority',
    part: 'Outcome',
    added: 'prioritiesAdded',
    revised: 'prioritiesRevised',
    withdrawn: 'prioritiesWithdrawn',
    ...OUTCOME_CHANGES,
  },
  project: {
    title: 'Project',
    part: 'Milestone',
    added: 'projectsAdded',
    revised: 'projectsRevised',
    withdrawn: 'projectsWithdrawn',
    partAdded: 'milestonesAdded',
    partChanged: 'milestonesChanged',
    partRemoved: 'milestonesRemoved',
  },
  action: {
    title: 'Action',
    part: 'Outcome',
    added: 'actionsAdded',
    revised: 'actionsRevised',
    withdrawn: 'actionsWithdrawn',
    ...OUTCOME_CHANGES,
  },
};

/** "Project WD", "priority 3". */
const named = (kind: PriorityKind, ref: string) => `${WORDS[kind].title} ${ref}`;
const inSentence = (kind: PriorityKind, ref: string) => `${kind} ${ref}`;
const partOf = (kind: PriorityKind, ref: string) => `${WORDS[kind].part} ${ref}`;

const priority = (ref: string) => ({ kind: 'priority' as const, ref });

export const PRIORITY_EVENT_TRAITS: EventTraitsTable<PriorityEvent, PriorityChangeKind, 'priority'> = {
  PriorityAdded: {
    returns: 'every-period',
    summary: ({ data }) => `${named(data.kind, data.ref)} added: ${clip(data.title)}`,
    touches: ({ data }) => priority(data.ref),
    change: ({ data }) => ({ kind: WORDS[data.kind].added, ref: data.ref, name: data.title }),
  },
  PriorityRevised: {
    returns: 'every-period',
    summary: ({ data }) => withReason(`${named(data.kind, data.ref)} revised (${listFields(data.changes)})`, data.reason),
    touches: ({ data }) => priority(data.ref),
    change: ({ data }) => ({ kind: WORDS[data.kind].revised, ref: data.ref, name: data.reason }),
  },
  PriorityWithdrawn: {
    returns: 'every-period',
    summary: ({ data }) => withReason(`${named(data.kind, data.ref)} withdrawn`, data.reason),
    touches: ({ data }) => priority(data.ref),
    change: ({ data }) => ({ kind: WORDS[data.kind].withdrawn, ref: data.ref, name: data.title }),
  },
  OutcomeAdded: {
    returns: 'none',
    summary: ({ data }) =>
      `${partOf(data.priorityKind, data.outcome.ref)} added to ${inSentence(data.priorityKind, data.priorityRef)}: ${clip(data.outcome.description)}`,
    touches: ({ data }) => priority(data.priorityRef),
    change: ({ data }) => ({
      kind: WORDS[data.priorityKind].partAdded,
      ref: `${data.priorityRef}/${data.outcome.ref}`,
      name: data.outcome.description,
    }),
  },
  OutcomeChanged: {
    returns: 'none',
    summary: ({ data }) =>
      withReason(`${partOf(data.priorityKind, data.outcomeRef)} of ${inSentence(data.priorityKind, data.priorityRef)} changed`, data.reason),
    touches: ({ data }) => priority(data.priorityRef),
    change: ({ data }) => ({
      kind: WORDS[data.priorityKind].partChanged,
      ref: `${data.priorityRef}/${data.outcomeRef}`,
      name: data.after.description,
    }),
  },
  OutcomeRemoved: {
    returns: 'none',
    summary: ({ data }) =>
      withReason(
        `${partOf(data.priorityKind, data.outcome.ref)} removed from ${inSentence(data.priorityKind, data.priorityRef)}`,
        data.reason,
      ),
    touches: ({ data }) => priority(data.priorityRef),
    change: ({ data }) => ({
      kind: WORDS[data.priorityKind].partRemoved,
      ref: `${data.priorityRef}/${data.outcome.ref}`,
      name: data.outcome.description,
    }),
  },
  ProgressRecorded: {
    returns: 'own-period',
    // The event does not carry the item's kind (progress was never reshaped), so it keeps the words it always had.
    summary: ({ data: { priorityRef, milestone, period, percentComplete, status } }) => {
      const subject = milestone ? `milestone ${milestone} of priority ${priorityRef}` : `priority ${priorityRef}`;
      return `Progress on ${subject} for ${period}: ${percentComplete}% complete, ${status.replace(/-/g, ' ')}`;
    },
    touches: ({ data }) => priority(data.priorityRef),
  },
  PriorityOwnershipAssigned: {
    returns: 'every-period',
    summary: ({ data }) =>
      withReason(`Responsibility for ${inSentence(data.kind, data.ref)}: ${describeOwnership(data, data.previous)}`, data.reason),
    touches: ({ data }) => priority(data.ref),
    change: ({ data }) => ({ kind: 'progressResponsibilitiesAssigned', ref: data.ref, name: describeOwnership(data, data.previous) }),
  },
};
