import { DomainError } from '../../domain-error';
import { isoDateOf } from '../../periods/calendar';
import { requireHeldDate, requirePastDate } from '../../periods/financial-periods';
import { parsePlanPeriod } from '../../periods/plan-periods';
import type { CommandDeciders, DecisionContext, OpenPlan } from '../decision-rules';
import { isApproved, requireReason } from '../decision-rules';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import type { PlanEvent } from '../plan-events';
import type { PlanState } from '../plan-state';
import { lastVersionLabel } from '../plan-state';
import type {
  ApproveByDecision,
  ApprovePlan,
  ClosePlan,
  ConsiderAtMeeting,
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
  ConsiderAtMeeting: considerAtMeeting,
  PublishVersion: publishVersion,
  ApprovePlan: approvePlan,
  ApproveByDecision: approveByDecision,
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
  return [{ type: 'ScrutinyCommentsRecorded', data: { ...heldScrutiny(command.data, plan), meetingId: null } }];
}

/**
 * A meeting's record for one of the plans it considered: before approval it is the plan's scrutiny; an
 * approved plan's progress is reviewed (an O&S service panel, quarterly) without reopening it.
 */
function considerAtMeeting(command: ConsiderAtMeeting, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const { meetingId } = command.data;
  const held = { ...heldScrutiny(command.data, plan), meetingDate: requirePastDate(command.data.meetingDate, 'meeting date', context.now) };
  if (isApproved(plan)) return [{ type: 'ProgressReviewed', data: { ...held, meetingId } }];
  return [{ type: 'ScrutinyCommentsRecorded', data: { ...held, meetingId } }];
}

function heldScrutiny(
  { committee, meetingDate, minuteRef, comments }: RecordScrutiny['data'],
  plan: OpenPlan,
): { planId: string; committee: string; meetingDate: string; minuteRef: string | null; comments: string[] } {
  requireWithinLimit(PLAN_LIMITS.commentsPerScrutiny, comments.length, 'this record');
  requireWithinLimit(PLAN_LIMITS.scrutinyRecordsPerPlan, plan.scrutinyRecordCount + 1, 'this plan');
  requireWithinLimit(PLAN_LIMITS.commentsPerPlan, plan.scrutinyCommentCount + comments.length, 'this plan');
  return {
    planId: plan.planId,
    committee,
    meetingDate: requireHeldDate(meetingDate, 'meeting date'),
    minuteRef: minuteRef?.trim() || null,
    comments,
  };
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

/**
 * A decision approves what the plan says, so it names a version that says it all: the latest
 * published, with nothing changed since. It follows the plan's scrutiny, so it cannot come before it.
 */
function approveByDecision(command: ApproveByDecision, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  if (isApproved(plan)) throw DomainError.ruleBroken('The plan is already approved.');
  const { body, decisionRef } = command.data;
  const meetingDate = requirePastDate(command.data.meetingDate, 'decision date', context.now);
  const versionLabel = versionToApprove(plan, command.data.versionLabel?.trim() || null);
  if (plan.lastScrutinyDate !== null && meetingDate < plan.lastScrutinyDate) {
    throw DomainError.ruleBroken(
      `The decision of ${meetingDate} would come before the plan's scrutiny of ${plan.lastScrutinyDate}: a decision follows the scrutiny it considers.`,
    );
  }
  return [{ type: 'PlanApproved', data: { planId: plan.planId, body, meetingDate, decisionRef: decisionRef.trim(), versionLabel } }];
}

function versionToApprove(plan: OpenPlan, named: string | null): string {
  const latest = lastVersionLabel(plan);
  if (latest === null) throw DomainError.ruleBroken('No version of the plan has been published: publish the version to be approved first.');
  if (named !== null && named !== latest) {
    throw DomainError.ruleBroken(
      plan.versionLabels.includes(named)
        ? `Version ${named} is not the plan's latest: version ${latest} was published after it.`
        : `Version ${named} has not been published; the latest version is ${latest}.`,
    );
  }
  if (plan.changedSinceLastVersion) {
    throw DomainError.ruleBroken(`The plan has changed since version ${latest} was published: publish the version to be approved first.`);
  }
  return latest;
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
