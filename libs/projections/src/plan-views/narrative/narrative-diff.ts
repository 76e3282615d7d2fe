import type { DiffEntries } from '../section-traits';

/** Sections by key, their whole text before and after; contributions by theme id. */
export const NARRATIVE_DIFF_ENTRIES = {
  section: (view) => view.sections.map((section): [string, unknown] => [section.key, section]),
  contribution: (view) => view.contributions.map((contribution): [string, unknown] => [contribution.themeId, contribution]),
} satisfies Record<string, DiffEntries>;
