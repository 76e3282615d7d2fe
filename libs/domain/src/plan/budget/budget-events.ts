import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { BudgetAmount, BudgetKind } from './budget-values';

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

/** A total as the plan prints it, for a year and kind that had none (`previous` null) or had another. */
export type BudgetPrintedTotalSet = PlanEventOf<
  'BudgetPrintedTotalSet',
  { year: string; kind: BudgetKind; value: number; previous: number | null; reason: string | null }
>;

export type BudgetPrintedTotalRemoved = PlanEventOf<
  'BudgetPrintedTotalRemoved',
  { year: string; kind: BudgetKind; previous: number; reason: string }
>;

export type BudgetEvent =
  | BudgetLineAdded
  | BudgetLineRevised
  | BudgetLineRemoved
  | BudgetPrintedTotalSet
  | BudgetPrintedTotalRemoved;

export const BUDGET_EVENT_DEFINITIONS: EventDefinitions<BudgetEvent> = {
  BudgetLineAdded: { schemaVersion: 1, role: 'structure' },
  BudgetLineRevised: { schemaVersion: 1, role: 'structure' },
  BudgetLineRemoved: { schemaVersion: 1, role: 'structure' },
  BudgetPrintedTotalSet: { schemaVersion: 1, role: 'structure' },
  BudgetPrintedTotalRemoved: { schemaVersion: 1, role: 'structure' },
};
