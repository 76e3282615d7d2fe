import type { PriorityEvent } from '@app/domain';
import type { ChangeKindWords, EventTraitsTable } from '../section-traits';
import { clip, listFields, withReason } from '../summary-text';

export const PRIORITY_CHANGE_KINDS = [
  ['prioritiesAdded', 'priority added', 'priorities added'],
  ['prioritiesRevised', 'priority revised', 'priorities revised'],
  ['prioritiesWithdrawn', 'priority withdrawn', 'priorities withdrawn'],
  ['outcomesAdded', 'outcome added', 'outcomes added'],
  ['outcomesChanged', 'outcome changed', 'outcomes changed'],
  ['outcomesRemoved', 'outcome removed', 'outcomes removed'],
] as const satisfies ChangeKindWords<string>;

type PriorityChangeKind = (typeof PRIORITY_CHANGE_KINDS)[number][0];

const priority = (ref: string) => ({ kind: 'priority' as const, ref });

export const PRIORITY_EVENT_TRAITS: EventTraitsTable<PriorityEvent, PriorityChangeKind, 'priority'> = {
  PriorityAdded: {
    summary: ({ data }) => `Priority ${data.ref} added: ${clip(data.title)}`,
    touches: ({ data }) => priority(data.ref),
    change: ({ data }) => ({ kind: 'prioritiesAdded', ref: data.ref, name: data.title }),
  },
  PriorityRevised: {
    summary: ({ data }) => withReason(`Priority ${data.ref} revised (${listFields(data.changes)})`, data.reason),
    touches: ({ data }) => priority(data.ref),
    change: ({ data }) => ({ kind: 'prioritiesRevised', ref: data.ref, name: data.reason }),
  },
  PriorityWithdrawn: {
    summary: ({ data }) => withReason(`Priority ${data.ref} withdrawn`, data.reason),
    touches: ({ data }) => priority(data.ref),
    change: ({ data }) => ({ kind: 'prioritiesWithdrawn', ref: data.ref, name: data.title }),
  },
  OutcomeAdded: {
    summary: ({ data }) =>
      `Outcome ${data.outcome.ref} added to priority ${data.priorityRef}: ${clip(data.outcome.description)}`,
    touches: ({ data }) => priority(data.priorityRef),
    change: ({ data }) => ({
      kind: 'outcomesAdded',
      ref: `${data.priorityRef}/${data.outcome.ref}`,
      name: data.outcome.description,
    }),
  },
  OutcomeChanged: {
    summary: ({ data }) => withReason(`Outcome ${data.outcomeRef} of priority ${data.priorityRef} changed`, data.reason),
    touches: ({ data }) => priority(data.priorityRef),
    change: ({ data }) => ({
      kind: 'outcomesChanged',
      ref: `${data.priorityRef}/${data.outcomeRef}`,
      name: data.after.description,
    }),
  },
  OutcomeRemoved: {
    summary: ({ data }) =>
      withReason(`Outcome ${data.outcome.ref} removed from priority ${data.priorityRef}`, data.reason),
    touches: ({ data }) => priority(data.priorityRef),
    change: ({ data }) => ({
      kind: 'outcomesRemoved',
      ref: `${data.priorityRef}/${data.outcome.ref}`,
      name: data.outcome.description,
    }),
  },
  ProgressRecorded: {
    summary: ({ data: { priorityRef, milestone, period, percentComplete, status } }) => {
      const subject = milestone ? `milestone ${milestone} of priority ${priorityRef}` : `priority ${priorityRef}`;
      return `Progress on ${subject} for ${period}: ${percentComplete}% complete, ${status.replace(/-/g, ' ')}`;
    },
    touches: ({ data }) => priority(data.priorityRef),
  },
};
