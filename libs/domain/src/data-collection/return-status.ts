import type { VerificationState } from '../plan/indicators/indicator-state';

/**
 * Where a return stands: `due` (nothing recorded, its deadline not passed), `overdue` (nothing
 * recorded and the deadline passed), `submitted` (recorded, not yet verified) or `verified`. A figure
 * rejected by its checker is owed again, due or overdue by the same deadline, as if never sent: the
 * officer must restate it, and the performance team chases it as any other missing return.
 */
export const RETURN_STATUSES = ['due', 'overdue', 'submitted', 'verified'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/**
 * `submission` is what was recorded for the period, null when nothing was: a figure with its
 * verification, or progress (`verification` null), which nobody verifies. `today` and `deadline` are
 * ISO dates; a return submitted on its deadline day is on time.
 */
export function returnStatus(submission: { verification: VerificationState | null } | null, deadline: string, today: string): ReturnStatus {
  if (submission !== null && submission.verification === 'verified') return 'verified';
  if (submission !== null && submission.verification !== 'rejected') return 'submitted';
  return today > deadline ? 'overdue' : 'due';
}
