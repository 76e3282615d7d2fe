import { DomainError } from '../../domain-error';
import { isoDateOf } from '../../periods/calendar';
import { requireHeldDate } from '../../periods/financial-periods';
import { parsePlanPeriod } from '../../periods/plan-periods';
import type { CommandDeciders, DecisionContext, OpenPlan } from '../decision-rules';
import { isApproved, requireReason } from '../decision-rules';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import type { PlanEvent } from '../plan-events';
import type { PlanState } from '../plan-state';
import { lastVersionLabel } from '../plan-state';
import type {
  ApprovePlan,
  ClosePlan,
  DraftPlan,
  GovernanceCommand,
  PublishVersion,
  RecordScrutiny,
  ReopenPlan,
  SubmitForScrutiny,
} from './governance-commands';

/** The plan's lifecycle: scrutiny, versions, approval, reopening and closing. */
export const GOVERNANCE_DECIDERS: CommandDeciders<GovernanceCommand> = {
  SubmitForScrutiny: submitForScrutiny,
  RecordScrutiny: recordScrutiny,
  PublishVersion: publishVersion,
  ApprovePlan: approvePlan,
  ReopenPlan: reopenPlan,
  ClosePlan: closePlan,
};

export function draftPlan(command: DraftPlan, state: PlanState): PlanEvent[] {
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
