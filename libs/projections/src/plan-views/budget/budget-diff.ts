import type { DiffEntries } from '../section-traits';
import { printedTotalsOf } from './budget-view-evolution';

/**
 * Budget lines by code (their title and note), each amount by code, year and kind, so a diff names
 * the figure that moved, and each printed total by year and kind. Computed totals are not content.
 */
export const BUDGET_DIFF_ENTRIES = {
  budgetLine: (view) => view.budget.lines.map(({ code, title, note }) => [code, { code, title, note }]),
  budgetAmount: (view) =>
    view.budget.lines.flatMap((line) =>
      line.amounts.map((amount): [string, unknown] => [`${line.code} ${amount.year} ${amount.kind}`, amount]),
    ),
  budgetPrintedTotal: (view) => printedTotalsOf(view).map((total) => [`${total.year} ${total.kind}`, total]),
} satisfies Record<string, DiffEntries>;
