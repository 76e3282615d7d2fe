import type { EventEvolvers } from '../evolution-rules';
import type { GovernanceEvent } from './governance-events';

/** PlanDrafted makes the state rather than changing one: `evolve` folds it before any table. */
export const GOVERNANCE_EVOLVERS: EventEvolvers<Exclude<GovernanceEvent, { type: 'PlanDrafted' }>> = {
  PlanSubmittedForScrutiny: (state) => ({ ...state, lifecycle: 'in-scrutiny' }),
  ScrutinyCommentsRecorded: (state, { data }) => ({
    ...state,
    lifecycle: 'in-scrutiny',
    scrutinyRecordCount: state.scrutinyRecordCount + 1,
    scrutinyCommentCount: state.scrutinyCommentCount + data.comments.length,
    lastScrutinyDate: laterDate(state.lastScrutinyDate, data.meetingDate),
  }),
  ProgressReviewed: (state, { data }) => ({
    ...state,
    scrutinyRecordCount: state.scrutinyRecordCount + 1,
    scrutinyCommentCount: state.scrutinyCommentCount + data.comments.length,
  }),
  VersionPublished: (state, { data }) => ({
    ...state,
    versionLabels: [...state.versionLabels, data.label],
    changedSinceLastVersion: false,
  }),
  PlanApproved: (state) => ({ ...state, lifecycle: 'approved' }),
  PlanReopenedForRevision: (state) => ({ ...state, lifecycle: 'draft' }),
  PlanClosed: (state) => ({ ...state, lifecycle: 'closed' }),
  PlanRolledForwardFrom: (state, { data }) => ({ ...state, rolledForwardFrom: { planId: data.fromPlanId, period: data.fromPeriod } }),
  PlanRolledForward: (state, { data }) => ({ ...state, rolledForwardTo: { planId: data.toPlanId, period: data.toPeriod } }),
};

/** ISO dates compare as text. */
const laterDate = (held: string | null, date: string): string => (held !== null && held > date ? held : date);
