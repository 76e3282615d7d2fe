import { DomainError } from '../domain-error';

/**
 * How much one plan may hold. Far above what a council writes (Hart's 2023/24 plan has 19
 * priorities of up to 6 outcomes and 3 themes, and 13 indicators; Three Rivers' three-year plan
 * fewer), and low enough that a plan stays small to read, project and send: without them a single request
 * could add 12,000 outcomes. The totals per plan bound what many requests add up to, each far
 * below the product of the limits they sum (200 priorities of 100 outcomes would be 20,000): Hart's
 * plan has at most 114 outcomes, 2 published versions and went once before Overview and Scrutiny,
 * and a plan that went before a committee every month for three years would have 36 records.
 * Three Rivers' plan has 1 contract, 3 key posts and 3 skills; a service's register seldom holds more
 * than a few dozen contracts, and a service more than a few dozen teams.
 */
export interface PlanLimit {
  limit: number;
  holder: string;
  items: string;
}

export const PLAN_LIMITS = {
  prioritiesPerPlan: { limit: 200, holder: 'A plan', items: 'priorities' },
  outcomesPerPlan: { limit: 2_000, holder: 'A plan', items: 'outcomes in all' },
  outcomesPerPriority: { limit: 100, holder: 'A priority', items: 'outcomes' },
  themesPerPriority: { limit: 20, holder: 'A priority', items: 'themes' },
  indicatorsPerPlan: { limit: 200, holder: 'A plan', items: 'indicators' },
  targetsPerIndicator: { limit: 100, holder: 'An indicator', items: 'targets' },
  baselinesPerIndicator: { limit: 100, holder: 'An indicator', items: 'baselines' },
  prioritiesPerIndicator: { limit: 50, holder: 'An indicator', items: 'priorities, projects or actions it measures' },
  commentsPerScrutiny: { limit: 200, holder: 'A record of scrutiny', items: 'comments' },
  scrutinyRecordsPerPlan: { limit: 100, holder: 'A plan', items: 'records of scrutiny' },
  commentsPerPlan: { limit: 2_000, holder: 'A plan', items: 'scrutiny comments in all' },
  versionsPerPlan: { limit: 100, holder: 'A plan', items: 'published versions' },
  budgetLinesPerPlan: { limit: 200, holder: 'A plan', items: 'budget lines' },
  amountsPerBudgetLine: { limit: 100, holder: 'A budget line', items: 'amounts' },
  printedBudgetTotalsPerPlan: { limit: 100, holder: 'A plan', items: 'printed budget totals' },
  risksPerPlan: { limit: 200, holder: 'A plan', items: 'risks' },
  contractsPerPlan: { limit: 200, holder: 'A plan', items: 'contracts' },
  keyPostsPerPlan: { limit: 100, holder: 'A plan', items: 'key posts' },
  skillsPerPlan: { limit: 200, holder: 'A plan', items: 'skills' },
  unitsPerWorkforce: { limit: 100, holder: 'A workforce position', items: 'units' },
  sectionsPerPlan: { limit: 100, holder: 'A plan', items: 'narrative sections' },
  contributionsPerPlan: { limit: 50, holder: 'A plan', items: 'contributions to corporate themes' },
  objectivesPerContribution: { limit: 50, holder: 'A contribution', items: 'objectives' },
} as const satisfies Record<string, PlanLimit>;

/** Refuses `count` items beyond the limit, naming it: "A priority may have at most 100 outcomes: priority 3 would have 12000." */
export function requireWithinLimit({ limit, holder, items }: PlanLimit, count: number, subject: string): void {
  if (count > limit) {
    throw DomainError.ruleBroken(`${holder} may have at most ${limit} ${items}: ${subject} would have ${count}.`);
  }
}
