import {
  HART_GOVERNANCE,
  HART_ILLUSTRATIVE_ACTUALS,
  HART_INDICATORS,
  HART_PLAN,
  HART_PRIORITIES,
  HART_QUARTERS,
} from '../../test/fixtures/hart-2023-24';

/** The people the demo acts as; each gets a token for Hart with the one role their work needs. */
export const DEMO_PEOPLE = {
  editor: { role: 'editor', name: 'Priya Shah', sub: 'priya.shah@hart' },
  governance: { role: 'governance', name: 'Tom Hughes', sub: 'tom.hughes@hart' },
  officer: { role: 'officer', name: 'Sam Patel', sub: 'sam.patel@hart' },
  auditor: { role: 'auditor', name: 'Jo Baker', sub: 'jo.baker@hart' },
} as const;

export type DemoPerson = keyof typeof DEMO_PEOPLE;

/** One command of the year, as a request to the API. */
export interface PlanStep {
  as: DemoPerson;
  method: 'POST' | 'PUT';
  path: string;
  body: Record<string, unknown>;
  /** The stage of the year the step belongs to; the demo prints each stage once. */
  stage: string;
}

const DRAFTING = `Draft the plan with its ${HART_PRIORITIES.length} priorities and ${HART_INDICATORS.length} indicators`;

export const RESTATEMENT = {
  code: 'CP7',
  period: '2023/24-Q2',
  value: 57.6,
  commentary: 'Corrected after reconciliation with the revenues contractor',
  reason: 'Q2 figure corrected after the reconciliation with the revenues contractor',
};

/**
 * Where each priority stands at the end of each quarter (ILLUSTRATIVE, like the actuals): most run
 * to plan, priority 15 slips in Q3, and two outsourcing reviews are still going at year end.
 */
function progressFor(ref: string, quarter: number): { percentComplete: number; status: string; commentary?: string } {
  if (ref === '15' && quarter === 3) return { percentComplete: 60, status: 'slipped', commentary: 'Action slipped to Q4' };
  if (ref === '6' && quarter === 2) return { percentComplete: 40, status: 'at-risk', commentary: 'Accessibility audit delayed' };
  if ((ref === '13' || ref === '14') && quarter === 4) return { percentComplete: 80, status: 'on-track' };
  return { percentComplete: quarter * 25, status: quarter === 4 ? 'completed' : 'on-track' };
}

/**
 * The Hart 2023/24 Corporate Services plan's year through the API: drafted with its 19 priorities
 * and 13 indicators, version 1, O&S scrutiny and the target change it led to, version 2, Cabinet
 * approval, then four quarters of actuals and progress, with the Q2 Council Tax figure restated
 * during Q3 monitoring.
 */
export function hartYear(planId: string): PlanStep[] {
  const plan = `/v1/plans/${planId}`;
  const { version1, submission, scrutiny, targetChange, version2, approval } = HART_GOVERNANCE;
  const { code: changedCode, period: changedPeriod, ...change } = targetChange;
  const { title, service, period, owner } = HART_PLAN;

  const steps: PlanStep[] = [
    { as: 'editor', method: 'POST', path: '/v1/plans', body: { planId, title, service, period, owner }, stage: DRAFTING },
    ...HART_PRIORITIES.map(
      (priority): PlanStep => ({
        as: 'editor',
        method: 'POST',
        path: `${plan}/priorities`,
        body: { ...priority },
        stage: DRAFTING,
      }),
    ),
    ...HART_INDICATORS.map(
      (indicator): PlanStep => ({
        as: 'editor',
        method: 'POST',
        path: `${plan}/indicators`,
        body: { ...indicator },
        stage: DRAFTING,
      }),
    ),
    { as: 'editor', method: 'POST', path: `${plan}/versions`, body: version1, stage: 'Publish version 1 for O&S' },
    { as: 'editor', method: 'POST', path: `${plan}/submission`, body: submission, stage: 'Submit it to the O&S Committee' },
    { as: 'governance', method: 'POST', path: `${plan}/scrutiny`, body: scrutiny, stage: 'Record the O&S comments (minute 126)' },
    {
      as: 'editor',
      method: 'PUT',
      path: `${plan}/indicators/${changedCode}/targets/${changedPeriod}`,
      body: change,
      stage: `Raise the ${changedCode} target as O&S asked`,
    },
    { as: 'editor', method: 'POST', path: `${plan}/versions`, body: version2, stage: 'Publish version 2' },
    { as: 'governance', method: 'POST', path: `${plan}/approval`, body: approval, stage: 'Record Cabinet approval' },
  ];

  for (const [index, quarter] of HART_QUARTERS.entries()) {
    for (const [code, figures] of Object.entries(HART_ILLUSTRATIVE_ACTUALS)) {
      const value = figures[quarter];
      if (value === undefined) continue;
      steps.push({
        as: 'officer',
        method: 'POST',
        path: `${plan}/indicators/${code}/actuals`,
        body: { period: quarter, value },
        stage: `${quarter}: actuals and progress`,
      });
    }
    for (const { ref } of HART_PRIORITIES) {
      steps.push({
        as: 'officer',
        method: 'POST',
        path: `${plan}/priorities/${ref}/progress`,
        body: { period: quarter, ...progressFor(ref, index + 1) },
        stage: `${quarter}: actuals and progress`,
      });
    }
    if (index === 2) {
      const { code, ...restatement } = RESTATEMENT;
      steps.push({
        as: 'officer',
        method: 'POST',
        path: `${plan}/indicators/${code}/actuals`,
        body: restatement,
        stage: `Restate ${code} for ${restatement.period}: ${restatement.reason}`,
      });
    }
  }
  for (const [code, figures] of Object.entries(HART_ILLUSTRATIVE_ACTUALS)) {
    const value = figures[HART_PLAN.period];
    if (value === undefined) continue;
    steps.push({
      as: 'officer',
      method: 'POST',
      path: `${plan}/indicators/${code}/actuals`,
      body: { period: HART_PLAN.period, value },
      stage: `${HART_PLAN.period}: annual actuals`,
    });
  }
  return steps;
}
