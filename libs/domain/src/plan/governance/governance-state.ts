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
}

export const initialGovernanceSlice = (): GovernanceSlice => ({
  scrutinyRecordCount: 0,
  scrutinyCommentCount: 0,
  lastScrutinyDate: null,
  versionLabels: [],
  changedSinceLastVersion: false,
});
