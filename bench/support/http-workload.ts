import type { BenchSize } from '../report';
import type { StoredPlanRows } from './event-loader';
import type { LoadLength } from './load';
import { approvedSeedPlan, PlanTemplate, PRIORITY_REFS } from './synthetic-plans';

/** The HTTP benchmarks' shared workload: 100 approved seed-shaped plans and 32 connections. */
export const PLAN_COUNT = 100;
export const CONNECTIONS = 32;

export const planIdOf = (index: number): string => `bench-plan-${String(index).padStart(4, '0')}`;

export function* approvedPlans(count = PLAN_COUNT): Generator<StoredPlanRows> {
  const template = new PlanTemplate(approvedSeedPlan);
  for (let index = 0; index < count; index++) yield { planId: planIdOf(index), events: template.forPlan(planIdOf(index)) };
}

/** Request n touches plan n mod 100, and walks through its priorities as n grows. */
export const progressPath = (n: number): string =>
  `/v1/plans/${planIdOf(n % PLAN_COUNT)}/priorities/${PRIORITY_REFS[Math.floor(n / PLAN_COUNT) % PRIORITY_REFS.length]}/progress`;

export const progressBody = (n: number) => ({
  period: '2023/24-Q2',
  percentComplete: n % 100,
  status: 'on-track',
  commentary: 'On course for the quarter',
});

/** The progress-command load: 32 connections, each request a progress update of one of the plans. */
export const progressCommands = (headers: Record<string, string>) => ({
  method: 'POST' as const,
  connections: CONNECTIONS,
  headers,
  pathFor: progressPath,
  bodyFor: progressBody,
});

export const planPath = (n: number): string => `/v1/plans/${planIdOf(n % PLAN_COUNT)}`;
export const barePath = (n: number): string => `/bare/${planIdOf(n % PLAN_COUNT)}`;

/**
 * A warm-up (not counted) so the JIT and caches settle, then the measured run. At smoke size the
 * measured run is a number of requests rather than seconds, so that a busy machine makes it slower,
 * never empty.
 */
export function loadDurations(size: BenchSize): LoadLength {
  return size === 'full' ? { warmUpSeconds: 2, seconds: 8 } : SMOKE_LOAD;
}

export const SMOKE_LOAD: LoadLength = { warmUpSeconds: 0, requests: 2 * CONNECTIONS };
