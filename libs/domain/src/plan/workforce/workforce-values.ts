/**
 * The service's people as its plan prints them: its headcount per unit at a date, the posts that
 * are single points of failure, and the skills and qualifications its posts need.
 */

/** A single point of failure: a post the service depends on, and what would happen without it. */
export interface KeyPostFields {
  jobTitle: string;
  /** Succession planning for the post. */
  succession: string | null;
  /** Risks and skills required. */
  skills: string | null;
  /** Knowledge and networks. */
  networks: string | null;
  /** Impact on the service. */
  impact: string | null;
  /** Future options for providing the service. */
  options: string | null;
}

export type KeyPost = { ref: string } & KeyPostFields;

export interface SkillFields {
  jobTitle: string;
  qualification: string | null;
  /** Whether continuing professional development is required; null when the plan does not say. */
  cpdRequired: boolean | null;
}

export type Skill = { ref: string } & SkillFields;

export interface WorkforceUnit {
  name: string;
  headcount: number;
  /** Full-time equivalent, where the plan gives it. */
  fte: number | null;
}

/** Headcount per unit at a date; its totals are computed from the units, never entered. */
export interface WorkforcePosition {
  /** ISO date the figures are at. */
  asAt: string;
  units: WorkforceUnit[];
}
