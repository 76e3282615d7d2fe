import { DomainError } from '../../domain-error';
import type { CommandDeciders, OpenPlan } from '../decision-rules';
import { monitoredPeriod, requireReason, changedFields, sameValue, structuralChange } from '../decision-rules';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import type { PlanEvent } from '../plan-events';
import { entryOf } from '../plan-state';
import type { AddPriority, OutcomeInput, PriorityCommand, RecordProgress, RevisePriority, WithdrawPriority } from './priority-commands';
import type { PriorityFields } from './priority-events';
import type { PriorityState } from './priority-state';
import type { Outcome } from './priority-values';
import { parseTargetDate } from './target-dates';

/** Priorities, their outcomes and the progress officers record against them. */
export const PRIORITY_DECIDERS: CommandDeciders<PriorityCommand> = {
  AddPriority: addPriority,
  RevisePriority: revisePriority,
  WithdrawPriority: withdrawPriority,
  RecordProgress: recordProgress,
};

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
