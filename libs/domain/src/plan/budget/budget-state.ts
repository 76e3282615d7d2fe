import type { BudgetLineFields } from './budget-events';
import type { BudgetAmount } from './budget-values';

export interface BudgetLineState extends BudgetLineFields {
  /** As first written. */
  code: string;
}

/** What the decider knows of a plan's budget. */
export interface BudgetSlice {
  /** Lines in force, by their code as compared (`codeKey`: "cs01" is "CS01"). */
  budgetLines: Record<string, BudgetLineState>;
  /** The totals the plan prints, one per year and kind, in amount order. */
  printedBudgetTotals: BudgetAmount[];
}

export const initialBudgetSlice = (): BudgetSlice => ({ budgetLines: {}, printedBudgetTotals: [] });
