import type { NarrativeEvent, SectionFields } from '@app/domain';
import type { ChangeKindWords, EventTraitsTable } from '../section-traits';
import { clip, listFields, withReason } from '../summary-text';
import { lineChanges } from './line-changes';

export const NARRATIVE_CHANGE_KINDS = [
  ['sectionsAdded', 'section added', 'sections added'],
  ['sectionsRevised', 'section revised', 'sections revised'],
  ['sectionsRemoved', 'section removed', 'sections removed'],
  ['contributionsAdded', 'contribution added', 'contributions added'],
  ['contributionsRevised', 'contribution revised', 'contributions revised'],
  ['contributionsRemoved', 'contribution removed', 'contributions removed'],
] as const satisfies ChangeKindWords<string>;

type NarrativeChangeKind = (typeof NARRATIVE_CHANGE_KINDS)[number][0];

const section = (ref: string) => ({ kind: 'section' as const, ref });
const contribution = (ref: string) => ({ kind: 'contribution' as const, ref });

/** A contribution as a line names it: its theme as printed, else its id. */
const themeName = (themeId: string, themeTitle: string | null | undefined) => themeTitle ?? themeId;

export const NARRATIVE_EVENT_TRAITS: EventTraitsTable<NarrativeEvent, NarrativeChangeKind, 'section' | 'contribution'> = {
  NarrativeSectionAdded: {
    returns: 'none',
    summary: ({ data }) => `Section ${data.key} added: ${clip(data.title)}`,
    touches: ({ data }) => section(data.key),
    change: ({ data }) => ({ kind: 'sectionsAdded', ref: data.key, name: data.title }),
  },
  NarrativeSectionRevised: {
    returns: 'none',
    summary: ({ data }) => withReason(`Section ${data.key} revised (${revisedParts(data.changes, data.previous)})`, data.reason),
    touches: ({ data }) => section(data.key),
    change: ({ data }) => ({ kind: 'sectionsRevised', ref: data.key, name: data.reason }),
  },
  NarrativeSectionRemoved: {
    returns: 'none',
    summary: ({ data }) => withReason(`Section ${data.key} removed`, data.reason),
    touches: ({ data }) => section(data.key),
    change: ({ data }) => ({ kind: 'sectionsRemoved', ref: data.key, name: data.title }),
  },
  ContributionAdded: {
    returns: 'none',
    summary: ({ data }) => `Contribution to theme ${clip(themeName(data.themeId, data.themeTitle))} added`,
    touches: ({ data }) => contribution(data.themeId),
    change: ({ data }) => ({ kind: 'contributionsAdded', ref: data.themeId, name: themeName(data.themeId, data.themeTitle) }),
  },
  ContributionRevised: {
    returns: 'none',
    summary: ({ data }) =>
      withReason(`Contribution to theme ${data.themeId} revised (${listFields(data.changes)})`, data.reason),
    touches: ({ data }) => contribution(data.themeId),
    change: ({ data }) => ({ kind: 'contributionsRevised', ref: data.themeId, name: data.reason }),
  },
  ContributionRemoved: {
    returns: 'none',
    summary: ({ data }) => withReason(`Contribution to theme ${clip(themeName(data.themeId, data.themeTitle))} removed`, data.reason),
    touches: ({ data }) => contribution(data.themeId),
    change: ({ data }) => ({ kind: 'contributionsRemoved', ref: data.themeId, name: themeName(data.themeId, data.themeTitle) }),
  },
};

/** "title, 3 lines changed": the fields a revision changed, its text by the lines it changed. */
function revisedParts({ text, ...others }: Partial<SectionFields>, previous: Partial<SectionFields>): string {
  const parts = Object.keys(others);
  // A revision's `previous` holds the old value of every field it changes.
  if (text !== undefined) parts.push(lineChanges(previous.text ?? '', text));
  return parts.join(', ');
}
