import { frequencyOfPeriod, normalisePeriod, periodBounds, periodsOfPlan, type PlanEventType } from '@app/domain';
import type { ProjectedEvent } from '../projector/projection';
import { returnsTouchedBy } from '../plan-views/plan-event-traits';
import type { ActualVerificationView, IndicatorView, PlanView, PriorityView } from '../plan-views/plan-view';

/**
 * One document per plan and period holding the returns owed for it: each indicator's of that
 * frequency and, for a quarter, each priority's progress, with who owns it and what was recorded.
 * So that `GET /v1/returns` reads a council's returns for a period in one query, not every plan.
 * Whether a return is due or overdue depends on the deadline and today, so it is decided when asked.
 */
export const PLAN_RETURNS_COLLECTION = 'plan_returns';

/** What was recorded for a return: when and by whom, and for a figure its check (progress has none). */
export type ReturnSubmissionView = {
  recordedAt: string;
  /** Null for figures recorded before it was kept, and for progress, which does not keep it. */
  recordedBy: string | null;
  verification: ActualVerificationView | null;
};

export type ReturnView = {
  /** An indicator's figure, or a priority's (project's, action's) progress. */
  kind: 'indicator' | 'priority';
  /** The indicator's code or the priority's ref. */
  ref: string;
  title: string;
  owner: string | null;
  approver: string | null;
  /** Null while nothing is recorded for the period. */
  submission: ReturnSubmissionView | null;
};

export type PlanReturnsDocument = {
  id: string;
  council: string;
  planId: string;
  planTitle: string;
  service: string;
  /** False once the plan is closed: a closed plan owes nothing more. */
  live: boolean;
  period: string;
  /** The period's last day, the deadline's starting point. */
  periodEnd: string;
  returns: ReturnView[];
};

export const planReturnsId = (planKey: string, period: string): string => `${planKey}#${period}`;

function indicatorReturn(indicator: IndicatorView, period: string): ReturnView {
  const actual = indicator.actuals.find((candidate) => candidate.period === period);
  return {
    kind: 'indicator',
    ref: indicator.code,
    title: indicator.title,
    owner: indicator.owner,
    approver: indicator.approver,
    submission: actual ? { recordedAt: actual.recordedAt, recordedBy: actual.recordedBy, verification: actual.verification } : null,
  };
}

/** Progress for the priority as a whole or for any of its milestones is its return; the last recorded is shown. */
function priorityReturn(priority: PriorityView, period: string): ReturnView {
  const latest = priority.progressHistory
    .filter((entry) => entry.period === period)
    .reduce<PriorityView['progressHistory'][number] | null>((last, entry) => (last === null || entry.revision > last.revision ? entry : last), null);
  return {
    kind: 'priority',
    ref: priority.ref,
    title: priority.title,
    owner: priority.owner,
    approver: priority.approver,
    submission: latest ? { recordedAt: latest.recordedAt, recordedBy: null, verification: null } : null,
  };
}

/** The returns a plan owes for one of its periods. */
export function planReturnsOf(planKey: string, view: PlanView, period: string): PlanReturnsDocument {
  const frequency = frequencyOfPeriod(period);
  const indicators = view.indicators.filter((indicator) => indicator.frequency === frequency).map((indicator) => indicatorReturn(indicator, period));
  // Progress is reported quarterly.
  const priorities = frequency === 'quarterly' ? view.priorities.map((priority) => priorityReturn(priority, period)) : [];
  return {
    id: planReturnsId(planKey, period),
    council: view.council,
    planId: view.planId,
    planTitle: view.title,
    service: view.service,
    live: view.status !== 'closed',
    period,
    periodEnd: periodBounds(period).to,
    returns: [...indicators, ...priorities],
  };
}

/**
 * The periods whose returns an event may change, as its type's traits say: a figure or progress
 * recorded changes its own period's document alone, a new indicator or a closed plan every period's,
 * and a risk, a budget line or a published version none, so that those write no returns at all.
 */
export function periodsTouchedBy(event: ProjectedEvent, type: PlanEventType, view: PlanView): string[] {
  switch (returnsTouchedBy(type)) {
    case 'none':
      return [];
    case 'own-period': {
      const { period } = event.data;
      return typeof period === 'string' ? [normalisePeriod(period)] : periodsOfPlan(view.periodRange);
    }
    case 'every-period':
      return periodsOfPlan(view.periodRange);
  }
}
