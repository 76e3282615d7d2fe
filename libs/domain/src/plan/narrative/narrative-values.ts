/**
 * A plan's prose: its narrative sections (overview, key aims, structure, monitoring arrangements,
 * partnerships, ...) and the service's contributions to the corporate plan's themes.
 */

/** A section of prose, its text in Markdown exactly as written. */
export interface NarrativeSection {
  /** "overview", "key-aims": any reference, since every council heads its plan's prose its own way. */
  key: string;
  title: string;
  text: string;
  /** Where the section comes in the plan; sections without one follow those with one. */
  order: number | null;
}

/**
 * What the service contributes to one theme of the corporate plan. The corporate plan is not held
 * here yet, so the theme is named by the plan's own identifier and its objectives are kept as the
 * plan words them.
 */
export interface ThemeContribution {
  themeId: string;
  /** The theme as the plan prints it ("High Performing, Financially Independent Council"). */
  themeTitle: string | null;
  objectiveRefs: string[];
  contribution: string | null;
}

/**
 * How long a section's text may be: far beyond a plan's longest prose (Hart's service overview is
 * 23 lines), and few enough lines that the history can count the lines a revision changes.
 */
export const SECTION_TEXT_LIMITS = { characters: 20_000, lines: 1_000 } as const;

/** A section's place in the plan: a whole number, so that no two sections fall between each other by rounding. */
export const SECTION_ORDER_RANGE = { min: 0, max: 999 } as const;
