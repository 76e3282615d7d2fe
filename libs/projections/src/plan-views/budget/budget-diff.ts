import type { DiffEntries } from '../section-traits';

/** Budget lines by code (their title and note), and each amount by code, year and kind, so a diff names the figure that moved. */
export const BUDGET_DIFF_ENTRIES = {
  budgetLine: (view) => view.budget.lines.map(({ code, title, note }) => [code, { code, title, note }]),
  budgetAmount: (view) =>
    view.budget.lines.flatMap((line) =>
      line.amounts.map((amount): [string, unknown] => [`${line.code} ${amount.year} ${amount.kind}`, amount]),
    ),
} satisfies Record<string, DiffEntries>;
