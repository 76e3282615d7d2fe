import type { EventEvolvers } from '../evolution-rules';
import { entryOf } from '../plan-state';
import { withItem, withoutItem } from '../keyed-items';
import { codeKey } from '../written-text';
import type { BudgetEvent } from './budget-events';
import { compareBudgetAmounts, type BudgetAmount } from './budget-values';

export const BUDGET_EVOLVERS: EventEvolvers<BudgetEvent> = {
  BudgetLineAdded: (state, { data: { planId: _planId, ...line } }) => ({
    ...state,
    budgetLines: withItem(state.budgetLines, codeKey(line.code), line),
  }),
  BudgetLineRevised: (state, { data }) => {
    const key = codeKey(data.code);
    const line = entryOf(state.budgetLines, key);
    return line ? { ...state, budgetLines: withItem(state.budgetLines, key, { ...line, ...data.changes }) } : state;
  },
  BudgetLineRemoved: (state, { data }) => ({ ...state, budgetLines: withoutItem(state.budgetLines, codeKey(data.code)) }),
  BudgetPrintedTotalSet: (state, { data: { year, kind, value } }) => ({
    ...state,
    printedBudgetTotals: [...withoutTotal(state.printedBudgetTotals, { year, kind }), { year, kind, value }].sort(compareBudgetAmounts),
  }),
  BudgetPrintedTotalRemoved: (state, { data }) => ({
    ...state,
    printedBudgetTotals: withoutTotal(state.printedBudgetTotals, data),
  }),
};

const withoutTotal = (totals: BudgetAmount[], which: Pick<BudgetAmount, 'year' | 'kind'>): BudgetAmount[] =>
  totals.filter((total) => compareBudgetAmounts(total, which) !== 0);
