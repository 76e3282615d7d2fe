import { DomainError, type DomainErrorKind } from '../../domain-error';
import { decide } from '../decide';
import { evolve } from '../evolve';
import type { PlanCommand } from '../plan-commands';
import type { PlanEvent } from '../plan-events';
import { initialPlanState } from '../plan-state';
import { DEFAULT_RISK_MATRIX } from '../risks/risk-matrix';
import type { RiskMatrix } from '../risks/risk-values';
import { decideCorporatePlan, evolveCorporatePlans, initialCorporatePlans, type CorporatePlansState } from '../../corporate-plan/corporate-plan';
import { HART_CORPORATE_PLAN } from '../../corporate-plan/testing/hart-corporate-plan.seed';

/** Hart's corporate plan 2023-2027, against which the specs' theme links are checked unless a spec says otherwise. */
export const HART_CORPORATE_PLANS: CorporatePlansState = decideCorporatePlan(
  { type: 'RecordCorporatePlan', data: HART_CORPORATE_PLAN },
  initialCorporatePlans,
  'hart',
).reduce(evolveCorporatePlans, initialCorporatePlans);

/** The clock every decision in the specs reads, unless a spec says otherwise. */
const SPEC_NOW = new Date('2023-07-15T10:00:00Z');

/** The user every decision in the specs is made for, unless a spec names another with `by`. */
export const SPEC_ACTOR = 'u-officer';

/**
 * given(past events).when(command).then(new events) — or .thenRefused(kind, message);
 * given(past events).by(user).when(command) for a decision made for someone else.
 */
export function given(...history: PlanEvent[][]) {
  const state = history.flat().reduce(evolve, initialPlanState);
  const decidedFor = (actor: string) => ({
    /** Decided at `now` with `riskMatrix` in force (Three Rivers' printed matrix) and `corporatePlans` (Hart's) unless a spec says otherwise. */
    when(command: PlanCommand, now: Date = SPEC_NOW, riskMatrix: RiskMatrix = DEFAULT_RISK_MATRIX, corporatePlans: CorporatePlansState = HART_CORPORATE_PLANS) {
      const decision = () => decide(command, state, { now, actor, riskMatrix, corporatePlans });
      return {
        then(expected: PlanEvent[]): void {
          expect(decision()).toEqual(expected);
        },
        thenRefused(kind: DomainErrorKind, message: RegExp): void {
          expectRefused(decision, kind, message);
        },
      };
    },
  });
  return { ...decidedFor(SPEC_ACTOR), by: decidedFor };
}

/** The refusal a decision throws; fails the spec when it decides instead. */
export function refusalOf(decision: () => unknown): DomainError {
  try {
    decision();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('The decision was not refused');
}

/** The decision is refused, as `kind`, in words matching `message`. */
export function expectRefused(decision: () => unknown, kind: DomainErrorKind, message: RegExp): void {
  const refusal = refusalOf(decision);
  expect(refusal.kind).toBe(kind);
  expect(refusal.message).toMatch(message);
}

/** The history after `commands`, each decided on the plan as the ones before it left it: to reach a total the way users would. */
export function afterCommands(
  history: PlanEvent[],
  commands: PlanCommand[],
  now: Date = SPEC_NOW,
  actor: string = SPEC_ACTOR,
): PlanEvent[] {
  const events = [...history];
  let state = events.reduce(evolve, initialPlanState);
  for (const command of commands) {
    const decided = decide(command, state, { now, actor, riskMatrix: DEFAULT_RISK_MATRIX, corporatePlans: HART_CORPORATE_PLANS });
    events.push(...decided);
    state = decided.reduce(evolve, state);
  }
  return events;
}
