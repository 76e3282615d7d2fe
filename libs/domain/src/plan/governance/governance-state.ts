/** What the decider knows of a plan's governance: its versions, and how much scrutiny it holds. */
export interface GovernanceSlice {
  /** Records of scrutiny, and the comments in them, so far: kept only to be limited. */
  scrutinyRecordCount: number;
  scrutinyCommentCount: number;
  /** The latest meeting date of scrutiny recorded before approval: a decision approving the plan cannot come before it. */
  lastScrutinyDate: string | null;
  /** Published version labels, oldest first. */
  versionLabels: string[];
  /** Whether a structural event came after the last published version (or, before any, at all). */
  changedSinceLastVersion: boolean;
  /** The plan this one was rolled forward from, when it was. */
  rolledForwardFrom: PlanRolledOver | null;
  /** The plan rolled forward from this one, once there is one. */
  rolledForwardTo: PlanRolledOver | null;
}

/** One end of a roll-forward: the plan at the other end, and its period's label. */
export interface PlanRolledOver {
  planId: string;
  period: string;
}

export const initialGovernanceSlice = (): GovernanceSlice => ({
  scrutinyRecordCount: 0,
  scrutinyCommentCount: 0,
  lastScrutinyDate: null,
  versionLabels: [],
  changedSinceLastVersion: false,
  rolledForwardFrom: null,
  rolledForwardTo: null,
});
