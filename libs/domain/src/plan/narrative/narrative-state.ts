import type { NarrativeSection, ThemeContribution } from './narrative-values';

/** What the decider knows of a plan's prose. */
export interface NarrativeSlice {
  /** Sections in the plan, by key. */
  sections: Record<string, NarrativeSection>;
  /** Contributions to corporate themes, by theme id. */
  contributions: Record<string, ThemeContribution>;
}

export const initialNarrativeSlice = (): NarrativeSlice => ({ sections: {}, contributions: {} });
