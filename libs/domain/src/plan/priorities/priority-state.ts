import type { Ownership } from '../ownership';
import type { Outcome, PriorityKind } from './priority-values';

export interface PriorityState extends Ownership {
  ref: string;
  title: string;
  themes: string[];
  themeIds: string[];
  objective: string | null;
  kind: PriorityKind;
  sponsor: string | null;
  manager: string | null;
  outcomes: Outcome[];
  /** Highest number ever used as an outcome ref, so a new unnumbered outcome never takes a removed one's. */
  highestOutcomeNumber: number;
}

/** What the decider knows of a plan's priorities. */
export interface PrioritiesSlice {
  /** Priorities in force, by ref. */
  priorities: Record<string, PriorityState>;
  /** Refs of withdrawn priorities: they may not be used again. */
  withdrawnPriorityRefs: string[];
}

export const initialPrioritiesSlice = (): PrioritiesSlice => ({ priorities: {}, withdrawnPriorityRefs: [] });
