import { councilFactsNeededBy, decide } from '../decide';
import { evolve } from '../evolve';
import type { PlanCommand } from '../plan-commands';
import type { PlanEvent } from '../plan-events';
import { initialPlanState } from '../plan-state';
import { PLAN_LIMITS } from '../plan-limits';
import { given, SPEC_ACTOR } from '../testing/given-when-then';
import { approvedPlan, closedPlan, draftPlan, HART_PLAN_ID } from '../testing/plan-fixtures';
import { fraudAdded, insufficientStaffAdded, THREE_RIVERS_PLAN_ID, threeRiversDrafted } from '../testing/three-rivers-risks';
import { DEFAULT_RISK_MATRIX } from './risk-matrix';
import type { RiskMatrix } from './risk-values';

const planId = THREE_RIVERS_PLAN_ID;
const register: PlanEvent[] = [threeRiversDrafted, insufficientStaffAdded, fraudAdded];
const now = new Date('2020-07-15T10:00:00Z');

/** A stricter matrix than Three Rivers': every score of 4 or more is at least medium. */
const stricterMatrix: RiskMatrix = {
  cells: DEFAULT_RISK_MATRIX.cells.map((cell) =>
    cell.band === 'low' && cell.likelihood * cell.impact >= 4 ? { ...cell, band: 'medium' } : cell,
  ),
};

describe('adding a risk', () => {
  it('scores it and bands it with the matrix in force, Three Rivers\' printed one by default', () => {
    given([threeRiversDrafted])
      .when(
        {
          type: 'AddRisk',
          data: { ref: 'R1', title: 'Insufficient staff', inherent: { likelihood: 3, impact: 3 }, residual: { likelihood: 2, impact: 2 } },
        },
        now,
      )
      .then([insufficientStaffAdded]);
  });

  it('bands it with the council\'s own matrix when it set one', () => {
    given([threeRiversDrafted])
      .when({ type: 'AddRisk', data: { ref: 'R1', title: 'Insufficient staff', residual: { likelihood: 2, impact: 2 } } }, now, stricterMatrix)
      .then([
        {
          type: 'RiskAdded',
          data: { ...insufficientStaffAdded.data, inherent: null, residual: { likelihood: 2, impact: 2, score: 4, band: 'medium' } },
        },
      ]);
  });

  it('keeps the owner, controls and review date given, trimmed', () => {
    given([threeRiversDrafted])
      .when(
        {
          type: 'AddRisk',
          data: {
            ref: 'R9',
            title: 'Loss of key staff',
            owner: ' Head of Corporate Services ',
            residual: { likelihood: 2, impact: 2 },
            controls: 'Succession planning; documented procedures',
            reviewDate: '2020-09-30',
          },
        },
        now,
      )
      .then([
        {
          type: 'RiskAdded',
          data: {
            planId,
            ref: 'R9',
            title: 'Loss of key staff',
            owner: 'Head of Corporate Services',
            inherent: null,
            residual: { likelihood: 2, impact: 2, score: 4, band: 'low' },
            controls: 'Succession planning; documented procedures',
            reviewDate: '2020-09-30',
          },
        },
      ]);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when({ type: 'AddRisk', data: { ref: 'R1', title: 'Insufficient staff', residual: { likelihood: 4, impact: 4 } } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId: HART_PLAN_ID, reason: 'Risk R1 added' } },
        {
          type: 'RiskAdded',
          data: {
            planId: HART_PLAN_ID,
            ref: 'R1',
            title: 'Insufficient staff',
            owner: null,
            inherent: null,
            residual: { likelihood: 4, impact: 4, score: 16, band: 'very-high' },
            controls: null,
            reviewDate: null,
          },
        },
      ]);
  });

  it('refuses a reference already in the register', () => {
    given(register)
      .when({ type: 'AddRisk', data: { ref: 'R1', title: 'Another', residual: { likelihood: 1, impact: 1 } } }, now)
      .thenRefused('rule-broken', /^Risk 'R1' is already in this plan: choose another reference, or revise it\.$/);
  });

  it.each([
    [{ likelihood: 5, impact: 2 }, /^Likelihood and impact are scored 1 to 4: the likelihood of risk R2's residual score is 5\.$/],
    [{ likelihood: 2, impact: 0 }, /^Likelihood and impact are scored 1 to 4: the impact of risk R2's residual score is 0\.$/],
    [{ likelihood: 2.5, impact: 2 }, /the likelihood of risk R2's residual score is 2\.5\.$/],
  ])('refuses a score off the scale (%j)', (residual, message) => {
    given(register)
      .when({ type: 'AddRisk', data: { ref: 'R2', title: 'Total failure of ICT systems', residual } }, now)
      .thenRefused('rule-broken', message);
  });

  it('refuses an inherent score off the scale too', () => {
    given(register)
      .when(
        { type: 'AddRisk', data: { ref: 'R2', title: 'ICT', inherent: { likelihood: 1, impact: 9 }, residual: { likelihood: 1, impact: 1 } } },
        now,
      )
      .thenRefused('rule-broken', /the impact of risk R2's inherent score is 9\.$/);
  });

  it('refuses a review date that is not a real day', () => {
    given(register)
      .when({ type: 'AddRisk', data: { ref: 'R2', title: 'ICT', residual: { likelihood: 1, impact: 1 }, reviewDate: '2020-02-30' } }, now)
      .thenRefused('rule-broken', /review date/);
  });

  it('refuses a risk beyond the plan\'s limit', () => {
    const full: PlanEvent[] = Array.from({ length: PLAN_LIMITS.risksPerPlan.limit }, (_, index) => ({
      type: 'RiskAdded',
      data: { ...fraudAdded.data, ref: `X${index}` },
    }));
    given([threeRiversDrafted], full)
      .when({ type: 'AddRisk', data: { ref: 'R1', title: 'One more', residual: { likelihood: 1, impact: 1 } } }, now)
      .thenRefused('rule-broken', /^A plan may have at most 200 risks: this plan would have 201\.$/);
  });

  it('refuses any change to a closed plan', () => {
    given(closedPlan)
      .when({ type: 'AddRisk', data: { ref: 'R1', title: 'Late', residual: { likelihood: 1, impact: 1 } } })
      .thenRefused('rule-broken', /is closed/);
  });
});

describe('revising a risk', () => {
  it('records the fields that change with their old values, re-scored', () => {
    given(register)
      .when({ type: 'ReviseRisk', data: { ref: 'R4', residual: { likelihood: 3, impact: 2 }, owner: 'Audit Manager', reason: 'New fraud alerts' } }, now)
      .then([
        {
          type: 'RiskRevised',
          data: {
            planId,
            ref: 'R4',
            changes: { owner: 'Audit Manager', residual: { likelihood: 3, impact: 2, score: 6, band: 'medium' } },
            previous: { owner: null, residual: { likelihood: 1, impact: 2, score: 2, band: 'low' } },
            reason: 'New fraud alerts',
          },
        },
      ]);
  });

  it('re-bands a risk whose scores stay when the matrix in force bands them otherwise', () => {
    given(register)
      .when({ type: 'ReviseRisk', data: { ref: 'R1', residual: { likelihood: 2, impact: 2 }, reason: 'Banded with the new matrix' } }, now, stricterMatrix)
      .then([
        {
          type: 'RiskRevised',
          data: {
            planId,
            ref: 'R1',
            changes: { residual: { likelihood: 2, impact: 2, score: 4, band: 'medium' } },
            previous: { residual: { likelihood: 2, impact: 2, score: 4, band: 'low' } },
            reason: 'Banded with the new matrix',
          },
        },
      ]);
  });

  it('clears the inherent score with null', () => {
    given(register)
      .when({ type: 'ReviseRisk', data: { ref: 'R1', inherent: null, reason: 'Not assessed' } }, now)
      .then([
        {
          type: 'RiskRevised',
          data: { planId, ref: 'R1', changes: { inherent: null }, previous: { inherent: insufficientStaffAdded.data.inherent }, reason: 'Not assessed' },
        },
      ]);
  });

  it('refuses a revision that changes nothing', () => {
    given(register)
      .when({ type: 'ReviseRisk', data: { ref: 'R1', title: 'Insufficient staff', residual: { likelihood: 2, impact: 2 }, reason: 'Check' } }, now)
      .thenRefused('rule-broken', /^Nothing would change: risk R1 already says that\.$/);
  });

  it('needs a reason', () => {
    given(register)
      .when({ type: 'ReviseRisk', data: { ref: 'R1', title: 'Too few staff', reason: '  ' } }, now)
      .thenRefused('rule-broken', /^Give a reason for revising risk R1\.$/);
  });

  it('refuses a risk not in the register', () => {
    given(register)
      .when({ type: 'ReviseRisk', data: { ref: 'R7', title: 'x', reason: 'y' } }, now)
      .thenRefused('not-found', /^Risk 'R7' is not in this plan\.$/);
  });
});

describe('removing a risk', () => {
  it('records its title and the reason', () => {
    given(register)
      .when({ type: 'RemoveRisk', data: { ref: 'R4', reason: 'Merged into the corporate register' } }, now)
      .then([{ type: 'RiskRemoved', data: { planId, ref: 'R4', title: 'Fraudulent activity', reason: 'Merged into the corporate register' } }]);
  });

  it('needs a reason, and a risk in the register', () => {
    given(register).when({ type: 'RemoveRisk', data: { ref: 'R4', reason: '' } }, now).thenRefused('rule-broken', /^Give a reason for removing risk R4\.$/);
    given(register, [{ type: 'RiskRemoved', data: { planId, ref: 'R4', title: 'Fraudulent activity', reason: 'Gone' } }])
      .when({ type: 'RemoveRisk', data: { ref: 'R4', reason: 'Again' } }, now)
      .thenRefused('not-found', /^Risk 'R4' is not in this plan\.$/);
  });
});

describe('reviewing a risk', () => {
  const q1Review: PlanEvent = {
    type: 'RiskReviewed',
    data: { planId, ref: 'R1', period: '2020/21-Q1', residual: { likelihood: 3, impact: 2, score: 6, band: 'medium' }, commentary: 'Two vacancies' },
  };

  it('re-scores it for a period of the plan', () => {
    given(register)
      .when({ type: 'ReviewRisk', data: { ref: 'R1', period: '2020-21-Q1', residual: { likelihood: 3, impact: 2 }, commentary: ' Two vacancies ' } }, now)
      .then([q1Review]);
  });

  it('does not reopen an approved plan: a review is monitoring data', () => {
    given(approvedPlan, [{ type: 'RiskAdded', data: { ...fraudAdded.data, planId: HART_PLAN_ID } }])
      .when({ type: 'ReviewRisk', data: { ref: 'R4', period: '2023/24-Q1', residual: { likelihood: 1, impact: 2 } } })
      .then([
        {
          type: 'RiskReviewed',
          data: { planId: HART_PLAN_ID, ref: 'R4', period: '2023/24-Q1', residual: fraudAdded.data.residual, commentary: null },
        },
      ]);
  });

  it('takes a second review of the same period that says something else', () => {
    given(register, [q1Review])
      .when({ type: 'ReviewRisk', data: { ref: 'R1', period: '2020/21-Q1', residual: { likelihood: 2, impact: 2 }, commentary: 'Vacancies filled' } }, now)
      .then([
        {
          type: 'RiskReviewed',
          data: { planId, ref: 'R1', period: '2020/21-Q1', residual: { likelihood: 2, impact: 2, score: 4, band: 'low' }, commentary: 'Vacancies filled' },
        },
      ]);
  });

  it('refuses a review that repeats the one recorded for the period', () => {
    given(register, [q1Review])
      .when({ type: 'ReviewRisk', data: { ref: 'R1', period: '2020/21-Q1', residual: { likelihood: 3, impact: 2 }, commentary: 'Two vacancies' } }, now)
      .thenRefused('rule-broken', /^Nothing would change: the 2020\/21-Q1 review of risk R1 already says that\.$/);
  });

  it('refuses a period outside the plan, a score off the scale and a risk not in the register', () => {
    given(register)
      .when({ type: 'ReviewRisk', data: { ref: 'R1', period: '2023/24-Q1', residual: { likelihood: 2, impact: 2 } } }, now)
      .thenRefused('rule-broken', /^2023\/24-Q1 is outside this plan's period/);
    given(register)
      .when({ type: 'ReviewRisk', data: { ref: 'R1', period: '2020/21-Q1', residual: { likelihood: 2, impact: 5 } } }, now)
      .thenRefused('rule-broken', /the impact of risk R1's residual score is 5\.$/);
    given(draftPlan)
      .when({ type: 'ReviewRisk', data: { ref: 'R1', period: '2023/24-Q1', residual: { likelihood: 2, impact: 2 } } })
      .thenRefused('not-found', /^Risk 'R1' is not in this plan\.$/);
  });
});

describe('which decisions read the council\'s matrix', () => {
  const state = register.reduce(evolve, initialPlanState);
  const scored: PlanCommand[] = [
    { type: 'AddRisk', data: { ref: 'R9', title: 'Loss of key staff', residual: { likelihood: 2, impact: 2 } } },
    { type: 'ReviseRisk', data: { ref: 'R1', residual: { likelihood: 3, impact: 2 }, reason: 'Two vacancies' } },
    { type: 'ReviewRisk', data: { ref: 'R1', period: '2020/21-Q1', residual: { likelihood: 3, impact: 2 } } },
  ];

  it.each(scored.map((command) => [command.type, command]))('%s is declared as needing it, and is not decided without it', (_type, command) => {
    expect(councilFactsNeededBy(command)).toEqual({ riskMatrix: true, corporatePlans: false });
    expect(() => decide(command, state, { now, actor: SPEC_ACTOR, riskMatrix: null, corporatePlans: null })).toThrow(/is decided with the council's risk matrix, and none was given/);
  });

  it('the others are decided without it, so the command side reads no settings for them', () => {
    const unscored: PlanCommand[] = [
      { type: 'RemoveRisk', data: { ref: 'R4', reason: 'Merged into the corporate register' } },
      { type: 'AddPriority', data: { ref: '1', title: 'Website Development', themes: [], outcomes: [] } },
    ];
    for (const command of unscored) {
      expect(councilFactsNeededBy(command).riskMatrix).toBe(false);
      expect(decide(command, state, { now, actor: SPEC_ACTOR, riskMatrix: null, corporatePlans: null })).toEqual(
        decide(command, state, { now, actor: SPEC_ACTOR, riskMatrix: DEFAULT_RISK_MATRIX, corporatePlans: null }),
      );
    }
  });
});
