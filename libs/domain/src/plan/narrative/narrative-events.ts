import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { NarrativeSection, ThemeContribution } from './narrative-values';

export type SectionFields = Omit<NarrativeSection, 'key'>;

export type NarrativeSectionAdded = PlanEventOf<'NarrativeSectionAdded', NarrativeSection>;

/** Title, text or order changed; `previous` holds the old values of exactly the fields in `changes`. */
export type NarrativeSectionRevised = PlanEventOf<
  'NarrativeSectionRevised',
  { key: string; changes: Partial<SectionFields>; previous: Partial<SectionFields>; reason: string }
>;

export type NarrativeSectionRemoved = PlanEventOf<'NarrativeSectionRemoved', { key: string; title: string; reason: string }>;

export type ContributionFields = Omit<ThemeContribution, 'themeId'>;

export type ContributionAdded = PlanEventOf<'ContributionAdded', ThemeContribution>;

export type ContributionRevised = PlanEventOf<
  'ContributionRevised',
  { themeId: string; changes: Partial<ContributionFields>; previous: Partial<ContributionFields>; reason: string }
>;

export type ContributionRemoved = PlanEventOf<
  'ContributionRemoved',
  { themeId: string; themeTitle: string | null; reason: string }
>;

export type NarrativeEvent =
  | NarrativeSectionAdded
  | NarrativeSectionRevised
  | NarrativeSectionRemoved
  | ContributionAdded
  | ContributionRevised
  | ContributionRemoved;

export const NARRATIVE_EVENT_DEFINITIONS: EventDefinitions<NarrativeEvent> = {
  NarrativeSectionAdded: { schemaVersion: 1, role: 'structure' },
  NarrativeSectionRevised: { schemaVersion: 1, role: 'structure' },
  NarrativeSectionRemoved: { schemaVersion: 1, role: 'structure' },
  ContributionAdded: { schemaVersion: 1, role: 'structure' },
  ContributionRevised: { schemaVersion: 1, role: 'structure' },
  ContributionRemoved: { schemaVersion: 1, role: 'structure' },
};
