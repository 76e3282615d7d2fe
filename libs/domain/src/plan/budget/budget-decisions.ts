import { DomainError } from '../../domain-error';
import { financialYearLabel, parsePeriod } from '../../periods/financial-periods';
import type { CommandDeciders, OpenPlan } from '../decision-rules';
import { requireReason, sameValue, structuralChange } from '../decision-rules';
import { requireItemByCode, requireNewCode, revisedFields } from '../keyed-items';
import { PLAN_LIMITS, requireWithinLimit, type PlanLimit } from '../plan-limits';
import type { PlanEvent } from '../plan-events';
import type {
  AddBudgetLine,
  BudgetAmountInput,
  BudgetCommand,
  RemoveBudgetLine,
  ReviseBudgetLine,
  SetPrintedBudgetTotals,
} from './budget-commands';
import type { BudgetLineFields } from './budget-events';
import {
  budgetYearStarts,
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
  SetPrintedBudgetTotals: setPrintedBudgetTotals,
};

/** Who gives a list of amounts, for the sentences that refuse one: a line, or the printed totals. */
interface AmountsGiver {
  /** "Budget line CS01 gives", "The printed totals give". */
  gives: string;
  limit: PlanLimit;
  /** Who would hold too many: "budget line CS01", "this plan". */
  holder: string;
}

const lineGiver = (code: string): AmountsGiver => ({
  gives: `Budget line ${code} gives`,
  limit: PLAN_LIMITS.amountsPerBudgetLine,
  holder: `budget line ${code}`,
});

const PRINTED_TOTALS: AmountsGiver = {
  gives: 'The printed totals give',
  limit: PLAN_LIMITS.printedBudgetTotalsPerPlan,
  holder: 'this plan',
};

function addBudgetLine(command: AddBudgetLine, plan: OpenPlan): PlanEvent[] {
  const { code, title } = command.data;
  requireNewCode(plan.budgetLines, code, NOUN);
  requireWithinLimit(PLAN_LIMITS.budgetLinesPerPlan, Object.keys(plan.budgetLines).length + 1, 'this plan');
  const amounts = budgetAmounts(plan, lineGiver(code), command.data.amounts ?? []);
  return structuralChange(plan, `Budget line ${code} added`, [
    { type: 'BudgetLineAdded', data: { planId: plan.planId, code, title, note: command.data.note ?? null, amounts } },
  ]);
}

function reviseBudgetLine(command: ReviseBudgetLine, plan: OpenPlan): PlanEvent[] {
  const line = requireItemByCode(plan.budgetLines, command.data.code, NOUN);
  const reason = requireReason(command.data.reason, `revising budget line ${line.code}`);
  const { title, note } = command.data;
  const amounts = command.data.amounts && budgetAmounts(plan, lineGiver(line.code), command.data.amounts);
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

/**
 * The totals as printed, the full list: each year and kind new or with another figure is set, each
 * left out is removed. Setting the first needs no reason; changing them does.
 */
function setPrintedBudgetTotals(command: SetPrintedBudgetTotals, plan: OpenPlan): PlanEvent[] {
  const before = plan.printedBudgetTotals;
  const totals = budgetAmounts(plan, PRINTED_TOTALS, command.data.totals);
  if (sameValue(totals, before)) throw DomainError.ruleBroken('Nothing would change: the printed budget totals already say that.');
  const { planId } = plan;
  const previousOf = (total: BudgetAmount) => before.find((old) => compareBudgetAmounts(old, total) === 0);
  const set = (reason: string | null): PlanEvent[] =>
    totals.flatMap(({ year, kind, value }): PlanEvent[] => {
      const previous = previousOf({ year, kind, value })?.value ?? null;
      return previous === value ? [] : [{ type: 'BudgetPrintedTotalSet', data: { planId, year, kind, value, previous, reason } }];
    });
  if (before.length === 0) {
    const reason = command.data.reason?.trim() || null;
    return structuralChange(plan, reason ?? 'Printed budget totals set', set(reason));
  }
  const reason = requireReason(command.data.reason, 'changing the printed budget totals');
  const removed = before.flatMap(({ year, kind, value }): PlanEvent[] =>
    totals.some((total) => compareBudgetAmounts(total, { year, kind }) === 0)
      ? []
      : [{ type: 'BudgetPrintedTotalRemoved', data: { planId, year, kind, previous: value, reason } }],
  );
  return structuralChange(plan, reason, [...set(reason), ...removed]);
}

/** Amounts as held: years in canonical form, each checked, one per year and kind, in year order. */
function budgetAmounts(plan: OpenPlan, giver: AmountsGiver, inputs: BudgetAmountInput[]): BudgetAmount[] {
  requireWithinLimit(giver.limit, inputs.length, giver.holder);
  const amounts = inputs.map((input) => ({
    year: budgetYear(plan, giver, input.year),
    kind: input.kind,
    value: budgetValue(giver, input.value),
  }));
  const sorted = [...amounts].sort(compareBudgetAmounts);
  const repeated = sorted.find((amount, index) => index > 0 && compareBudgetAmounts(amount, sorted[index - 1]) === 0);
  if (repeated) {
    throw DomainError.ruleBroken(`${giver.gives} two ${repeated.kind} amounts for ${repeated.year}: give one amount per year and kind.`);
  }
  return sorted;
}

/** A financial year near enough the plan's period to belong in its budget. */
function budgetYear(plan: OpenPlan, giver: AmountsGiver, written: string): string {
  const period = parsePeriod(written);
  if (period.kind !== 'year') {
    throw DomainError.ruleBroken(
      `${giver.gives} ${period.label}, a ${period.kind}: budgets are set per financial year, so write ${financialYearLabel(period.startYear)}.`,
    );
  }
  const { first, last } = budgetYearStarts(plan.period);
  if (period.startYear < first || period.startYear > last) {
    throw DomainError.ruleBroken(
      `${giver.gives} an amount for ${period.label}, too far from this plan's period, ${plan.period.label}: ` +
        `its budget may name the years ${financialYearLabel(first)} to ${financialYearLabel(last)}.`,
    );
  }
  return period.label;
}

function budgetValue(giver: AmountsGiver, value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_BUDGET_AMOUNT) {
    throw DomainError.ruleBroken(
      `${giver.gives} £${value}: an amount is in pounds, at most £10,000,000,000 either way (income is negative).`,
    );
  }
  if (penceOf(value) / 100 !== value) {
    throw DomainError.ruleBroken(`${giver.gives} £${value}: amounts are in pounds and pence, with at most two decimal places.`);
  }
  return value;
}
