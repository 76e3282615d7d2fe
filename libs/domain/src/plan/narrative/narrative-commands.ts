import type { PlanCommandOf } from '../plan-message';

/** `text` is kept exactly as written: Markdown's spaces and line breaks are part of what it says. */
export type AddNarrativeSection = PlanCommandOf<'AddNarrativeSection', { key: string; title: string; text: string; order?: number }>;

/** Any of the fields; `order: null` takes the section's place away, so it follows the placed ones. */
export type ReviseNarrativeSection = PlanCommandOf<
  'ReviseNarrativeSection',
  { key: string; title?: string; text?: string; order?: number | null; reason: string }
>;

export type RemoveNarrativeSection = PlanCommandOf<'RemoveNarrativeSection', { key: string; reason: string }>;

export type AddContribution = PlanCommandOf<
  'AddContribution',
  { themeId: string; themeTitle?: string; objectiveRefs?: string[]; contribution?: string }
>;

/** Any of the fields; `objectiveRefs`, when given, is the full new list; null clears a text. */
export type ReviseContribution = PlanCommandOf<
  'ReviseContribution',
  {
    themeId: string;
    themeTitle?: string | null;
    objectiveRefs?: string[];
    contribution?: string | null;
    reason: string;
  }
>;

export type RemoveContribution = PlanCommandOf<'RemoveContribution', { themeId: string; reason: string }>;

export type NarrativeCommand =
  | AddNarrativeSection
  | ReviseNarrativeSection
  | RemoveNarrativeSection
  | AddContribution
  | ReviseContribution
  | RemoveContribution;
