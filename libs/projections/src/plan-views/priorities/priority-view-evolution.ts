import { comparePeriods, NOBODY_NAMED, type Outcome, type PriorityEvent } from '@app/domain';
import type { PlanView } from '../plan-view-shape';
import type { ViewEvolvers } from '../section-traits';
import type { PriorityView, ProgressEntryView, WithdrawnPriorityView } from './priority-views';

export const PRIORITY_VIEW_EVOLVERS: ViewEvolvers<PriorityEvent> = {
  PriorityAdded: (view, { data: { ref, kind, title, themes, themeIds, objective, sponsor, manager, outcomes } }) => {
    const priority: PriorityView = {
      ref,
      kind,
      title,
      objective,
      themes: [...themes],
      themeIds: [...themeIds],
      sponsor,
      manager,
      ...NOBODY_NAMED,
      outcomes: outcomes.map(copyOutcome),
      progress: null,
      progressHistory: [],
    };
    return { ...view, priorities: [...view.priorities.filter((p) => p.ref !== ref), priority] };
  },
  PriorityRevised: (view, { data: { ref, changes } }) =>
    updatePriority(view, ref, (priority) => ({
      ...priority,
      kind: changes.kind ?? priority.kind,
      title: changes.title ?? priority.title,
      objective: changes.objective !== undefined ? changes.objective : priority.objective,
      themes: changes.themes ? [...changes.themes] : priority.themes,
      themeIds: changes.themeIds ? [...changes.themeIds] : priority.themeIds,
      sponsor: changes.sponsor !== undefined ? changes.sponsor : priority.sponsor,
      manager: changes.manager !== undefined ? changes.manager : priority.manager,
    })),
  PriorityWithdrawn: (view, { data }, stored) => {
    const withdrawn = view.priorities.find((p) => p.ref === data.ref);
    const entry: WithdrawnPriorityView = {
      ref: data.ref,
      kind: data.kind,
      title: data.title,
      objective: withdrawn?.objective ?? null,
      reason: data.reason,
      withdrawnAt: stored.recordedAt,
    };
    return {
      ...view,
      priorities: view.priorities.filter((p) => p.ref !== data.ref),
      withdrawnPriorities: [...view.withdrawnPriorities, entry],
    };
  },
  OutcomeAdded: (view, { data }) =>
    updatePriority(view, data.priorityRef, (priority) => ({
      ...priority,
      outcomes: [...priority.outcomes, copyOutcome(data.outcome)],
    })),
  OutcomeChanged: (view, { data }) =>
    updatePriority(view, data.priorityRef, (priority) => ({
      ...priority,
      outcomes: priority.outcomes.map((o) => (o.ref === data.outcomeRef ? copyOutcome(data.after) : o)),
    })),
  OutcomeRemoved: (view, { data }) =>
    updatePriority(view, data.priorityRef, (priority) => ({
      ...priority,
      outcomes: priority.outcomes.filter((o) => o.ref !== data.outcome.ref),
    })),
  ProgressRecorded: (view, { data }, stored) => {
    const entry: ProgressEntryView = {
      period: data.period,
      milestone: data.milestone,
      percentComplete: data.percentComplete,
      status: data.status,
      position: data.position,
      commentary: data.commentary,
      recordedAt: stored.recordedAt,
      revision: stored.revision,
    };
    return updatePriority(view, data.priorityRef, (priority) => {
      const progressHistory = [
        ...priority.progressHistory.filter((e) => e.period !== entry.period || e.milestone !== entry.milestone),
        entry,
      ].sort(compareProgressEntries);
      return { ...priority, progress: latestProgress(progressHistory), progressHistory };
    });
  },
  PriorityOwnershipAssigned: (view, { data: { ref, owner, approver } }) =>
    updatePriority(view, ref, (priority) => ({ ...priority, owner, approver })),
};

function updatePriority(view: PlanView, ref: string, change: (priority: PriorityView) => PriorityView): PlanView {
  if (!view.priorities.some((p) => p.ref === ref)) return view;
  return { ...view, priorities: view.priorities.map((p) => (p.ref === ref ? change(p) : p)) };
}

const copyOutcome = (outcome: Outcome): Outcome => ({
  ref: outcome.ref,
  description: outcome.description,
  targetDate: outcome.targetDate ? { text: outcome.targetDate.text, date: outcome.targetDate.date } : null,
  due: outcome.due ? { period: outcome.due.period, date: outcome.due.date } : null,
});

/** Period order; within a period the whole priority first, then milestones by ref. */
function compareProgressEntries(a: ProgressEntryView, b: ProgressEntryView): number {
  const byPeriod = comparePeriods(a.period, b.period);
  if (byPeriod !== 0) return byPeriod;
  if (a.milestone === b.milestone) return a.revision - b.revision;
  if (a.milestone === null) return -1;
  if (b.milestone === null) return 1;
  return a.milestone < b.milestone ? -1 : 1;
}

/** The latest entry: of the latest period, and of those the last recorded. */
export function latestProgress(entries: ProgressEntryView[]): ProgressEntryView | null {
  let latest: ProgressEntryView | null = null;
  for (const entry of entries) {
    const byPeriod = latest === null ? 1 : comparePeriods(entry.period, latest.period);
    if (latest === null || byPeriod > 0 || (byPeriod === 0 && entry.revision > latest.revision)) latest = entry;
  }
  return latest;
}
