import { v5 as uuidv5 } from 'uuid';

/** Namespace of every id this service derives from a client's Idempotency-Key. */
const IDEMPOTENT_ID_NAMESPACE = '4f0a3c52-7d0e-4b7a-9a57-2f3d8e6c1b90';

/** The plan a keyed draft creates: the same council and key always name the same plan. */
export function draftPlanIdFor(council: string, idempotencyKey: string): string {
  return uuidv5(JSON.stringify(['plan', council, idempotencyKey]), IDEMPOTENT_ID_NAMESPACE);
}

/** The id of the index-th event a keyed command writes, so a retried append is a no-op in the store too. */
export function keyedEventId(planId: string, idempotencyKey: string, index: number): string {
  return uuidv5(JSON.stringify(['event', planId, idempotencyKey, index]), IDEMPOTENT_ID_NAMESPACE);
}

/**
 * Next year's plan rolled forward from a plan: the same plan and period always name the same plan, so
 * that a roll-forward asked again finds the plan it drafted instead of drafting another.
 */
export function rolledForwardPlanId(fromPlanId: string, period: string): string {
  return uuidv5(JSON.stringify(['rolled-forward', fromPlanId, period]), IDEMPOTENT_ID_NAMESPACE);
}
