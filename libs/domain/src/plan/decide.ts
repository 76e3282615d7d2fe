import { DomainError } from '../domain-error';
import { canonicalJson } from '../integrity/hash-chain';
import { isoDateOf } from '../periods/calendar';
import { normalisePeriod, requireHeldDate } from '../periods/financial-periods';
import { describePlanPeriod, isWithinPlanPeriod, parsePlanPeriod } from '../periods/plan-periods';
import { targetInForce } from '../performance/target-in-force';
import type {
  AddPriority,
  ApprovePlan,
  ClosePlan,
  DefineIndicator,
  DraftPlan,
  OutcomeInput,
  PlanCommand,
  PublishVersion,
  RecordActual,
  RecordProgress,
  RecordScrutiny,
  ReopenPlan,
  ReviseIndicator,
  RevisePriority,
  SetTarget,
  SubmitForScrutiny,
  WithdrawPriority,
} from './plan-commands';
import type { IndicatorFields, PlanEvent, PriorityFields } from './plan-events';
import type { DraftedPlanState, IndicatorState, PlanState, PriorityState } from './plan-state';
import { entryOf, lastVersionLabel } from './plan-state';
import { DEFAULT_TOLERANCE_PERCENT } from './plan-values';
import type { Outcome } from './plan-values';
import { parseTargetDate } from './target-dates';
import { buildTarget, describeTarget, sameTarget } from './targets';
import { sameCode } from './written-text';
import { PLAN_LIMITS, requireWithinLimit } from './plan-limits';

/** What a decision may know of the world besides the plan: the clock, read once by the caller. */
export interface DecisionContext {
  now: Date;
}

type OpenPlan = Exclude<DraftedPlanState, { lifecycle: 'closed' }>;

/**
 * Decides what a command means for the plan: the events to append, or a DomainError saying in
 * plain words why not. Pure: no clock but `context.now`, no ids, no I/O; a refusal decides nothing.
 */
export function decide(command: PlanCommand, state: PlanState, context: DecisionContext): PlanEvent[] {
  if (command.type === 'DraftPlan') return draftPlan(command, state);
  if (state.lifecycle === 'not-yet-drafted') {
    throw DomainError.notFound('There is no such plan: draft it first.');
  }
  if (state.lifecycle === 'closed') {
    throw DomainError.ruleBroken(`The plan "${state.title}" is closed: nothing in it can be changed.`);
  }
  switch (command.type) {
    case 'AddPriority':
      return addPriority(command, state);
    case 'RevisePriority':
      return revisePriority(command, state);
    case 'WithdrawPriority':
      return withdrawPriority(command, state);
    case 'DefineIndicator':
      return defineIndicator(command, state);
    case 'ReviseIndicator':
      return reviseIndicator(command, state);
    case 'SetTarget':
      return setTarget(command, state);
    case 'RecordActual':
      return recordActual(command, state);
    case 'RecordProgress':
      return recordProgress(command, state);
    case 'SubmitForScrutiny':
      return submitForScrutiny(command, state);
    case 'RecordScrutiny':
      return recordScrutiny(command, state);
    case 'PublishVersion':
      return publishVersion(command, state, context);
    case 'ApprovePlan':
      return approvePlan(command, state);
    case 'ReopenPlan':
      return reopenPlan(command, state);
    case 'ClosePlan':
      return closePlan(command, state);
  }
}

function draftPlan(command: DraftPlan, state: PlanState): PlanEvent[] {
  const { planId, council, service, title, period, owner } = command.data;
  if (state.lifecycle !== 'not-yet-drafted') {
    throw DomainError.alreadyExists(`A plan with the id '${planId}' already exists: "${state.title}".`);
  }
  return [
    {
      type: 'PlanDrafted',
      data: { planId, council, service, title, period: parsePlanPeriod(period), owner: owner ?? null },
    },
  ];
}

// ---- Structure: priorities, outcomes, indicators, targets -----------------------------------

/** A structural change to an approved plan reopens it first, for the same reason. */
function structuralChange(plan: OpenPlan, reason: string, changes: PlanEvent[]): PlanEvent[] {
  if (plan.lifecycle !== 'approved' && plan.lifecycle !== 'in-monitoring') return changes;
  return [{ type: 'PlanReopenedForRevision', data: { planId: plan.planId, reason } }, ...changes];
}

function addPriority(command: AddPriority, plan: OpenPlan): PlanEvent[] {
  const { ref, title, themes, objective } = command.data;
  if (entryOf(plan.priorities, ref)) {
    throw DomainError.ruleBroken(`Priority '${ref}' is already in this plan: choose another reference.`);
  }
  refuseWithdrawnRef(plan, ref);
  requireWithinLimit(PLAN_LIMITS.prioritiesPerPlan, Object.keys(plan.priorities).length + 1, 'this plan');
  requirePriorityLists(ref, themes, command.data.outcomes);
  requireOutcomesInPlan(plan, ref, command.data.outcomes.length);
  const outcomes = numberOutcomes(ref, command.data.outcomes, [], 0);
  return structuralChange(plan, `Priority ${ref} added`, [
    {
      type: 'PriorityAdded',
      data: { planId: plan.planId, ref, title, themes, objective: objective ?? null, outcomes },
    },
  ]);
}

/** Checked before anything else reads the lists, so an oversized one costs nothing more. */
function requirePriorityLists(ref: string, themes: string[] | undefined, outcomes: OutcomeInput[] | undefined): void {
  if (themes) requireWithinLimit(PLAN_LIMITS.themesPerPriority, themes.length, `priority ${ref}`);
  if (outcomes) requireWithinLimit(PLAN_LIMITS.outcomesPerPriority, outcomes.length, `priority ${ref}`);
}

/** The plan's outcomes once priority `ref` has `count` of them. */
function requireOutcomesInPlan(plan: OpenPlan, ref: string, count: number): void {
  const elsewhere = Object.values(plan.priorities).reduce(
    (total, priority) => (priority.ref === ref ? total : total + priority.outcomes.length),
    0,
  );
  requireWithinLimit(PLAN_LIMITS.outcomesPerPlan, elsewhere + count, 'this plan');
}

function refuseWithdrawnRef(plan: OpenPlan, ref: string): void {
  if (plan.withdrawnPriorityRefs.includes(ref)) {
    throw DomainError.ruleBroken(
      `Priority '${ref}' was withdrawn from this plan: its reference cannot be used again, so choose another.`,
    );
  }
}

/**
 * Gives each outcome its ref: the one written, or the next number after any in use (including
 * `takenRefs` and numbers up to `highestUsed`), in order. Refuses a ref written twice.
 */
function numberOutcomes(
  priorityRef: string,
  inputs: OutcomeInput[],
  takenRefs: string[],
  highestUsed: number,
): Outcome[] {
  const written = inputs.flatMap((input) => (input.ref?.trim() ? [input.ref.trim()] : []));
  const duplicate = written.find((ref, index) => written.indexOf(ref) !== index);
  if (duplicate !== undefined) {
    throw DomainError.ruleBroken(
      `Priority ${priorityRef} lists outcome '${duplicate}' twice: each outcome needs its own reference.`,
    );
  }
  let next = Math.max(highestUsed, ...[...written, ...takenRefs].map((ref) => (/^\d+$/.test(ref) ? Number(ref) : 0)));
  return inputs.map((input) => ({
    ref: input.ref?.trim() ? input.ref.trim() : String(++next),
    description: input.description,
    targetDate: input.targetDate?.trim() ? parseTargetDate(input.targetDate) : null,
  }));
}

function requirePriority(plan: OpenPlan, ref: string): PriorityState {
  const priority = entryOf(plan.priorities, ref);
  if (priority) return priority;
  if (plan.withdrawnPriorityRefs.includes(ref)) {
    throw DomainError.notFound(`Priority '${ref}' was withdrawn from this plan.`);
  }
  throw DomainError.notFound(`Priority '${ref}' is not in this plan.`);
}

function revisePriority(command: RevisePriority, plan: OpenPlan): PlanEvent[] {
  const { ref } = command.data;
  const priority = requirePriority(plan, ref);
  const reason = requireReason(command.data.reason, `revising priority ${ref}`);
  requirePriorityLists(ref, command.data.themes, command.data.outcomes);
  if (command.data.outcomes) requireOutcomesInPlan(plan, ref, command.data.outcomes.length);
  const { changes, previous } = changedFields<PriorityFields>(priority, {
    title: command.data.title,
    themes: command.data.themes,
    objective: command.data.objective,
  });
  const events: PlanEvent[] = [];
  if (Object.keys(changes).length > 0) {
    events.push({ type: 'PriorityRevised', data: { planId: plan.planId, ref, changes, previous, reason } });
  }
  if (command.data.outcomes) events.push(...outcomeChanges(plan, priority, command.data.outcomes, reason));
  if (events.length === 0) {
    throw DomainError.ruleBroken(`Nothing would change: priority ${ref} already says that.`);
  }
  return structuralChange(plan, reason, events);
}

/** The full new list of outcomes, matched to the old by ref, as added, changed and removed events. */
function outcomeChanges(plan: OpenPlan, priority: PriorityState, inputs: OutcomeInput[], reason: string): PlanEvent[] {
  const currentRefs = priority.outcomes.map((outcome) => outcome.ref);
  const outcomes = numberOutcomes(priority.ref, inputs, currentRefs, priority.highestOutcomeNumber);
  const { planId } = plan;
  const priorityRef = priority.ref;
  const events: PlanEvent[] = [];
  for (const outcome of outcomes) {
    const before = priority.outcomes.find((existing) => existing.ref === outcome.ref);
    if (!before) {
      events.push({ type: 'OutcomeAdded', data: { planId, priorityRef, outcome, reason } });
    } else if (!sameValue(before, outcome)) {
      events.push({
        type: 'OutcomeChanged',
        data: { planId, priorityRef, outcomeRef: outcome.ref, before, after: outcome, reason },
      });
    }
  }
  for (const outcome of priority.outcomes) {
    if (!outcomes.some((kept) => kept.ref === outcome.ref)) {
      events.push({ type: 'OutcomeRemoved', data: { planId, priorityRef, outcome, reason } });
    }
  }
  return events;
}

function withdrawPriority(command: WithdrawPriority, plan: OpenPlan): PlanEvent[] {
  const { ref } = command.data;
  const priority = requirePriority(plan, ref);
  const reason = requireReason(command.data.reason, `withdrawing priority ${ref}`);
  return structuralChange(plan, reason, [
    { type: 'PriorityWithdrawn', data: { planId: plan.planId, ref, title: priority.title, reason } },
  ]);
}

function defineIndicator(command: DefineIndicator, plan: OpenPlan): PlanEvent[] {
  const { code, title, description, unit, polarity, basis, frequency } = command.data;
  const existing = indicatorWithCode(plan, code);
  if (existing) {
    const spelt = existing.code === code ? '' : ` as '${existing.code}'`;
    throw DomainError.ruleBroken(`Indicator '${code}' is already in this plan${spelt}: choose another code.`);
  }
  requireWithinLimit(PLAN_LIMITS.indicatorsPerPlan, Object.keys(plan.indicators).length + 1, 'this plan');
  requireWithinLimit(PLAN_LIMITS.targetsPerIndicator, command.data.targets.length, `indicator ${code}`);
  const tolerance = requireTolerance(command.data.tolerance ?? DEFAULT_TOLERANCE_PERCENT);
  const targets = command.data.targets.map((input) => buildTarget(input, polarity));
  const periods = targets.map((target) => target.period);
  const repeated = periods.find((period, index) => periods.indexOf(period) !== index);
  if (repeated !== undefined) {
    throw DomainError.ruleBroken(`Indicator ${code} lists two targets for ${repeated}: give one per period.`);
  }
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
        tolerance,
        targets,
      },
    },
  ]);
}

function requireTolerance(tolerance: number): number {
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw DomainError.ruleBroken(
      `The tolerance is a percentage of the target and cannot be negative: ${tolerance}% was given.`,
    );
  }
  return tolerance;
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

function reviseIndicator(command: ReviseIndicator, plan: OpenPlan): PlanEvent[] {
  const { title, description, unit, polarity, basis, frequency, tolerance } = command.data;
  const indicator = requireIndicator(plan, command.data.code);
  const { code } = indicator;
  const reason = requireReason(command.data.reason, `revising indicator ${code}`);
  const { changes, previous } = changedFields<IndicatorFields>(indicator, {
    title,
    description,
    unit,
    polarity,
    basis,
    frequency,
    tolerance: tolerance === undefined ? undefined : requireTolerance(tolerance),
  });
  if (Object.keys(changes).length === 0) {
    throw DomainError.ruleBroken(`Nothing would change: indicator ${code} already says that.`);
  }
  return structuralChange(plan, reason, [
    { type: 'IndicatorRevised', data: { planId: plan.planId, code, changes, previous, reason } },
  ]);
}

function setTarget(command: SetTarget, plan: OpenPlan): PlanEvent[] {
  const { value, text } = command.data;
  const { code, unit, polarity, targets } = requireIndicator(plan, command.data.code);
  const target = buildTarget({ period: command.data.period, value, text }, polarity);
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

// ---- Monitoring: actuals and progress -------------------------------------------------------

function monitoredPeriod(plan: OpenPlan, written: string): string {
  const period = normalisePeriod(written);
  if (!isWithinPlanPeriod(period, plan.period)) {
    throw DomainError.ruleBroken(`${period} is outside this plan's period, ${describePlanPeriod(plan.period)}.`);
  }
  return period;
}

function recordActual(command: RecordActual, plan: OpenPlan): PlanEvent[] {
  const { value } = command.data;
  const indicator = requireIndicator(plan, command.data.code);
  const { code } = indicator;
  const period = monitoredPeriod(plan, command.data.period);
  if (!Number.isFinite(value)) {
    throw DomainError.ruleBroken(`The actual for ${code} in ${period} must be a number.`);
  }
  const commentary = command.data.commentary?.trim() || null;
  const { unit, polarity } = indicator;
  const assessedAgainst = targetInForce(indicator, period);
  const previous = entryOf(indicator.actuals, period);
  if (!previous) {
    return [
      {
        type: 'ActualRecorded',
        data: { planId: plan.planId, code, unit, polarity, period, value, commentary, assessedAgainst },
      },
    ];
  }
  if (previous.value === value && previous.commentary === commentary) {
    throw DomainError.ruleBroken(
      `Nothing would change: the actual for ${code} in ${period} is already ${value} with that commentary.`,
    );
  }
  const reason = requireReason(
    command.data.reason,
    `restating the actual for ${code} in ${period}, already recorded as ${previous.value}`,
  );
  return [
    {
      type: 'ActualRestated',
      data: { planId: plan.planId, code, unit, polarity, period, previous, value, commentary, reason, assessedAgainst },
    },
  ];
}

function recordProgress(command: RecordProgress, plan: OpenPlan): PlanEvent[] {
  const { ref, percentComplete, status } = command.data;
  const priority = requirePriority(plan, ref);
  const milestone = command.data.milestone?.trim() || null;
  if (milestone !== null && !priority.outcomes.some((outcome) => outcome.ref === milestone)) {
    throw DomainError.notFound(`Priority ${ref} has no outcome '${milestone}'.`);
  }
  const period = monitoredPeriod(plan, command.data.period);
  if (!Number.isFinite(percentComplete) || percentComplete < 0 || percentComplete > 100) {
    throw DomainError.ruleBroken(`Progress is a percentage from 0 to 100: ${percentComplete}% is not.`);
  }
  if (status === 'completed' && percentComplete < 100) {
    throw DomainError.ruleBroken(
      `Progress marked completed must be 100% complete, not ${percentComplete}%: record 100%, or choose another status.`,
    );
  }
  return [
    {
      type: 'ProgressRecorded',
      data: {
        planId: plan.planId,
        priorityRef: ref,
        milestone,
        period,
        percentComplete,
        status,
        position: command.data.position?.trim() || null,
        commentary: command.data.commentary?.trim() || null,
      },
    },
  ];
}

// ---- Governance: scrutiny, versions, approval, reopening, closing ------------------------------

function isApproved(plan: OpenPlan): boolean {
  return plan.lifecycle === 'approved' || plan.lifecycle === 'in-monitoring';
}

function submitForScrutiny(command: SubmitForScrutiny, plan: OpenPlan): PlanEvent[] {
  if (isApproved(plan)) {
    throw DomainError.ruleBroken('The plan is approved: reopen it for revision before submitting it for scrutiny again.');
  }
  const { committee, meetingDate } = command.data;
  return [
    {
      type: 'PlanSubmittedForScrutiny',
      data: {
        planId: plan.planId,
        committee,
        meetingDate: meetingDate === undefined ? null : requireHeldDate(meetingDate, 'meeting date'),
        versionLabel: lastVersionLabel(plan),
      },
    },
  ];
}

function recordScrutiny(command: RecordScrutiny, plan: OpenPlan): PlanEvent[] {
  if (isApproved(plan)) {
    throw DomainError.ruleBroken(
      'The plan is approved: scrutiny comments are recorded before approval, so reopen it for revision first.',
    );
  }
  const { committee, meetingDate, minuteRef, comments } = command.data;
  requireWithinLimit(PLAN_LIMITS.commentsPerScrutiny, comments.length, 'this record');
  requireWithinLimit(PLAN_LIMITS.scrutinyRecordsPerPlan, plan.scrutinyRecordCount + 1, 'this plan');
  requireWithinLimit(PLAN_LIMITS.commentsPerPlan, plan.scrutinyCommentCount + comments.length, 'this plan');
  return [
    {
      type: 'ScrutinyCommentsRecorded',
      data: {
        planId: plan.planId,
        committee,
        meetingDate: requireHeldDate(meetingDate, 'meeting date'),
        minuteRef: minuteRef?.trim() || null,
        comments,
      },
    },
  ];
}

function publishVersion(command: PublishVersion, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const reason = requireReason(command.data.reason, 'publishing a version');
  const latest = lastVersionLabel(plan);
  if (latest !== null && !plan.changedSinceLastVersion) {
    throw DomainError.ruleBroken(`Nothing has changed since version ${latest} was published: there is nothing new to publish.`);
  }
  requireWithinLimit(PLAN_LIMITS.versionsPerPlan, plan.versionLabels.length + 1, 'this plan');
  const label = command.data.label?.trim() || nextVersionLabel(plan.versionLabels);
  if (plan.versionLabels.includes(label)) {
    throw DomainError.ruleBroken(`Version ${label} has already been published: choose another label.`);
  }
  const effectiveDate =
    command.data.effectiveDate === undefined
      ? isoDateOf(context.now)
      : requireHeldDate(command.data.effectiveDate, 'version date');
  return [{ type: 'VersionPublished', data: { planId: plan.planId, label, reason, effectiveDate } }];
}

/** The next whole number after the highest numeric label, in its style: "1" → "2", "1.0" → "2.0". */
function nextVersionLabel(labels: readonly string[]): string {
  const numeric = labels.filter((label) => /^\d+(\.\d+)?$/.test(label));
  if (numeric.length === 0) return '1';
  const highest = numeric.reduce((a, b) => (Number(b) > Number(a) ? b : a));
  const next = Math.floor(Number(highest)) + 1;
  return highest.includes('.') ? `${next}.0` : String(next);
}

/**
 * Approval is accepted from a draft as well as after scrutiny: a council may take an urgent
 * decision without Overview and Scrutiny (call-in is waived or the matter cannot wait), so
 * scrutiny is recorded when it happens but is not a precondition.
 */
function approvePlan(command: ApprovePlan, plan: OpenPlan): PlanEvent[] {
  if (isApproved(plan)) throw DomainError.ruleBroken('The plan is already approved.');
  const { body, meetingDate, decisionRef } = command.data;
  return [
    {
      type: 'PlanApproved',
      data: {
        planId: plan.planId,
        body,
        meetingDate: requireHeldDate(meetingDate, 'meeting date'),
        decisionRef: decisionRef?.trim() || null,
        versionLabel: lastVersionLabel(plan),
      },
    },
  ];
}

function reopenPlan(command: ReopenPlan, plan: OpenPlan): PlanEvent[] {
  const reason = requireReason(command.data.reason, 'reopening the plan');
  if (!isApproved(plan)) {
    throw DomainError.ruleBroken('The plan is not approved, so there is nothing to reopen: it can be revised as it is.');
  }
  return [{ type: 'PlanReopenedForRevision', data: { planId: plan.planId, reason } }];
}

function closePlan(command: ClosePlan, plan: OpenPlan): PlanEvent[] {
  const reason = requireReason(command.data.reason, 'closing the plan');
  return [{ type: 'PlanClosed', data: { planId: plan.planId, reason } }];
}

// ---- Shared checks ----------------------------------------------------------------------------

function requireReason(reason: string | undefined, doing: string): string {
  const trimmed = reason?.trim();
  if (!trimmed) throw DomainError.ruleBroken(`Give a reason for ${doing}.`);
  return trimmed;
}

/** The fields of `requested` that differ from `current`, with their old values; undefined means not asked. */
function changedFields<F extends object>(
  current: F,
  requested: { [K in keyof F]?: F[K] },
): { changes: Partial<F>; previous: Partial<F> } {
  const changes: Partial<F> = {};
  const previous: Partial<F> = {};
  for (const key of Object.keys(requested) as Array<keyof F>) {
    const value = requested[key];
    if (value === undefined || sameValue(value, current[key])) continue;
    changes[key] = value;
    previous[key] = current[key];
  }
  return { changes, previous };
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
