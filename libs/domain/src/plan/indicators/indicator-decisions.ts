import { DomainError } from '../../domain-error';
import { targetInForce } from '../../performance/target-in-force';
import { normalisePeriod, parsePeriod, periodBounds, type PeriodKind } from '../../periods/financial-periods';
import { describePlanPeriod } from '../../periods/plan-periods';
import type { CommandDeciders, DecisionContext, OpenPlan } from '../decision-rules';
import { changedFields, monitoredPeriod, requireReason, sameValue, structuralChange } from '../decision-rules';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import type { PlanEvent } from '../plan-events';
import { entryOf } from '../plan-state';
import { sameCode } from '../written-text';
import type {
  DefineIndicator,
  IndicatorCommand,
  LinkIndicator,
  RecordActual,
  RecordBaseline,
  ReviseIndicator,
  SetTarget,
  VerifyActual,
} from './indicator-commands';
import type { IndicatorFields } from './indicator-events';
import type { Baseline, DataQualityNotes, Figure, FigureKind, Frequency, Unit } from './indicator-values';
import type { IndicatorState } from './indicator-state';
import { DEFAULT_TOLERANCE_PERCENT, figureKindOf, VERIFICATION_OUTCOMES } from './indicator-values';
import { requireFigureOfUnit } from './figures';
import { buildTarget, comparisonUnderPolarity, describeTarget, sameTarget } from './targets';
import { requireThemeIds } from '../theme-links';
import { NOBODY_NAMED, requestedOwnership, type Ownership } from '../ownership';

/** Indicators, their targets and the actuals officers record against them. */
export const INDICATOR_DECIDERS: CommandDeciders<IndicatorCommand> = {
  DefineIndicator: defineIndicator,
  ReviseIndicator: reviseIndicator,
  SetTarget: setTarget,
  RecordActual: recordActual,
  VerifyActual: verifyActual,
  RecordBaseline: recordBaseline,
  LinkIndicator: linkIndicator,
};

function defineIndicator(command: DefineIndicator, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const { code, title, description, unit, polarity, basis, frequency } = command.data;
  const existing = indicatorWithCode(plan, code);
  if (existing) {
    const spelt = existing.code === code ? '' : ` as '${existing.code}'`;
    throw DomainError.ruleBroken(`Indicator '${code}' is already in this plan${spelt}: choose another code.`);
  }
  requireWithinLimit(PLAN_LIMITS.indicatorsPerPlan, Object.keys(plan.indicators).length + 1, 'this plan');
  requireWithinLimit(PLAN_LIMITS.targetsPerIndicator, command.data.targets.length, `indicator ${code}`);
  const tolerance = toleranceOfUnit(unit, toleranceStated(command.data.tolerance, command.data.toleranceAbsolute)) ?? defaultTolerance(unit);
  // A target is for a period the plan covers, as a return is: a plan does not set last year's.
  const targets = command.data.targets.map((input) => buildTarget({ ...input, period: monitoredPeriod(plan, input.period) }, polarity, unit));
  const [themeId = null] = requireThemeIds(plan, context, command.data.themeId === undefined ? [] : [command.data.themeId], `indicator ${code}`);
  const periods = targets.map((target) => target.period);
  const repeated = periods.find((period, index) => periods.indexOf(period) !== index);
  if (repeated !== undefined) {
    throw DomainError.ruleBroken(`Indicator ${code} lists two targets for ${repeated}: give one per period.`);
  }
  const priorityRefs = measuredPriorities(plan, code, command.data.priorityRefs ?? []);
  const linked: PlanEvent[] =
    priorityRefs.length === 0 ? [] : [{ type: 'IndicatorLinked', data: { planId: plan.planId, code, priorityRefs, previous: [], reason: null } }];
  const ownership = requestedOwnership(NOBODY_NAMED, command.data, `indicator ${code}`);
  const owned = ownership === null ? [] : [ownershipAssigned(plan, code, ownership, NOBODY_NAMED, null)];
  return structuralChange(plan, `Indicator ${code} defined`, [
    {
      type: 'IndicatorDefined',
      data: {
        planId: plan.planId,
        code,
        title,
        description: description ?? null,
        unit,
        polarity,
        basis,
        frequency,
        ...tolerance,
        themeId,
        targets,
      },
    },
    ...linked,
    ...owned,
  ]);
}

function ownershipAssigned(plan: OpenPlan, code: string, ownership: Ownership, previous: Ownership, reason: string | null): PlanEvent {
  return { type: 'IndicatorOwnershipAssigned', data: { planId: plan.planId, code, ...ownership, previous, reason } };
}

/** The tolerance a command states, as a percent of the target or an amount in the unit, or undefined when it states none. */
function toleranceStated(
  percent: number | undefined,
  absolute: number | undefined,
): Pick<IndicatorFields, 'tolerance' | 'toleranceAbsolute'> | undefined {
  if (percent !== undefined && absolute !== undefined) {
    throw DomainError.ruleBroken(
      'Give the tolerance either as a percent of the target (tolerance) or as an amount in the unit (toleranceAbsolute), not both.',
    );
  }
  if (percent !== undefined) {
    if (!Number.isFinite(percent) || percent < 0) {
      throw DomainError.ruleBroken(`The tolerance is a percentage of the target and cannot be negative: ${percent}% was given.`);
    }
    return { tolerance: percent, toleranceAbsolute: null };
  }
  if (absolute !== undefined) {
    if (!Number.isFinite(absolute) || absolute < 0) {
      throw DomainError.ruleBroken(`The absolute tolerance is an amount in the indicator's unit and cannot be negative: ${absolute} was given.`);
    }
    return { tolerance: null, toleranceAbsolute: absolute };
  }
  return undefined;
}

/**
 * A number is amber within 5% of its target unless the plan says otherwise; a date is missed by days,
 * so its tolerance is a number of days, none unless given; a yes/no result is met or not.
 */
function defaultTolerance(unit: Unit): Pick<IndicatorFields, 'tolerance' | 'toleranceAbsolute'> {
  return figureKindOf(unit) === 'number'
    ? { tolerance: DEFAULT_TOLERANCE_PERCENT, toleranceAbsolute: null }
    : { tolerance: null, toleranceAbsolute: 0 };
}

/** The tolerance stated, if it is one the unit can have: days for a date (not a percent of one), none for a yes/no result. */
function toleranceOfUnit(
  unit: Unit,
  stated: Pick<IndicatorFields, 'tolerance' | 'toleranceAbsolute'> | undefined,
): Pick<IndicatorFields, 'tolerance' | 'toleranceAbsolute'> | undefined {
  if (stated === undefined) return undefined;
  const kind = figureKindOf(unit);
  if (kind === 'yes-no' && (stated.tolerance ?? stated.toleranceAbsolute) !== 0) {
    throw DomainError.ruleBroken('A yes/no result is met or not, so it has no tolerance: leave tolerance and toleranceAbsolute out.');
  }
  if (kind === 'date' && stated.tolerance !== null) {
    throw DomainError.ruleBroken(
      'A date is early or late by days, not by a percent of a date: give the tolerance as a number of days (toleranceAbsolute).',
    );
  }
  return stated;
}

/** The indicator a code names, however it is capitalised. */
function indicatorWithCode(plan: OpenPlan, code: string): IndicatorState | undefined {
  return entryOf(plan.indicators, code) ?? Object.values(plan.indicators).find((indicator) => sameCode(indicator.code, code));
}

/** The indicator a code names; its events carry the code as it was defined, however the command wrote it. */
function requireIndicator(plan: OpenPlan, code: string): IndicatorState {
  const indicator = indicatorWithCode(plan, code);
  if (!indicator) throw DomainError.notFound(`Indicator '${code}' is not in this plan.`);
  return indicator;
}

function reviseIndicator(command: ReviseIndicator, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const { title, description, unit, polarity, basis, frequency } = command.data;
  const indicator = requireIndicator(plan, command.data.code);
  const { code } = indicator;
  const reason = requireReason(command.data.reason, `revising indicator ${code}`);
  if (unit !== undefined && figureKindOf(unit) !== figureKindOf(indicator.unit)) {
    throw DomainError.ruleBroken(
      `Indicator ${code}'s figures are ${FIGURE_KIND_WORDS[figureKindOf(indicator.unit)]}, and a ${unit} indicator's are ${FIGURE_KIND_WORDS[figureKindOf(unit)]}: its targets and actuals would change meaning, so define a new indicator instead.`,
    );
  }
  const { changes, previous } = changedFields<IndicatorFields>(indicator, {
    title,
    description,
    unit,
    polarity,
    basis,
    frequency,
    ...toleranceOfUnit(indicator.unit, toleranceStated(command.data.tolerance, command.data.toleranceAbsolute)),
    themeId: linkedTheme(plan, context, command.data.themeId, `indicator ${code}`),
  });
  const current: Ownership = { owner: indicator.owner, approver: indicator.approver };
  const ownership = requestedOwnership(current, command.data, `indicator ${code}`);
  if (Object.keys(changes).length === 0 && ownership === null) {
    throw DomainError.ruleBroken(`Nothing would change: indicator ${code} already says that.`);
  }
  const revised: PlanEvent[] =
    Object.keys(changes).length === 0
      ? []
      : [
          { type: 'IndicatorRevised', data: { planId: plan.planId, code, changes, previous, reason } },
          ...targetsFollowingPolarity(plan, { ...indicator, ...changes }, reason),
        ];
  return structuralChange(plan, reason, [...revised, ...(ownership === null ? [] : [ownershipAssigned(plan, code, ownership, current, reason)])]);
}

/** The theme a revision links the indicator to: undefined when not asked, null to unlink. */
function linkedTheme(plan: OpenPlan, context: DecisionContext, themeId: string | null | undefined, subject: string): string | null | undefined {
  if (themeId === undefined || themeId === null) return themeId;
  return requireThemeIds(plan, context, [themeId], subject)[0];
}

/**
 * A corrected polarity carries the targets that would contradict it along, each as a target change
 * the audit trail shows: an indicator wrongly entered as higher-is-better with "at least 40" becomes
 * "at most 40" when its polarity is put right. Actuals already recorded keep the rating they had.
 */
function targetsFollowingPolarity(plan: OpenPlan, revised: IndicatorState, reason: string): PlanEvent[] {
  const { code, unit, polarity } = revised;
  return revised.targets.flatMap((previous): PlanEvent[] => {
    const comparison = previous.comparison && comparisonUnderPolarity(previous.comparison, polarity);
    if (comparison === previous.comparison) return [];
    const target = { ...previous, comparison };
    const data = { planId: plan.planId, code, unit, polarity, period: previous.period, previous, target, reason, authority: null };
    return [{ type: 'TargetChanged', data }];
  });
}

const FIGURE_KIND_WORDS: Record<FigureKind, string> = { number: 'numbers', date: 'dates', 'yes-no': 'yes or no' };

function setTarget(command: SetTarget, plan: OpenPlan): PlanEvent[] {
  const { period: written, value, upper, baseline, comparison, text } = command.data;
  const { code, unit, polarity, targets } = requireIndicator(plan, command.data.code);
  const target = buildTarget({ period: monitoredPeriod(plan, written), value, upper, baseline, comparison, text }, polarity, unit);
  const { period } = target;
  const authority = command.data.authority?.trim() || null;
  const previous = targets.find((existing) => existing.period === period);
  if (!previous) {
    requireWithinLimit(PLAN_LIMITS.targetsPerIndicator, targets.length + 1, `indicator ${code}`);
    const reason = command.data.reason?.trim() || null;
    return structuralChange(plan, reason ?? `Target for ${code} in ${period} set`, [
      { type: 'TargetSet', data: { planId: plan.planId, code, unit, polarity, target, reason, authority } },
    ]);
  }
  if (sameTarget(previous, target)) {
    throw DomainError.ruleBroken(
      `Nothing would change: the target for ${code} in ${period} is already ${describeTarget(previous)}.`,
    );
  }
  const reason = requireReason(
    command.data.reason,
    `changing the target for ${code} in ${period} from ${describeTarget(previous)}`,
  );
  return structuralChange(plan, reason, [
    {
      type: 'TargetChanged',
      data: { planId: plan.planId, code, unit, polarity, period, previous, target, reason, authority },
    },
  ]);
}

function recordActual(command: RecordActual, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const indicator = requireIndicator(plan, command.data.code);
  const { code } = indicator;
  const period = monitoredPeriod(plan, command.data.period);
  requirePeriodOfFrequency(indicator, period, 'its returns are');
  const { unit, polarity } = indicator;
  const value = requireFigureOfUnit(command.data.value, unit, `The actual for ${code} in ${period}`);
  if (unit === 'percent' && typeof value === 'number' && (value < 0 || value > 100)) {
    throw DomainError.ruleBroken(
      `${code} is a percentage, from 0 to 100: ${value}% for ${period} cannot be. Record the figure as a percentage of the whole.`,
    );
  }
  const commentary = command.data.commentary?.trim() || null;
  const notes: DataQualityNotes = {
    source: command.data.source?.trim() || null,
    method: command.data.method?.trim() || null,
    caveats: command.data.caveats?.trim() || null,
  };
  const assessedAgainst = targetInForce(indicator, period, (earlier) => knownFigure(indicator, earlier));
  const previous = entryOf(indicator.actuals, period);
  if (!previous) {
    return [
      {
        type: 'ActualRecorded',
        data: { planId: plan.planId, code, unit, polarity, period, value, commentary, ...notes, assessedAgainst, recordedBy: context.actor },
      },
    ];
  }
  const { source, method, caveats } = previous;
  if (previous.value === value && previous.commentary === commentary && sameValue({ source, method, caveats }, notes)) {
    throw DomainError.ruleBroken(
      `Nothing would change: the actual for ${code} in ${period} is already ${value} with that commentary and those notes.`,
    );
  }
  const reason = requireReason(
    command.data.reason,
    `restating the actual for ${code} in ${period}, already recorded as ${previous.value}`,
  );
  return [
    {
      type: 'ActualRestated',
      data: {
        planId: plan.planId,
        code,
        unit,
        polarity,
        period,
        previous: { value: previous.value, commentary: previous.commentary },
        value,
        commentary,
        ...notes,
        reason,
        assessedAgainst,
        recordedBy: context.actor,
      },
    },
  ];
}

/**
 * Four eyes: the figure is checked by someone other than the officer who entered it. A rejected figure
 * stands until it is restated, and a restated one is checked afresh; checking again to the same
 * outcome would record nothing new and is refused.
 */
function verifyActual(command: VerifyActual, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const indicator = requireIndicator(plan, command.data.code);
  const { code, unit } = indicator;
  const period = monitoredPeriod(plan, command.data.period);
  const { outcome } = command.data;
  if (!(VERIFICATION_OUTCOMES as readonly string[]).includes(outcome)) {
    throw DomainError.ruleBroken(`A check of a figure is ${VERIFICATION_OUTCOMES.join(' or ')}, not '${outcome}'.`);
  }
  const actual = entryOf(indicator.actuals, period);
  if (!actual) throw DomainError.ruleBroken(`No actual is recorded for ${code} in ${period}: there is nothing to verify.`);
  if (actual.recordedBy === context.actor) {
    throw DomainError.ruleBroken(
      `You entered the actual for ${code} in ${period}: it must be verified or rejected by someone else.`,
    );
  }
  requireApproverOrPerformanceTeam(indicator, command, context, period);
  if (actual.verification === outcome) {
    throw DomainError.ruleBroken(`Nothing would change: the actual for ${code} in ${period}, ${actual.value}, is already ${outcome}.`);
  }
  const { planId } = plan;
  const { value } = actual;
  if (outcome === 'verified') {
    if (actual.verification === 'rejected') {
      throw DomainError.ruleBroken(
        `The actual for ${code} in ${period}, ${value}, was rejected: it is verified once it has been restated.`,
      );
    }
    return [{ type: 'ActualVerified', data: { planId, code, unit, period, value, verifiedBy: context.actor } }];
  }
  const reason = requireReason(command.data.reason, `rejecting the actual for ${code} in ${period}`);
  return [{ type: 'ActualRejected', data: { planId, code, unit, period, value, rejectedBy: context.actor, reason } }];
}

/**
 * An indicator that names its approver has its figures checked by them, the officer the plan makes
 * answerable for the check, or by the performance team, which checks for the whole council (when the
 * approver is away, or entered the figure themselves); any other officer is refused.
 */
function requireApproverOrPerformanceTeam(indicator: IndicatorState, command: VerifyActual, context: DecisionContext, period: string): void {
  const { code, approver } = indicator;
  if (approver === null || approver === context.actor || command.data.byPerformanceTeam) return;
  throw DomainError.ruleBroken(
    `The actuals of ${code} are verified or rejected by its approver, ${approver}, or by the performance team: ask them to check the actual for ${period}.`,
  );
}

/** The figure known for a period now: a baseline recorded for it, or the plan's actual for it. */
function knownFigure(indicator: IndicatorState, period: string): Figure | null {
  return (entryOf(indicator.baselines, period) ?? entryOf(indicator.actuals, period))?.value ?? null;
}

function recordBaseline(command: RecordBaseline, plan: OpenPlan): PlanEvent[] {
  const indicator = requireIndicator(plan, command.data.code);
  const { code, unit } = indicator;
  const period = baselinePeriod(plan, indicator, command.data.period);
  const value = requireFigureOfUnit(command.data.value, unit, `The baseline for ${code} in ${period}`);
  const baseline: Baseline = {
    period,
    value,
    source: command.data.source?.trim() || null,
    note: command.data.note?.trim() || null,
  };
  const previous = entryOf(indicator.baselines, period) ?? null;
  if (!previous) {
    requireWithinLimit(PLAN_LIMITS.baselinesPerIndicator, Object.keys(indicator.baselines).length + 1, `indicator ${code}`);
  }
  if (previous && sameValue(previous, baseline)) {
    throw DomainError.ruleBroken(`Nothing would change: the baseline for ${code} in ${period} is already ${value} as given.`);
  }
  const reason = previous
    ? requireReason(command.data.reason, `correcting the baseline for ${code} in ${period}, already recorded as ${previous.value}`)
    : command.data.reason?.trim() || null;
  return structuralChange(plan, reason ?? `Baseline for ${code} in ${period} recorded`, [
    { type: 'BaselineRecorded', data: { planId: plan.planId, code, unit, baseline, previous, reason } },
  ]);
}

/**
 * A baseline is about a period that ended before the plan began: a figure for a period the plan
 * covers is an actual, recorded as a return. Its period is one a return could have.
 */
function baselinePeriod(plan: OpenPlan, indicator: IndicatorState, written: string): string {
  const period = normalisePeriod(written);
  if (periodBounds(period).to >= plan.period.from) {
    throw DomainError.ruleBroken(
      `A baseline is a figure from before the plan, and ${period} is not before ${describePlanPeriod(plan.period)}: record a figure for a period the plan covers as an actual.`,
    );
  }
  requirePeriodOfFrequency(indicator, period, 'its figures are');
  return period;
}

const REPORTED: Record<Frequency, string> = { monthly: 'monthly', quarterly: 'quarterly', annual: 'annually' };
const PERIOD_KIND_OF_FREQUENCY: Record<Frequency, PeriodKind> = { monthly: 'month', quarterly: 'quarter', annual: 'year' };
const PERIOD_EXAMPLES: Record<PeriodKind, string> = { month: '2024/25-M07', quarter: '2024/25-Q2', year: '2024/25' };

/**
 * A figure (a return, a baseline) is for a period of the indicator's frequency, or for a whole year,
 * its outturn: an annual indicator has no quarterly actual, and a monthly one no quarterly figure.
 */
function requirePeriodOfFrequency(indicator: IndicatorState, period: string, subject: string): void {
  const expected = PERIOD_KIND_OF_FREQUENCY[indicator.frequency];
  const { kind } = parsePeriod(period);
  if (kind === 'year' || kind === expected) return;
  const allowed = expected === 'year' ? 'years (such as 2024/25)' : `${expected}s (such as ${PERIOD_EXAMPLES[expected]}) or whole years`;
  throw DomainError.ruleBroken(
    `Indicator ${indicator.code} is reported ${REPORTED[indicator.frequency]}, so ${subject} for ${allowed}, not for ${period}.`,
  );
}

function linkIndicator(command: LinkIndicator, plan: OpenPlan): PlanEvent[] {
  const indicator = requireIndicator(plan, command.data.code);
  const { code } = indicator;
  const priorityRefs = measuredPriorities(plan, code, command.data.priorityRefs);
  const previous = indicator.priorityRefs;
  if (sameValue(previous, priorityRefs)) {
    throw DomainError.ruleBroken(`Nothing would change: indicator ${code} already measures ${describeRefs(previous)}.`);
  }
  const reason =
    previous.length === 0
      ? command.data.reason?.trim() || null
      : requireReason(command.data.reason, `changing what indicator ${code} measures, now ${describeRefs(previous)}`);
  return structuralChange(plan, reason ?? `Indicator ${code} linked to ${describeRefs(priorityRefs)}`, [
    { type: 'IndicatorLinked', data: { planId: plan.planId, code, priorityRefs, previous, reason } },
  ]);
}

/**
 * The refs of the priorities, projects or actions an indicator measures, each one in force in the
 * plan, as the plan spells it, once each, in the order given. One measure may serve several actions,
 * so the link is a list.
 */
function measuredPriorities(plan: OpenPlan, code: string, refs: string[]): string[] {
  requireWithinLimit(PLAN_LIMITS.prioritiesPerIndicator, refs.length, `indicator ${code}`);
  const measured = refs.map((written) => {
    const priority = entryOf(plan.priorities, written.trim());
    if (!priority) {
      throw DomainError.ruleBroken(`Indicator ${code} cannot measure '${written}': no priority, project or action of this plan has that ref.`);
    }
    return priority.ref;
  });
  const repeated = measured.find((ref, index) => measured.indexOf(ref) !== index);
  if (repeated !== undefined) {
    throw DomainError.ruleBroken(`Indicator ${code} names ${repeated} twice: name each priority, project or action once.`);
  }
  return measured;
}

function describeRefs(refs: string[]): string {
  return refs.length === 0 ? 'nothing' : refs.join(', ');
}
