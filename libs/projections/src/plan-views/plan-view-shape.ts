import type { PlanStatus } from '@app/domain';
import type { BudgetPart } from './budget/budget-views';
import type { ContractsPart } from './contracts/contract-views';
import type { GovernancePart } from './governance/governance-views';
import type { IndicatorsPart } from './indicators/indicator-views';
import type { NarrativePart } from './narrative/narrative-views';
import type { PrioritiesPart } from './priorities/priority-views';
import type { RisksPart } from './risks/risk-views';
import type { WorkforcePart } from './workforce/workforce-views';

export type * from './budget/budget-views';
export type * from './governance/governance-views';
export type * from './indicators/indicator-views';
export type * from './priorities/priority-views';
export type * from './risks/risk-views';
export type * from './contracts/contract-views';
export type * from './workforce/workforce-views';
export type * from './narrative/narrative-views';

/** Finer than the contract's status: where the plan is in its lifecycle. */
export const PLAN_STAGES = [
  'draft',
  'in-scrutiny',
  'scrutiny-comments-recorded',
  'revised',
  'approved',
  'in-monitoring',
  'reopened-for-revision',
  'closed',
] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];

export type Lifecycle = { status: PlanStatus; stage: PlanStage };

/** The plan's header, as drafted, with where it is in its lifecycle. */
export type PlanHeaderView = {
  planId: string;
  council: string;
  title: string;
  service: string;
  owner: string | null;
  /** The period's label ("2023/24", "2020-2023"); `periodRange` has its dates. */
  period: string;
  periodRange: { kind: 'financial-year' | 'multi-year'; from: string; to: string };
  revision: number;
  lastRecordedAt: string;
} & Lifecycle;

/** The current plan as the contract's Plan shape: its header and one part per section. */
export type PlanView = PlanHeaderView &
  GovernancePart &
  PrioritiesPart &
  IndicatorsPart &
  BudgetPart &
  RisksPart &
  ContractsPart &
  WorkforcePart &
  NarrativePart;
