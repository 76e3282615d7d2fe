import {
  assessRag,
  comparePeriods,
  STRUCTURAL_EVENT_TYPES,
  type IndicatorFields,
  type Outcome,
  type PlanEvent,
  type PlanEventType,
  type PlanStatus,
  type ProgressStatus,
  type Rag,
  type Target,
  type TargetComparison,
  type TargetInForce,
} from '@app/domain';
import type { ProjectedEvent } from '../projector/projection';
import { formatValue } from './format-value';
import { actorName, planEventOf, recordedDate } from './plan-event';

/**
 * The current plan as the contract's Plan shape, folded from the plan's events alone. The same fold
 * serves the live projection and time travel (`asOf`, `version`), so it reads nothing but the events:
 * no clock, arrays in a stable order, objects built with their keys in one order.
 */

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

export type ProgressEntryView = {
  period: string;
  /** The outcome ref the entry is for, or null for the priority as a whole. */
  milestone: string | null;
  percentComplete: number;
  status: ProgressStatus;
  position: string | null;
  commentary: string | null;
  recordedAt: string;
  /** Stream revision of the entry, which orders entries recorded for the same period. */
  revision: number;
};

export type PriorityView = {
  ref: string;
  title: string;
  objective: string | null;
  themes: string[];
  outcomes: Outcome[];
  /** The latest entry (of the latest period, the last recorded), for the priority or a milestone. */
  progress: ProgressEntryView | null;
  /** The latest entry per period and milestone, in period order. */
  progressHistory: ProgressEntryView[];
};

export type WithdrawnPriorityView = {
  ref: string;
  title: string;
  objective: string | null;
  reason: string;
  withdrawnAt: string;
};

export type TargetView = {
  period: string;
  value: number | null;
  text: string | null;
  comparison: TargetComparison;
};

export type ActualView = {
  period: string;
  value: number;
  commentary: string | null;
  /** Rated once, against `assessedAgainst`, when recorded or restated: never recoloured. */
  rag: Rag;
  ragReason: string;
  assessedAgainst: TargetInForce;
  restated: boolean;
  restatementReason: string | null;
  recordedAt: string;
};

export type IndicatorView = { code: string } & IndicatorFields & {
  targets: TargetView[];
  actuals: ActualView[];
};

/** A row of the version-control table (Version No. | Date | Reason | Made by). */
export type VersionView = {
  label: string;
  /** The date the version carries (ISO date): its effective date, else the day it was recorded. */
  date: string;
  reason: string;
  madeBy: string;
  revision: number;
  recordedAt: string;
};

export type ScrutinyView = {
  kind: 'submitted' | 'comments';
  committee: string;
  meetingDate: string | null;
  minuteRef: string | null;
  comments: string[];
  versionLabel: string | null;
  recordedAt: string;
};

export type ApprovalView = {
  body: string;
  meetingDate: string;
  decisionRef: string | null;
  versionLabel: string | null;
  recordedAt: string;
};

export type PlanView = {
  planId: string;
  council: string;
  title: string;
  service: string;
  owner: string | null;
  /** The period's label ("2023/24", "2020-2023"); `periodRange` has its dates. */
  period: string;
  periodRange: { kind: 'financial-year' | 'multi-year'; from: string; to: string };
  status: PlanStatus;
  stage: PlanStage;
  /** Label of the latest published version, or null before the first. */
  version: string | null;
  revision: number;
  lastRecordedAt: string;
  priorities: PriorityView[];
  withdrawnPriorities: WithdrawnPriorityView[];
  indicators: IndicatorView[];
  versions: VersionView[];
  scrutiny: ScrutinyView[];
  /** The latest approval; it stays when a plan is reopened, whose status then says draft. */
  approval: ApprovalView | null;
};

export type Lifecycle = { status: PlanStatus; stage: PlanStage };

const MONITORING_EVENT_TYPES: ReadonlySet<PlanEventType> = new Set<PlanEventType>([
  'ActualRecorded',
  'ActualRestated',
  'ProgressRecorded',
]);

/** The plan's status and stage after an event of this type. */
export function advanceLifecycle(current: Lifecycle, type: PlanEventType): Lifecycle {
  switch (type) {
    case 'PlanDrafted':
      return { status: 'draft', stage: 'draft' };
    case 'PlanSubmittedForScrutiny':
      return { status: 'in-scrutiny', stage: 'in-scrutiny' };
    case 'ScrutinyCommentsRecorded':
      return { status: 'in-scrutiny', stage: 'scrutiny-comments-recorded' };
    case 'PlanApproved':
      return { status: 'approved', stage: 'approved' };
    case 'PlanReopenedForRevision':
      return { status: 'draft', stage: 'reopened-for-revision' };
    case 'PlanClosed':
      return { status: 'closed', stage: 'closed' };
  }
  const revisesAfterComments =
    current.stage === 'scrutiny-comments-recorded' && (STRUCTURAL_EVENT_TYPES.has(type) || type === 'VersionPublished');
  if (revisesAfterComments) return { status: current.status, stage: 'revised' };
  if (current.stage === 'approved' && MONITORING_EVENT_TYPES.has(type)) {
    return { status: current.status, stage: 'in-monitoring' };
  }
  return current;
}

/**
 * The view after one more event of the plan's stream. A stream that does not start with
 * PlanDrafted has no view (null); an unknown event type only moves the revision.
 */
export function evolvePlanView(view: PlanView | null, event: ProjectedEvent): PlanView | null {
  const planEvent = planEventOf(event);
  if (view === null) {
    return planEvent?.type === 'PlanDrafted' ? drafted(planEvent, event) : null;
  }
  const stamped: PlanView = { ...view, revision: event.revision, lastRecordedAt: event.recordedAt };
  if (planEvent === null) return stamped;
  const lifecycle = advanceLifecycle({ status: view.status, stage: view.stage }, planEvent.type);
  return applyContent({ ...stamped, ...lifecycle }, planEvent, event);
}

/** Folds events in order, from a snapshot when there is one. */
export function foldPlanView(events: ProjectedEvent[], start: PlanView | null = null): PlanView | null {
  return events.reduce<PlanView | null>(evolvePlanView, start);
}

function drafted(planEvent: Extract<PlanEvent, { type: 'PlanDrafted' }>, event: ProjectedEvent): PlanView {
  const { data } = planEvent;
  return {
    planId: data.planId,
    council: data.council,
    title: data.title,
    service: data.service,
    owner: data.owner,
    period: data.period.label,
    periodRange: { kind: data.period.kind, from: data.period.from, to: data.period.to },
    status: 'draft',
    stage: 'draft',
    version: null,
    revision: event.revision,
    lastRecordedAt: event.recordedAt,
    priorities: [],
    withdrawnPriorities: [],
    indicators: [],
    versions: [],
    scrutiny: [],
    approval: null,
  };
}

function applyContent(view: PlanView, planEvent: PlanEvent, event: ProjectedEvent): PlanView {
  switch (planEvent.type) {
    case 'PlanDrafted':
      return view;
    case 'PriorityAdded': {
      const { ref, title, themes, objective, outcomes } = planEvent.data;
      const priority: PriorityView = {
        ref,
        title,
        objective,
        themes: [...themes],
        outcomes: outcomes.map(copyOutcome),
        progress: null,
        progressHistory: [],
      };
      return { ...view, priorities: [...view.priorities.filter((p) => p.ref !== ref), priority] };
    }
    case 'PriorityRevised': {
      const { changes } = planEvent.data;
      return updatePriority(view, planEvent.data.ref, (priority) => ({
        ...priority,
        title: changes.title ?? priority.title,
        objective: changes.objective !== undefined ? changes.objective : priority.objective,
        themes: changes.themes ? [...changes.themes] : priority.themes,
      }));
    }
    case 'PriorityWithdrawn': {
      const withdrawn = view.priorities.find((p) => p.ref === planEvent.data.ref);
      const entry: WithdrawnPriorityView = {
        ref: planEvent.data.ref,
        title: planEvent.data.title,
        objective: withdrawn?.objective ?? null,
        reason: planEvent.data.reason,
        withdrawnAt: event.recordedAt,
      };
      return {
        ...view,
        priorities: view.priorities.filter((p) => p.ref !== planEvent.data.ref),
        withdrawnPriorities: [...view.withdrawnPriorities, entry],
      };
    }
    case 'OutcomeAdded':
      return updatePriority(view, planEvent.data.priorityRef, (priority) => ({
        ...priority,
        outcomes: [...priority.outcomes, copyOutcome(planEvent.data.outcome)],
      }));
    case 'OutcomeChanged':
      return updatePriority(view, planEvent.data.priorityRef, (priority) => ({
        ...priority,
        outcomes: priority.outcomes.map((o) =>
          o.ref === planEvent.data.outcomeRef ? copyOutcome(planEvent.data.after) : o,
        ),
      }));
    case 'OutcomeRemoved':
      return updatePriority(view, planEvent.data.priorityRef, (priority) => ({
        ...priority,
        outcomes: priority.outcomes.filter((o) => o.ref !== planEvent.data.outcome.ref),
      }));
    case 'IndicatorDefined': {
      const { data } = planEvent;
      const indicator: IndicatorView = {
        code: data.code,
        title: data.title,
        description: data.description,
        unit: data.unit,
        polarity: data.polarity,
        basis: data.basis,
        frequency: data.frequency,
        tolerance: data.tolerance,
        targets: sortByPeriod(data.targets.map(copyTarget)),
        actuals: [],
      };
      return { ...view, indicators: [...view.indicators.filter((i) => i.code !== data.code), indicator] };
    }
    case 'IndicatorRevised': {
      const { changes } = planEvent.data;
      return updateIndicator(view, planEvent.data.code, (indicator) => ({
        ...indicator,
        title: changes.title ?? indicator.title,
        description: changes.description !== undefined ? changes.description : indicator.description,
        unit: changes.unit ?? indicator.unit,
        polarity: changes.polarity ?? indicator.polarity,
        basis: changes.basis ?? indicator.basis,
        frequency: changes.frequency ?? indicator.frequency,
        tolerance: changes.tolerance ?? indicator.tolerance,
      }));
    }
    case 'TargetSet':
    case 'TargetChanged': {
      const target = copyTarget(planEvent.data.target);
      return updateIndicator(view, planEvent.data.code, (indicator) => ({
        ...indicator,
        targets: sortByPeriod([...indicator.targets.filter((t) => t.period !== target.period), target]),
      }));
    }
    case 'ActualRecorded':
    case 'ActualRestated': {
      const { data } = planEvent;
      // Rated with the unit and polarity the event carries, so a later revision of the indicator
      // never recolours an actual already recorded.
      const assessment = assessRag({
        actual: data.value,
        polarity: data.polarity,
        assessedAgainst: data.assessedAgainst,
        period: data.period,
        formatValue: (value) => formatValue(value, data.unit),
      });
      return updateIndicator(view, data.code, (indicator) => {
        const actual: ActualView = {
          period: data.period,
          value: data.value,
          commentary: data.commentary,
          rag: assessment.rag,
          ragReason: assessment.reason,
          assessedAgainst: copyTargetInForce(data.assessedAgainst),
          restated: planEvent.type === 'ActualRestated',
          restatementReason: planEvent.type === 'ActualRestated' ? planEvent.data.reason : null,
          recordedAt: event.recordedAt,
        };
        return {
          ...indicator,
          actuals: sortByPeriod([...indicator.actuals.filter((a) => a.period !== data.period), actual]),
        };
      });
    }
    case 'ProgressRecorded': {
      const { data } = planEvent;
      const entry: ProgressEntryView = {
        period: data.period,
        milestone: data.milestone,
        percentComplete: data.percentComplete,
        status: data.status,
        position: data.position,
        commentary: data.commentary,
        recordedAt: event.recordedAt,
        revision: event.revision,
      };
      return updatePriority(view, data.priorityRef, (priority) => {
        const progressHistory = [
          ...priority.progressHistory.filter((e) => e.period !== entry.period || e.milestone !== entry.milestone),
          entry,
        ].sort(compareProgressEntries);
        return { ...priority, progress: latestProgress(progressHistory), progressHistory };
      });
    }
    case 'PlanSubmittedForScrutiny': {
      const { committee, meetingDate, versionLabel } = planEvent.data;
      const submission: ScrutinyView = {
        kind: 'submitted',
        committee,
        meetingDate,
        minuteRef: null,
        comments: [],
        versionLabel,
        recordedAt: event.recordedAt,
      };
      return { ...view, scrutiny: [...view.scrutiny, submission] };
    }
    case 'ScrutinyCommentsRecorded': {
      const { committee, meetingDate, minuteRef, comments } = planEvent.data;
      const record: ScrutinyView = {
        kind: 'comments',
        committee,
        meetingDate,
        minuteRef,
        comments: [...comments],
        versionLabel: view.version,
        recordedAt: event.recordedAt,
      };
      return { ...view, scrutiny: [...view.scrutiny, record] };
    }
    case 'VersionPublished': {
      const { label, reason, effectiveDate } = planEvent.data;
      const version: VersionView = {
        label,
        date: effectiveDate ?? recordedDate(event),
        reason,
        madeBy: actorName(event),
        revision: event.revision,
        recordedAt: event.recordedAt,
      };
      return { ...view, version: label, versions: [...view.versions, version] };
    }
    case 'PlanApproved': {
      const { body, meetingDate, decisionRef, versionLabel } = planEvent.data;
      return { ...view, approval: { body, meetingDate, decisionRef, versionLabel, recordedAt: event.recordedAt } };
    }
    case 'PlanReopenedForRevision':
    case 'PlanClosed':
      return view;
  }
}

function updatePriority(view: PlanView, ref: string, change: (priority: PriorityView) => PriorityView): PlanView {
  if (!view.priorities.some((p) => p.ref === ref)) return view;
  return { ...view, priorities: view.priorities.map((p) => (p.ref === ref ? change(p) : p)) };
}

function updateIndicator(view: PlanView, code: string, change: (indicator: IndicatorView) => IndicatorView): PlanView {
  if (!view.indicators.some((i) => i.code === code)) return view;
  return { ...view, indicators: view.indicators.map((i) => (i.code === code ? change(i) : i)) };
}

const copyOutcome = (outcome: Outcome): Outcome => ({
  ref: outcome.ref,
  description: outcome.description,
  targetDate: outcome.targetDate ? { text: outcome.targetDate.text, date: outcome.targetDate.date } : null,
});

const copyTarget = (target: Target): TargetView => ({
  period: target.period,
  value: target.value,
  text: target.text,
  comparison: target.comparison,
});

const copyTargetInForce = (inForce: TargetInForce): TargetInForce => ({
  target: inForce.target ? copyTarget(inForce.target) : null,
  source: inForce.source,
  tolerancePercent: inForce.tolerancePercent,
});

function sortByPeriod<T extends { period: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => comparePeriods(a.period, b.period));
}

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
