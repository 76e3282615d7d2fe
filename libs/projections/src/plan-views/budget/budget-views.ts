import type { BudgetAmount, BudgetTotal } from '@app/domain';

export type BudgetLineView = {
  code: string;
  title: string;
  note: string | null;
  /** In year order, and within a year original, latest, forecast, outturn. */
  amounts: BudgetAmount[];
};

/** The plan view's budget: its lines by code, and the totals per year and kind, computed from them. */
export type BudgetPart = {
  budget: {
    lines: BudgetLineView[];
    totals: BudgetTotal[];
  };
};

export const emptyBudgetPart = (): BudgetPart => ({ budget: { lines: [], totals: [] } });
