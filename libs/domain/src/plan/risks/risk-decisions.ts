import { DomainError } from '../../domain-error';
import { requireHeldDate } from '../../periods/financial-periods';
import type { CommandDeciders, DecisionContext, OpenPlan } from '../decision-rules';
import { monitoredPeriod, requireReason, requireRiskMatrix, sameValue, structuralChange } from '../decision-rules';
import { requireItem, requireNewKey, revisedFields } from '../keyed-items';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import type { PlanEvent } from '../plan-events';
import { entryOf } from '../plan-state';
import type { AddRisk, RemoveRisk, ReviewRisk, ReviseRisk, RiskCommand } from './risk-commands';
import type { RiskFields } from './risk-events';
import { assessScore } from './risk-matrix';
import type { AssessedScore, RiskScore } from './risk-values';

const RISK = 'Risk';

/** The risk register: risks scored with the council's matrix in force, and the reviews that re-score them. */
export const RISK_DECIDERS: CommandDeciders<RiskCommand> = {
  AddRisk: addRisk,
  ReviseRisk: reviseRisk,
  RemoveRisk: removeRisk,
  ReviewRisk: reviewRisk,
};

/** The risk commands that score a risk, and so are decided with the council's matrix in force. */
export const RISK_COMMANDS_SCORED_WITH_THE_MATRIX: ReadonlySet<RiskCommand['type']> = new Set(['AddRisk', 'ReviseRisk', 'ReviewRisk']);

function addRisk(command: AddRisk, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const { ref, title } = command.data;
  requireNewKey(plan.risks, ref, RISK);
  requireWithinLimit(PLAN_LIMITS.risksPerPlan, Object.keys(plan.risks).length + 1, 'this plan');
  const inherent = command.data.inherent ? assessed(context, command.data.inherent, ref, 'inherent') : null;
  const residual = assessed(context, command.data.residual, ref, 'residual');
  return structuralChange(plan, `Risk ${ref} added`, [
    {
      type: 'RiskAdded',
      data: {
        planId: plan.planId,
        ref,
        title,
        owner: command.data.owner?.trim() || null,
        inherent,
        residual,
        controls: command.data.controls?.trim() || null,
        reviewDate: reviewDateOf(command.data.reviewDate),
      },
    },
  ]);
}

const assessed = (context: DecisionContext, score: RiskScore, ref: string, which: 'inherent' | 'residual'): AssessedScore => {
  const doing = `risk ${ref}'s ${which} score`;
  return assessScore(requireRiskMatrix(context, `Scoring ${doing}`), score, doing);
};

function reviewDateOf(written: string | null | undefined): string | null {
  const trimmed = written?.trim();
  return trimmed ? requireHeldDate(trimmed, 'review date') : null;
}

/** Text to set, or null to clear: blank clears, as an absent optional field would have been. */
const clearable = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value?.trim() || null;

function reviseRisk(command: ReviseRisk, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const { ref, inherent, residual, reviewDate } = command.data;
  const risk = requireItem(plan.risks, ref, RISK);
  const reason = requireReason(command.data.reason, `revising risk ${ref}`);
  // Scores given again are banded with the matrix in force now, so a revision may re-band a risk whose scores stay.
  const { changes, previous } = revisedFields<RiskFields>(
    risk,
    {
      title: command.data.title,
      owner: clearable(command.data.owner),
      inherent: inherent === undefined ? undefined : inherent && assessed(context, inherent, ref, 'inherent'),
      residual: residual === undefined ? undefined : assessed(context, residual, ref, 'residual'),
      controls: clearable(command.data.controls),
      reviewDate: reviewDate === undefined ? undefined : reviewDateOf(reviewDate),
    },
    RISK,
    ref,
  );
  return structuralChange(plan, reason, [{ type: 'RiskRevised', data: { planId: plan.planId, ref, changes, previous, reason } }]);
}

function removeRisk(command: RemoveRisk, plan: OpenPlan): PlanEvent[] {
  const { ref } = command.data;
  const risk = requireItem(plan.risks, ref, RISK);
  const reason = requireReason(command.data.reason, `removing risk ${ref}`);
  return structuralChange(plan, reason, [{ type: 'RiskRemoved', data: { planId: plan.planId, ref, title: risk.title, reason } }]);
}

function reviewRisk(command: ReviewRisk, plan: OpenPlan, context: DecisionContext): PlanEvent[] {
  const { ref } = command.data;
  const risk = requireItem(plan.risks, ref, RISK);
  const period = monitoredPeriod(plan, command.data.period);
  const residual = assessed(context, command.data.residual, ref, 'residual');
  const commentary = command.data.commentary?.trim() || null;
  const earlier = entryOf(risk.reviews, period);
  if (earlier && sameValue(earlier, { residual, commentary })) {
    throw DomainError.ruleBroken(`Nothing would change: the ${period} review of risk ${ref} already says that.`);
  }
  return [{ type: 'RiskReviewed', data: { planId: plan.planId, ref, period, residual, commentary } }];
}
