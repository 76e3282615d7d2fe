import { DomainError } from '../../domain-error';
import { financialYearLabel, parsePeriod } from '../../periods/financial-periods';
import type { CommandDeciders, OpenPlan } from '../decision-rules';
import { requireReason, structuralChange } from '../decision-rules';
import { requireItemByCode, requireNewCode, revisedFields } from '../keyed-items';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import type { PlanEvent } from '../plan-events';
import type { AddBudgetLine, BudgetAmountInput, BudgetCommand, RemoveBudgetLine, ReviseBudgetLine } from './budget-commands';
import type { BudgetLineFields } from './budget-events';
import {
  BUDGET_YEARS_AFTER_PLAN,
  BUDGET_YEARS_BEFORE_PLAN,
  compareBudgetAmounts,
  MAX_BUDGET_AMOUNT,
  penceOf,
  type BudgetAmount,
} from './budget-values';

const NOUN = 'Budget line';

/** Budget lines per cost centre or service, with their amounts per year and kind. */
export const BUDGET_DECIDERS: CommandDeciders<BudgetCommand> = {
  AddBudgetLine: addBudgetLine,
  ReviseBudgetLine: reviseBudgetLine,
  RemoveBudgetLine: removeBudgetLine,
};

function addBudgetLine(command: AddBudgetLine, plan: OpenPlan): PlanEvent[] {
  const { code, title } = command.data;
  requireNewCode(plan.budgetLines, code, NOUN);
  requireWithinLimit(PLAN_LIMITS.budgetLinesPerPlan, Object.keys(plan.budgetLines).length + 1, 'this plan');
  const amounts = budgetAmounts(plan, code, command.data.amounts ?? []);
  return structuralChange(plan, `Budget line ${code} added`, [
    { type: 'BudgetLineAdded', data: { planId: plan.planId, code, title, note: command.data.note ?? null, amounts } },
  ]);
}

function reviseBudgetLine(command: ReviseBudgetLine, plan: OpenPlan): PlanEvent[] {
  const line = requireItemByCode(plan.budgetLines, command.data.code, NOUN);
  const reason = requireReason(command.data.reason, `revising budget line ${line.code}`);
  const { title, note } = command.data;
  const amounts = command.data.amounts && budgetAmounts(plan, line.code, command.data.amounts);
  const { changes, previous } = revisedFields<BudgetLineFields>(line, { title, note, amounts }, NOUN, line.code);
  return structuralChange(plan, reason, [
    { type: 'BudgetLineRevised', data: { planId: plan.planId, code: line.code, changes, previous, reason } },
  ]);
}

function removeBudgetLine(command: RemoveBudgetLine, plan: OpenPlan): PlanEvent[] {
  const { code, ...previous } = requireItemByCode(plan.budgetLines, command.data.code, NOUN);
  const reason = requireReason(command.data.reason, `removing budget line ${code}`);
  return structuralChange(plan, reason, [{ type: 'BudgetLineRemoved', data: { planId: plan.planId, code, previous, reason } }]);
}

/** A line's amounts as held: years in canonical form, each checked, one per year and kind, in year order. */
function budgetAmounts(plan: OpenPlan, code: string, inputs: BudgetAmountInput[]): BudgetAmount[] {
  requireWithinLimit(PLAN_LIMITS.amountsPerBudgetLine, inputs.length, `budget line ${code}`);
  const amounts = inputs.map((input) => ({
    year: budgetYear(plan, code, input.year),
    kind: input.kind,
    value: budgetValue(code, input.value),
  }));
  const sorted = [...amounts].sort(compareBudgetAmounts);
  const repeated = sorted.find((amount, index) => index > 0 && compareBudgetAmounts(amount, sorted[index - 1]) === 0);
  if (repeated) {
    throw DomainError.ruleBroken(
      `Budget line ${code} gives two ${repeated.kind} amounts for ${repeated.year}: give one amount per year and kind.`,
    );
  }
  return sorted;
}

/** A financial year near enough the plan's period to belong in its budget. */
function budgetYear(plan: OpenPlan, code: string, written: string): string {
  const period = parsePeriod(written);
  if (period.kind === 'quarter') {
    throw DomainError.ruleBroken(
      `Budgets are set per financial year: budget line ${code} gives ${period.label}; write the year, ${financialYearLabel(period.startYear)}.`,
    );
  }
  const first = Number(plan.period.from.slice(0, 4)) - BUDGET_YEARS_BEFORE_PLAN;
  const last = Number(plan.period.to.slice(0, 4)) - 1 + BUDGET_YEARS_AFTER_PLAN;
  if (period.startYear < first || period.startYear > last) {
    throw DomainError.ruleBroken(
      `Budget line ${code} gives an amount for ${period.label}, too far from this plan's period, ${plan.period.label}: ` +
        `its budget may name the years ${financialYearLabel(first)} to ${financialYearLabel(last)}.`,
    );
  }
  return period.label;
}

function budgetValue(code: string, value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_BUDGET_AMOUNT) {
    throw DomainError.ruleBroken(
      `Budget line ${code} gives £${value}: an amount is in pounds, at most £10,000,000,000 either way (income is negative).`,
    );
  }
  if (penceOf(value) / 100 !== value) {
    throw DomainError.ruleBroken(`Budget line ${code} gives £${value}: amounts are in pounds and pence, with at most two decimal places.`);
  }
  return value;
}
