/**
 * Roll-ups of priority progress to objectives and to the plan. The unit of progress is a milestone
 * (an outcome of a priority with progress recorded against it); a priority tracked only as a whole
 * counts as one item.
 */

export const ROLLUP_ROUNDING = 'Half up to whole percent after averaging unrounded values';

export const ROLLUP_METHOD =
  "An objective's percentage is the mean over its items: each milestone of a priority with milestone " +
  'progress (latest entry; a milestone without one counts as 0%), or the priority itself when it has ' +
  "no milestone progress (latest entry; 0% when none). The plan's percentage is the mean over all items.";

export interface PriorityProgress {
  objective: string | null;
  /** Latest percentage recorded for the priority as a whole, or null. */
  percentComplete: number | null;
  /** Latest percentage of each of its milestones (outcomes), null where none is recorded. */
  milestones: Array<number | null>;
}

export interface ObjectiveRollup {
  objective: string | null;
  percentComplete: number;
  items: number;
}

export interface Rollups {
  objectives: ObjectiveRollup[];
  plan: { percentComplete: number | null; items: number };
  rounding: string;
  method: string;
}

/** Rounds half up (62.5 → 63), tolerating the float noise of a mean such as 62.49999999999999. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5 + 1e-9);
}

/**
 * Which entries a priority's percentage comes from: its milestones' once any of them has one, else
 * its own; null while it has neither. Its status is always its own entry's, whichever this is.
 */
export type ProgressSource = 'milestones' | 'priority';

export function progressSourceOf(priority: PriorityProgress): ProgressSource | null {
  if (priority.milestones.some((value) => value !== null)) return 'milestones';
  return priority.percentComplete === null ? null : 'priority';
}

/** The percentages a priority contributes to its objective and to the plan. */
function progressItems(priority: PriorityProgress): number[] {
  if (progressSourceOf(priority) === 'milestones') return priority.milestones.map((value) => value ?? 0);
  return [priority.percentComplete ?? 0];
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** A priority's own percentage, by the same items and rounding as the roll-ups it feeds. */
export const priorityPercentComplete = (priority: PriorityProgress): number =>
  roundHalfUp(mean(progressItems(priority)));

/** Objectives in the order they first appear; rounding happens once, after averaging. */
export function rollUpProgress(priorities: PriorityProgress[]): Rollups {
  const byObjective = new Map<string | null, number[]>();
  const all: number[] = [];
  for (const priority of priorities) {
    const items = progressItems(priority);
    const bucket = byObjective.get(priority.objective) ?? [];
    bucket.push(...items);
    byObjective.set(priority.objective, bucket);
    all.push(...items);
  }
  return {
    objectives: [...byObjective].map(([objective, items]) => ({
      objective,
      percentComplete: roundHalfUp(mean(items)),
      items: items.length,
    })),
    plan: { percentComplete: all.length ? roundHalfUp(mean(all)) : null, items: all.length },
    rounding: ROLLUP_ROUNDING,
    method: ROLLUP_METHOD,
  };
}
