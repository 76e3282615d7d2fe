import { DomainError } from '../../domain-error';
import { isoDate, longDate } from '../../periods/calendar';
import { comparePeriods, financialYearLabel } from '../../periods/financial-periods';
import { describePlanPeriod, isWithinPlanPeriod, parsePlanPeriod } from '../../periods/plan-periods';
import { budgetYearStarts } from '../budget/budget-values';
import type { PlanEvent } from '../plan-events';
import type { DraftedPlanState, PlanState } from '../plan-state';
import { lastVersionLabel } from '../plan-state';
import { NOBODY_NAMED, type Ownership } from '../ownership';
import type { PlanPeriod } from '../plan-values';
import type { RiskState } from '../risks/risk-state';
import type { Contract } from '../contracts/contract-values';

/**
 * Next year's plan drafted from this year's. Two streams are written, with no transaction across
 * them: the new plan's opening events (its drafting, where it came from, then what it carries, as the
 * sections' own events), then the old plan's `PlanRolledForward`. The decision reads both plans as
 * they are, so that asking again after either write decides only what is still missing.
 */

export interface RollForward {
  /** The new plan's id, derived by the caller from the old plan's id and the new period. */
  planId: string;
  /** The period of the new plan, written as a plan's is: the one that follows the old plan's. */
  period: string | { from: string; to: string };
  /** The new plan's title; the old plan's with its period's label replaced when absent. */
  title?: string;
}

/** What a roll-forward still has to write on each stream: nothing on either when it is complete. */
export interface RollForwardDecision {
  /** The new plan's events, from its drafting on; none when it was rolled forward already. */
  newPlan: PlanEvent[];
  /** The old plan's `PlanRolledForward`; none when it holds it already. */
  oldPlan: PlanEvent[];
}

/**
 * Pure: what rolling `from` (at `fromRevision`) forward to `asked.period` means, given the plan of
 * the new id as it stands (`to`, not yet drafted the first time). The old plan must be the one
 * rolled forward and the period the one that follows its own; the new id must hold no other plan.
 * Rolling forward again to the same period decides nothing new, and completes a roll-forward whose
 * second write was lost.
 */
export function decideRollForward(from: PlanState, fromRevision: number, to: PlanState, asked: RollForward): RollForwardDecision {
  if (from.lifecycle === 'not-yet-drafted') throw DomainError.notFound('There is no such plan: draft it first.');
  const period = requireNextPeriod(from, asked.period);
  const rolledForward: PlanEvent = { type: 'PlanRolledForward', data: { planId: from.planId, toPlanId: asked.planId, toPeriod: period.label } };
  const held = from.rolledForwardTo;
  if (held !== null && (held.planId !== asked.planId || held.period !== period.label)) {
    throw DomainError.ruleBroken(
      `The plan "${from.title}" was rolled forward already, to plan '${held.planId}' for ${held.period}: a plan is rolled forward once.`,
    );
  }
  if (to.lifecycle !== 'not-yet-drafted') {
    const origin = to.rolledForwardFrom;
    if (origin === null || origin.planId !== from.planId || origin.period !== from.period.label) {
      throw DomainError.alreadyExists(`A plan with the id '${asked.planId}' already exists: "${to.title}", which was not rolled forward from "${from.title}".`);
    }
    return { newPlan: [], oldPlan: held === null ? [rolledForward] : [] };
  }
  return { newPlan: openingEvents(from, fromRevision, asked, period), oldPlan: [rolledForward] };
}

/** The period after the old plan's: it begins the day after the old one ends, for one year or several. */
function requireNextPeriod(from: DraftedPlanState, written: RollForward['period']): PlanPeriod {
  const period = parsePlanPeriod(written);
  const nextStart = Number(from.period.to.slice(0, 4));
  if (Number(period.from.slice(0, 4)) !== nextStart) {
    throw DomainError.ruleBroken(
      `The plan "${from.title}" covers ${describePlanPeriod(from.period)}, so the plan rolled forward from it begins on ` +
        `${longDate(isoDate(nextStart, 4, 1))}, as ${financialYearLabel(nextStart)} does: ${period.label} begins on ${longDate(period.from)}.`,
    );
  }
  return period;
}

function openingEvents(from: DraftedPlanState, fromRevision: number, asked: RollForward, period: PlanPeriod): PlanEvent[] {
  const planId = asked.planId;
  const carriedPriorities = Object.values(from.priorities).filter((priority) => priority.latestProgress?.status !== 'completed');
  const carriedRefs = new Set(carriedPriorities.map((priority) => priority.ref));
  const budgetYears = budgetYearStarts(period);
  return [
    {
      type: 'PlanDrafted',
      data: { planId, council: from.council, service: from.service, title: asked.title?.trim() || rolledTitle(from, period), period, owner: from.owner },
    },
    {
      type: 'PlanRolledForwardFrom',
      data: { planId, fromPlanId: from.planId, fromPeriod: from.period.label, fromRevision, fromVersionLabel: lastVersionLabel(from) },
    },
    ...carriedPriorities.flatMap(({ ref, title, themes, themeIds, objective, kind, sponsor, manager, outcomes, owner, approver }): PlanEvent[] => [
      { type: 'PriorityAdded', data: { planId, ref, title, themes, themeIds, objective, kind, sponsor, manager, outcomes } },
      ...(isAnybodyNamed({ owner, approver })
        ? [{ type: 'PriorityOwnershipAssigned' as const, data: { planId, ref, kind, owner, approver, previous: NOBODY_NAMED, reason: null } }]
        : []),
    ]),
    ...Object.values(from.indicators).flatMap(
      ({ code, targets, actuals: _actuals, baselines: _baselines, priorityRefs, owner, approver, ...fields }): PlanEvent[] => {
        const measured = priorityRefs.filter((ref) => carriedRefs.has(ref));
        return [
          { type: 'IndicatorDefined', data: { planId, code, ...fields, targets: targets.filter((target) => isWithinPlanPeriod(target.period, period)) } },
          ...(measured.length === 0 ? [] : [{ type: 'IndicatorLinked' as const, data: { planId, code, priorityRefs: measured, previous: [], reason: null } }]),
          // Next year's returns are owed and checked by the same officers until the plan's editors say otherwise.
          ...(isAnybodyNamed({ owner, approver })
            ? [{ type: 'IndicatorOwnershipAssigned' as const, data: { planId, code, owner, approver, previous: NOBODY_NAMED, reason: null } }]
            : []),
        ];
      },
    ),
    ...Object.values(from.risks).map((risk): PlanEvent => {
      const { ref, reviews: _reviews, ...fields } = risk;
      return { type: 'RiskAdded', data: { planId, ref, ...fields, residual: latestResidual(risk) } };
    }),
    ...Object.values(from.contracts)
      .filter((contract) => isStillRunning(contract, period))
      .map((contract): PlanEvent => ({ type: 'ContractAdded', data: { planId, contract } })),
    ...Object.values(from.budgetLines).map(
      ({ code, title, note, amounts }): PlanEvent => ({
        type: 'BudgetLineAdded',
        data: {
          planId,
          code,
          title,
          note,
          amounts: amounts.filter(({ year }) => Number(year.slice(0, 4)) >= budgetYears.first && Number(year.slice(0, 4)) <= budgetYears.last),
        },
      }),
    ),
  ];
}

/** "Service Plan 2023/24: Corporate Services" becomes "Service Plan 2024/25: Corporate Services"; a title without its period gains the new one. */
function rolledTitle(from: DraftedPlanState, period: PlanPeriod): string {
  return from.title.includes(from.period.label) ? from.title.split(from.period.label).join(period.label) : `${from.title} (${period.label})`;
}

/** A contract whose end is not named as a date (none, or words such as "Rolling") runs on until the register says otherwise. */
function isStillRunning(contract: Contract, period: PlanPeriod): boolean {
  const end = contract.end?.date ?? null;
  return end === null || end >= period.from;
}

/** The risk as it stands: re-scored by its latest review, else as the register scored it. */
function latestResidual(risk: RiskState): RiskState['residual'] {
  const [latest] = Object.keys(risk.reviews).sort((a, b) => comparePeriods(b, a));
  return latest === undefined ? risk.residual : risk.reviews[latest].residual;
}

function isAnybodyNamed({ owner, approver }: Ownership): boolean {
  return owner !== null || approver !== null;
}
