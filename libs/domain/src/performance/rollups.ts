/**
 * Roll-ups of priority progress to objectives and to the plan. The unit of progress is a milestone
 * (an outcome of a priority with progress recorded against it); a priority tracked only as a whole
 * counts as one item. Councils print their roll-ups by rules of their own, so the rule is a council
 * setting (`RollupRule`), and every roll-up states the rule it was made with.
 */

/** How an average is brought to a whole percent: 62.5 is 63 half up, 62 half to even, 62 down. */
export const ROLLUP_ROUNDINGS = ['half-up', 'half-even', 'down'] as const;
export type RollupRounding = (typeof ROLLUP_ROUNDINGS)[number];

/** What a milestone (or a priority tracked as a whole) without an entry does to the average. */
export const MILESTONE_WITHOUT_ENTRY_RULES = ['zero', 'excluded'] as const;
export type MilestoneWithoutEntry = (typeof MILESTONE_WITHOUT_ENTRY_RULES)[number];

export interface RollupRule {
  rounding: RollupRounding;
  milestoneWithoutEntry: MilestoneWithoutEntry;
}

/** The rule every roll-up was made with before councils could set theirs: half up, an item without an entry at 0%. */
export const DEFAULT_ROLLUP_RULE: RollupRule = { rounding: 'half-up', milestoneWithoutEntry: 'zero' };

const ROUNDING_SENTENCES: Record<RollupRounding, string> = {
  'half-up': 'Half up to whole percent after averaging unrounded values',
  'half-even': 'Half to even to whole percent after averaging unrounded values (62.5 is 62, 63.5 is 64)',
  down: 'Down to whole percent after averaging unrounded values (62.9 is 62)',
};

const WITHOUT_ENTRY_SENTENCES: Record<MilestoneWithoutEntry, { milestone: string; priority: string }> = {
  zero: { milestone: 'a milestone without one counts as 0%', priority: '0% when none' },
  excluded: { milestone: 'a milestone without one is left out', priority: 'left out when none' },
};

/** The rule in words, as a roll-up states it beside its figures. */
export function describeRollupRule(rule: RollupRule): { rounding: string; method: string } {
  const withoutEntry = WITHOUT_ENTRY_SENTENCES[rule.milestoneWithoutEntry];
  return {
    rounding: ROUNDING_SENTENCES[rule.rounding],
    method:
      "An objective's percentage is the mean over its items: each milestone of a priority with milestone " +
      `progress (latest entry; ${withoutEntry.milestone}), or the priority itself when it has ` +
      `no milestone progress (latest entry; ${withoutEntry.priority}). The plan's percentage is the mean over all items.`,
  };
}

/** A mean's float noise (62.49999999999999 for 62.5) is no reason to round it the other way. */
const NOISE = 1e-9;

const ROUNDERS: Record<RollupRounding, (value: number) => number> = {
  'half-up': (value) => Math.floor(value + 0.5 + NOISE),
  'half-even': (value) => {
    const whole = Math.floor(value + NOISE);
    const fraction = value - whole;
    if (Math.abs(fraction - 0.5) > NOISE) return Math.floor(value + 0.5);
    return whole % 2 === 0 ? whole : whole + 1;
  },
  down: (value) => Math.floor(value + NOISE),
};

/** A percentage to the whole percent the rule prints. */
export const roundPercent = (value: number, rounding: RollupRounding): number => ROUNDERS[rounding](value);

export interface PriorityProgress {
  objective: string | null;
  /** Latest percentage recorded for the priority as a whole, or null. */
  percentComplete: number | null;
  /** Latest percentage of each of its milestones (outcomes), null where none is recorded. */
  milestones: Array<number | null>;
}

export interface ObjectiveRollup {
  objective: string | null;
  /** Null when every item was without an entry and the rule leaves those out. */
  percentComplete: number | null;
  /** Items averaged. */
  items: number;
  /** Items without an entry: counted in `items` as 0%, or left out of them, as the rule says. */
  withoutEntry: number;
}

export interface Rollups<Rule extends RollupRule = RollupRule> {
  objectives: ObjectiveRollup[];
  plan: { percentComplete: number | null; items: number; withoutEntry: number };
  /** The rounding in words. */
  rounding: string;
  /** How items are chosen and averaged, in words. */
  method: string;
  /** The rule the figures were made with. */
  rule: Rule;
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

/** A priority's part in the averages: the percentages it adds, and how many of its items had no entry. */
interface PriorityItems {
  values: number[];
  withoutEntry: number;
}

function progressItems(priority: PriorityProgress, rule: RollupRule): PriorityItems {
  const entered =
    progressSourceOf(priority) === 'milestones' ? priority.milestones : [priority.percentComplete];
  const withoutEntry = entered.filter((value) => value === null).length;
  const values = entered.flatMap((value) => {
    if (value !== null) return [value];
    return rule.milestoneWithoutEntry === 'zero' ? [0] : [];
  });
  return { values, withoutEntry };
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

const roundedMean = (values: number[], rule: RollupRule): number | null =>
  values.length === 0 ? null : roundPercent(mean(values), rule.rounding);

/** A priority's own percentage, by the same items and rule as the roll-ups it feeds; null without any entry. */
export const priorityPercentComplete = (priority: PriorityProgress, rule: RollupRule): number | null =>
  progressSourceOf(priority) === null ? null : roundedMean(progressItems(priority, rule).values, rule);

/** Objectives in the order they first appear; rounding happens once, after averaging. */
export function rollUpProgress<Rule extends RollupRule>(priorities: PriorityProgress[], rule: Rule): Rollups<Rule> {
  const byObjective = new Map<string | null, PriorityItems>();
  const all: PriorityItems = { values: [], withoutEntry: 0 };
  for (const priority of priorities) {
    const items = progressItems(priority, rule);
    const bucket = byObjective.get(priority.objective) ?? { values: [], withoutEntry: 0 };
    byObjective.set(priority.objective, {
      values: [...bucket.values, ...items.values],
      withoutEntry: bucket.withoutEntry + items.withoutEntry,
    });
    all.values.push(...items.values);
    all.withoutEntry += items.withoutEntry;
  }
  return {
    objectives: [...byObjective].map(([objective, { values, withoutEntry }]) => ({
      objective,
      percentComplete: roundedMean(values, rule),
      items: values.length,
      withoutEntry,
    })),
    plan: { percentComplete: roundedMean(all.values, rule), items: all.values.length, withoutEntry: all.withoutEntry },
    ...describeRollupRule(rule),
    rule,
  };
}
