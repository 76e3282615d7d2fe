import { budgetTotals, compareBudgetAmounts, type BudgetAmount, type BudgetEvent } from '@app/domain';
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
  BudgetPrintedTotalSet: (view, { data: { year, kind, value } }) =>
    withPrinted(view, [...printedOtherThan(view, { year, kind }), { year, kind, value }]),
  BudgetPrintedTotalRemoved: (view, { data }) => withPrinted(view, printedOtherThan(view, data)),
};

/** The totals follow the lines: they are computed, never entered. */
const withLines = (view: PlanView, lines: BudgetLineView[]): PlanView => ({
  ...view,
  budget: { lines, totals: budgetTotals(lines, printedTotalsOf(view)) },
});

const withPrinted = (view: PlanView, printed: BudgetAmount[]): PlanView => ({
  ...view,
  budget: { lines: view.budget.lines, totals: budgetTotals(view.budget.lines, printed) },
});

/** The totals the plan prints, as the view holds them: beside the computed ones. */
export const printedTotalsOf = (view: PlanView): BudgetAmount[] =>
  view.budget.totals.flatMap(({ year, kind, printed }) => (printed === null ? [] : [{ year, kind, value: printed }]));

const printedOtherThan = (view: PlanView, which: Pick<BudgetAmount, 'year' | 'kind'>): BudgetAmount[] =>
  printedTotalsOf(view).filter((total) => compareBudgetAmounts(total, which) !== 0);

const copyAmount = ({ year, kind, value }: BudgetAmount): BudgetAmount => ({ year, kind, value });
