import { budgetTotals, type BudgetAmount, type BudgetEvent } from '@app/domain';
import { removeByKey, updateByKey, upsertByKey } from '../keyed-parts';
import type { PlanView } from '../plan-view-shape';
import type { ViewEvolvers } from '../section-traits';
import type { BudgetLineView } from './budget-views';

const codeOf = (line: BudgetLineView): string => line.code;

export const BUDGET_VIEW_EVOLVERS: ViewEvolvers<BudgetEvent> = {
  BudgetLineAdded: (view, { data: { code, title, note, amounts } }) =>
    withLines(view, upsertByKey(view.budget.lines, codeOf, { code, title, note, amounts: amounts.map(copyAmount) })),
  BudgetLineRevised: (view, { data: { code, changes } }) =>
    withLines(
      view,
      updateByKey(view.budget.lines, codeOf, code, (line) => ({
        code: line.code,
        title: changes.title ?? line.title,
        note: changes.note !== undefined ? changes.note : line.note,
        amounts: changes.amounts ? changes.amounts.map(copyAmount) : line.amounts,
      })),
    ),
  BudgetLineRemoved: (view, { data }) => withLines(view, removeByKey(view.budget.lines, codeOf, data.code)),
};

/** The totals follow the lines: they are computed, never entered. */
const withLines = (view: PlanView, lines: BudgetLineView[]): PlanView => ({
  ...view,
  budget: { lines, totals: budgetTotals(lines) },
});

const copyAmount = ({ year, kind, value }: BudgetAmount): BudgetAmount => ({ year, kind, value });
