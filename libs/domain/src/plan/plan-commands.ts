import type { BudgetCommand } from './budget/budget-commands';
import type { ContractCommand } from './contracts/contract-commands';
import type { DraftPlan, GovernanceCommand } from './governance/governance-commands';
import type { IndicatorCommand } from './indicators/indicator-commands';
import type { NarrativeCommand } from './narrative/narrative-commands';
import type { PriorityCommand } from './priorities/priority-commands';
import type { RiskCommand } from './risks/risk-commands';
import type { WorkforceCommand } from './workforce/workforce-commands';

export type * from './budget/budget-commands';
export type * from './governance/governance-commands';
export type * from './indicators/indicator-commands';
export type * from './priorities/priority-commands';
export type * from './risks/risk-commands';
export type * from './contracts/contract-commands';
export type * from './workforce/workforce-commands';
export type * from './narrative/narrative-commands';

/**
 * What officers, editors and governance ask of a plan: the union of its sections' commands. Values
 * arrive validated for shape by the edge (types, enums, required fields); the decider checks the
 * rules. Periods may be written with `-` for `/` ("2023-24-Q2"); the decider normalises them.
 */
export type PlanCommand =
  | DraftPlan
  | GovernanceCommand
  | PriorityCommand
  | IndicatorCommand
  | BudgetCommand
  | RiskCommand
  | ContractCommand
  | WorkforceCommand
  | NarrativeCommand;

/** A command to a plan that exists already. */
export type CommandToDraftedPlan = Exclude<PlanCommand, DraftPlan>;

export type PlanCommandType = PlanCommand['type'];
