import type { DiffEntries } from '../section-traits';

/** Priorities by ref (their content, not their progress), outcomes by priority and outcome ref. */
export const PRIORITY_DIFF_ENTRIES = {
  priority: (view) =>
    view.priorities.map(({ ref, kind, title, objective, themes, themeIds, sponsor, manager, owner, approver }) => [
      ref,
      { ref, kind, title, objective, themes, themeIds, sponsor, manager, owner, approver },
    ]),
  outcome: (view) => view.priorities.flatMap((p) => p.outcomes.map((o): [string, unknown] => [`${p.ref}/${o.ref}`, o])),
} satisfies Record<string, DiffEntries>;
