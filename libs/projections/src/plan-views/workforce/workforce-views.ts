import type { KeyPost, Skill, WorkforceTotals, WorkforceUnit } from '@app/domain';

/** The latest workforce position, with its totals computed from its units. */
export type WorkforceView = {
  asAt: string;
  units: WorkforceUnit[];
  totals: WorkforceTotals;
};

/**
 * The plan view's workforce: the latest position only, as the plan prints one table (earlier ones
 * stay in the history and at `asOf`), its single points of failure and its skills, in ref order.
 */
export type WorkforcePart = {
  workforce: WorkforceView | null;
  keyPosts: KeyPost[];
  skills: Skill[];
};

export const emptyWorkforcePart = (): WorkforcePart => ({ workforce: null, keyPosts: [], skills: [] });
