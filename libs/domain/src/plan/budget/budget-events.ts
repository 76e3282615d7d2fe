import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { BudgetAmount } from './budget-values';

export interface BudgetLineFields {
  /** The cost centre or service, as the plan names it. */
  title: string;
  /** Explains the figures or their movements, kept as written. */
  note: string | null;
  /** One per year and kind, in year order. */
  amounts: BudgetAmount[];
}

/** `code` as it was first written; later commands may write it in other capitals. */
export type BudgetLineAdded = PlanEventOf<'BudgetLineAdded', { code: string } & BudgetLineFields>;

/** `previous` holds the old values of exactly the fields in `changes`; `amounts` is always the whole list. */
export type BudgetLineRevised = PlanEventOf<
  'BudgetLineRevised',
  { code: string; changes: Partial<BudgetLineFields>; previous: Partial<BudgetLineFields>; reason: string }
>;

/** Keeps the line as it was, so the event reads alone. */
export type BudgetLineRemoved = PlanEventOf<'BudgetLineRemoved', { code: string; previous: BudgetLineFields; reason: string }>;

export type BudgetEvent = BudgetLineAdded | BudgetLineRevised | BudgetLineRemoved;

export const BUDGET_EVENT_DEFINITIONS: EventDefinitions<BudgetEvent> = {
  BudgetLineAdded: { schemaVersion: 1, role: 'structure' },
  BudgetLineRevised: { schemaVersion: 1, role: 'structure' },
  BudgetLineRemoved: { schemaVersion: 1, role: 'structure' },
};
