import type { EventEvolvers } from '../evolution-rules';
import { entryOf } from '../plan-state';
import { withItem, withoutItem } from '../keyed-items';
import { codeKey } from '../written-text';
import type { BudgetEvent } from './budget-events';

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
};
