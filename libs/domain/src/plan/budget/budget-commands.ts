import type { PlanCommandOf } from '../plan-message';
import type { BudgetKind } from './budget-values';

export interface BudgetAmountInput {
  /** A financial year, "2020/21" or "2020-21". */
  year: string;
  kind: BudgetKind;
  /** Pounds, to the penny at most; negative for income. */
  value: number;
}

export type AddBudgetLine = PlanCommandOf<
  'AddBudgetLine',
  { code: string; title: string; amounts?: BudgetAmountInput[]; note?: string }
>;

/** Any of the fields; `amounts`, when given, is the full new list; a null `note` removes it. */
export type ReviseBudgetLine = PlanCommandOf<
  'ReviseBudgetLine',
  { code: string; title?: string; note?: string | null; amounts?: BudgetAmountInput[]; reason: string }
>;

export type RemoveBudgetLine = PlanCommandOf<'RemoveBudgetLine', { code: string; reason: string }>;

/**
 * The totals the plan prints, as the full list: a year and kind left out loses its printed total. A
 * reason is needed once the plan has printed totals to change.
 */
export type SetPrintedBudgetTotals = PlanCommandOf<'SetPrintedBudgetTotals', { totals: BudgetAmountInput[]; reason?: string }>;

export type BudgetCommand = AddBudgetLine | ReviseBudgetLine | RemoveBudgetLine | SetPrintedBudgetTotals;
