import { DomainError } from '../../domain-error';
import type { CommandDeciders, DecisionContext, OpenPlan } from '../decision-rules';
import { monitoredPeriod, requireReason, changedFields, sameValue, structuralChange } from '../decision-rules';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import type { PlanEvent } from '../plan-events';
import { entryOf } from '../plan-state';
import type { AddPriority, OutcomeInput, PriorityCommand, RecordProgress, RevisePriority, WithdrawPriority } from './priority-commands';
import type { PriorityFields } from './priority-events';
import type { PriorityState } from './priority-state';
import type { Outcome, PriorityKind } from './priority-values';
import { parseDue, parseTargetDate } from './target-dates';
import { requireThemeIds } from '../theme-links';
import { NOBODY_NAMED, requestedOwnership, type Ownership } from '../ownership';

/** Priorities, their outcomes and the progress officers record against them. */
export const PRIORITY_DECIDERS: CommandDeciders<PriorityCommand> = {
  AddPriority: addPriority,
  RevisePriority: revisePriority,
  WithdrawPriority: withdrawPriority,
  RecordProgress: recordProgress,
};

/** How an officer names an item of the kind: "project WD", "priority 3". */
const itemName = (kind: PriorityKind, ref: string): string => `${kind} ${ref}`;

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function addPriority(command: AddPriority, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const { ref, title, themes, objective } = command.data;
  const kind = command.data.kind ?? 'priority';
  const existing = entryOf(plan.priorities, ref);
  if (existing) {
    throw DomainError.ruleBroken(`${capitalised(existing.kind)} '${ref}' is already in this plan: choose another reference.`);
  }
  refuseWithdrawnRef(plan, ref);
  requireWithinLimit(PLAN_LIMITS.prioritiesPerPlan, Object.keys(plan.priorities).length + 1, 'this plan');
  requirePriorityLists(ref, themes, command.data.outcomes);
  requireOutcomesInPlan(plan, ref, command.data.outcomes.length);
  const themeIds = requireThemeIds(plan, context, command.data.themeIds ?? [], itemName(kind, ref));
  const outcomes = numberOutcomes(itemName(kind, ref), command.data.outcomes, [], 0);
  const ownership = requestedOwnership(NOBODY_NAMED, command.data, itemName(kind, ref));
  return structuralChange(plan, `${capitalised(itemName(kind, ref))} added`, [
    {
      type: 'PriorityAdded',
      data: {
        planId: plan.planId,
        ref,
        title,
        themes,
        themeIds,
        objective: objective ?? null,
        kind,
        sponsor: command.data.sponsor?.trim() || null,
        manager: command.data.manager?.trim() || null,
        outcomes,
      },
    },
    ...(ownership === null ? [] : [ownershipAssigned(plan, ref, kind, ownership, NOBODY_NAMED, null)]),
  ]);
}

function ownershipAssigned(
  plan: OpenPlan,
  ref: string,
  kind: PriorityKind,
  ownership: Ownership,
  previous: Ownership,
  reason: string | null,
): PlanEvent {
  return { type: 'PriorityOwnershipAssigned', data: { planId: plan.planId, ref, kind, ...ownership, previous, reason } };
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
 * `takenRefs` and numbers up to `highestUsed`), in order, and reads its dates. Refuses a ref written
 * twice. `item` names the priority, project or action ("project WD").
 */
function numberOutcomes(
  item: string,
  inputs: OutcomeInput[],
  takenRefs: string[],
  highestUsed: number,
): Outcome[] {
  const written = inputs.flatMap((input) => (input.ref?.trim() ? [input.ref.trim()] : []));
  const duplicate = written.find((ref, index) => written.indexOf(ref) !== index);
  if (duplicate !== undefined) {
    throw DomainError.ruleBroken(
      `${capitalised(item)} lists outcome '${duplicate}' twice: each outcome needs its own reference.`,
    );
  }
  let next = Math.max(highestUsed, ...[...written, ...takenRefs].map((ref) => (/^\d+$/.test(ref) ? Number(ref) : 0)));
  return inputs.map((input) => {
    const ref = input.ref?.trim() ? input.ref.trim() : String(++next);
    return {
      ref,
      description: input.description,
      targetDate: input.targetDate?.trim() ? parseTargetDate(input.targetDate) : null,
      due: input.due?.trim() ? parseDue(input.due, `outcome ${ref} of ${item}`) : null,
    };
  });
}

function requirePriority(plan: OpenPlan, ref: string): PriorityState {
  const priority = entryOf(plan.priorities, ref);
  if (priority) return priority;
  if (plan.withdrawnPriorityRefs.includes(ref)) {
    throw DomainError.notFound(`Priority '${ref}' was withdrawn from this plan.`);
  }
  throw DomainError.notFound(`Priority '${ref}' is not in this plan.`);
}

function revisePriority(command: RevisePriority, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const { ref } = command.data;
  const priority = requirePriority(plan, ref);
  const reason = requireReason(command.data.reason, `revising ${itemName(priority.kind, ref)}`);
  requirePriorityLists(ref, command.data.themes, command.data.outcomes);
  if (command.data.outcomes) requireOutcomesInPlan(plan, ref, command.data.outcomes.length);
  const { changes, previous } = changedFields<PriorityFields>(priority, {
    title: command.data.title,
    themes: command.data.themes,
    themeIds: command.data.themeIds === undefined ? undefined : requireThemeIds(plan, context, command.data.themeIds, itemName(priority.kind, ref)),
    objective: command.data.objective,
    kind: command.data.kind,
    sponsor: clearableName(command.data.sponsor),
    manager: clearableName(command.data.manager),
  });
  const kind = changes.kind ?? priority.kind;
  const events: PlanEvent[] = [];
  if (Object.keys(changes).length > 0) {
    events.push({ type: 'PriorityRevised', data: { planId: plan.planId, ref, kind, changes, previous, reason } });
  }
  if (command.data.outcomes) events.push(...outcomeChanges(plan, priority, kind, command.data.outcomes, reason));
  const current: Ownership = { owner: priority.owner, approver: priority.approver };
  const ownership = requestedOwnership(current, command.data, itemName(kind, ref));
  if (ownership !== null) events.push(ownershipAssigned(plan, ref, kind, ownership, current, reason));
  if (events.length === 0) {
    throw DomainError.ruleBroken(`Nothing would change: ${itemName(priority.kind, ref)} already says that.`);
  }
  return structuralChange(plan, reason, events);
}

/** A sponsor or manager as asked: undefined leaves it, null or blank clears it. */
function clearableName(name: string | null | undefined): string | null | undefined {
  return name === undefined ? undefined : name?.trim() || null;
}

/**
 * The full new list of outcomes, matched to the old by ref, as added, changed and removed events of
 * an item that is of `priorityKind` once revised.
 */
function outcomeChanges(
  plan: OpenPlan,
  priority: PriorityState,
  priorityKind: PriorityKind,
  inputs: OutcomeInput[],
  reason: string,
): PlanEvent[] {
  const currentRefs = priority.outcomes.map((outcome) => outcome.ref);
  const outcomes = numberOutcomes(itemName(priorityKind, priority.ref), inputs, currentRefs, priority.highestOutcomeNumber);
  const { planId } = plan;
  const priorityRef = priority.ref;
  const events: PlanEvent[] = [];
  for (const outcome of outcomes) {
    const before = priority.outcomes.find((existing) => existing.ref === outcome.ref);
    if (!before) {
      events.push({ type: 'OutcomeAdded', data: { planId, priorityRef, priorityKind, outcome, reason } });
    } else if (!sameValue(before, outcome)) {
      events.push({
        type: 'OutcomeChanged',
        data: { planId, priorityRef, priorityKind, outcomeRef: outcome.ref, before, after: outcome, reason },
      });
    }
  }
  for (const outcome of priority.outcomes) {
    if (!outcomes.some((kept) => kept.ref === outcome.ref)) {
      events.push({ type: 'OutcomeRemoved', data: { planId, priorityRef, priorityKind, outcome, reason } });
    }
  }
  return events;
}

function withdrawPriority(command: WithdrawPriority, plan: OpenPlan): PlanEvent[] {
  const { ref } = command.data;
  const priority = requirePriority(plan, ref);
  const reason = requireReason(command.data.reason, `withdrawing ${itemName(priority.kind, ref)}`);
  return structuralChange(plan, reason, [
    { type: 'PriorityWithdrawn', data: { planId: plan.planId, ref, kind: priority.kind, title: priority.title, reason } },
  ]);
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
  if (status === 'not-started' && percentComplete > 0) {
    throw DomainError.ruleBroken(
      `Progress marked not-started must be 0% complete, not ${percentComplete}%: record 0%, or choose the status the work has reached.`,
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
