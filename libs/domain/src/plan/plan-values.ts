/** Values of the plan as a whole. Periods are canonical strings. */

/** The contract's plan status; a plan reopened for revision is `draft` again. */
export const PLAN_STATUSES = ['draft', 'in-scrutiny', 'approved', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * The period a plan covers: one financial year ("2023/24", 1 April to 31 March) or several
 * ("2020-2023", from 1 April 2020 to 31 March 2023).
 */
export interface PlanPeriod {
  kind: 'financial-year' | 'multi-year';
  label: string;
  /** ISO date, inclusive. */
  from: string;
  /** ISO date, inclusive. */
  to: string;
}
