import {
  type BudgetKind,
  DEFAULT_RISK_MATRIX,
  decide,
  evolve,
  financialYearLabel,
  initialPlanState,
  parsePeriod,
  PLAN_EVENT_SCHEMA_VERSIONS,
  type PlanCommand,
  type PlanEvent,
  type PlanState,
} from '@app/domain';
import type { EventActor, EventMetadata } from '@app/event-store';
import {
  HART_GOVERNANCE,
  HART_ILLUSTRATIVE_ACTUALS,
  HART_INDICATORS,
  HART_PLAN,
  HART_PRIORITIES,
  HART_QUARTERS,
} from '../../test/fixtures/hart-2023-24';
import { HART_SECTIONS } from '../../test/fixtures/hart-2023-24-narrative';
import { THREE_RIVERS_BUDGET_LINES } from '../../test/fixtures/three-rivers/budget';
import { THREE_RIVERS_CONTRACTS } from '../../test/fixtures/three-rivers/contracts';
import { THREE_RIVERS_CONTRIBUTIONS, THREE_RIVERS_SECTIONS } from '../../test/fixtures/three-rivers/narrative';
import { THREE_RIVERS_RISKS } from '../../test/fixtures/three-rivers/risks';
import { THREE_RIVERS_KEY_POSTS, THREE_RIVERS_SKILLS } from '../../test/fixtures/three-rivers/workforce';

/**
 * Plans shaped like the real seed plans, decided by the real domain so every event is one the API
 * could have written. What the Hart 2023/24 seed prints: the plan drafted, 19 priorities with their
 * outcomes, 13 indicators with their targets and its two narrative sections. Hart prints no budget,
 * risks, contracts, workforce or contributions to its corporate plan's themes, so those come from the
 * Three Rivers 2020-23 seed, as many as it prints: one budget line over three years (moved on to
 * Hart's years), 9 risks, 1 contract, 3 key posts, 3 skills, its 4 narrative sections whose keys
 * Hart does not use and its contributions to 4 themes (19 objectives). Then version 1, scrutiny, a
 * target changed on O&S advice, version 2, Cabinet approval, and a year of quarterly actuals and
 * progress (191 events, `SEED_PLAN_LENGTH`). Longer plans go on recording progress.
 */

export const BENCH_COUNCIL = HART_PLAN.council;
export const BENCH_EDITOR: EventActor = { id: 'bench-editor', name: 'Bench Editor', role: 'editor' };
export const BENCH_OFFICER: EventActor = { id: 'bench-officer', name: 'Bench Officer', role: 'officer' };

/** The decision clock: the events' content must not depend on when the bench runs. */
const DECIDED_AT = new Date('2024-04-04T12:00:00.000Z');
const PROGRESS_STATUSES = ['on-track', 'at-risk', 'on-track', 'slipped'] as const;

export interface SyntheticEvent {
  type: PlanEvent['type'];
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/** Priority refs of the seed plan, which progress commands over HTTP may name. */
export const PRIORITY_REFS: readonly string[] = HART_PRIORITIES.map(({ ref }) => ref);

/** Three Rivers' budget years are 2020/21 to 2022/23; Hart's plan is for 2023/24. */
const BUDGET_YEARS_LATER = 3;

const laterYear = (year: string): string => financialYearLabel(parsePeriod(year).startYear + BUDGET_YEARS_LATER);

/** Hart's own sections, then those of Three Rivers' whose keys Hart has not used, numbered in that order. */
const NARRATIVE_SECTIONS = [...HART_SECTIONS, ...THREE_RIVERS_SECTIONS.filter(({ key }) => !HART_SECTIONS.some((hart) => hart.key === key))].map(
  (section, index) => ({ ...section, order: index + 1 }),
);

function sectionCommands(): PlanCommand[] {
  return [
    ...THREE_RIVERS_BUDGET_LINES.map(
      (line): PlanCommand => ({
        type: 'AddBudgetLine',
        // The fixture's kinds are plain strings; the decider checks each against the kinds it knows.
        data: { ...line, amounts: line.amounts.map(({ year, kind, value }) => ({ year: laterYear(year), kind: kind as BudgetKind, value })) },
      }),
    ),
    ...THREE_RIVERS_RISKS.map((risk): PlanCommand => ({ type: 'AddRisk', data: risk })),
    ...THREE_RIVERS_CONTRACTS.map((contract): PlanCommand => ({ type: 'AddContract', data: contract })),
    ...THREE_RIVERS_KEY_POSTS.map((post): PlanCommand => ({ type: 'AddKeyPost', data: post })),
    ...THREE_RIVERS_SKILLS.map((skill): PlanCommand => ({ type: 'AddSkill', data: skill })),
    ...NARRATIVE_SECTIONS.map((section): PlanCommand => ({ type: 'AddNarrativeSection', data: section })),
    ...THREE_RIVERS_CONTRIBUTIONS.map((contribution): PlanCommand => ({ type: 'AddContribution', data: contribution })),
  ];
}

function setUpCommands(planId: string): PlanCommand[] {
  const { title, service, period, owner } = HART_PLAN;
  const { version1, submission, scrutiny, targetChange, version2, approval } = HART_GOVERNANCE;
  return [
    { type: 'DraftPlan', data: { planId, council: BENCH_COUNCIL, title, service, period, owner } },
    ...HART_PRIORITIES.map((priority): PlanCommand => ({ type: 'AddPriority', data: priority })),
    ...HART_INDICATORS.map((indicator): PlanCommand => ({ type: 'DefineIndicator', data: indicator })),
    ...sectionCommands(),
    { type: 'PublishVersion', data: version1 },
    { type: 'SubmitForScrutiny', data: submission },
    { type: 'RecordScrutiny', data: scrutiny },
    { type: 'SetTarget', data: targetChange },
    { type: 'PublishVersion', data: version2 },
    { type: 'ApprovePlan', data: approval },
  ];
}

function monitoringCommands(): PlanCommand[] {
  const periods = [...HART_QUARTERS, '2023/24'] as const;
  return periods.flatMap((period, quarter) => [
    ...Object.entries(HART_ILLUSTRATIVE_ACTUALS).flatMap(([code, values]): PlanCommand[] => {
      const value = values[period];
      return value === undefined ? [] : [{ type: 'RecordActual', data: { code, period, value } }];
    }),
    ...(period === '2023/24' ? [] : PRIORITY_REFS.map((ref) => progressCommand(ref, period, quarter))),
  ]);
}

function progressCommand(ref: string, period: string, round: number): PlanCommand {
  return {
    type: 'RecordProgress',
    data: {
      ref,
      period,
      percentComplete: Math.min(95, 20 + round * 5),
      status: PROGRESS_STATUSES[round % PROGRESS_STATUSES.length],
      commentary: `Update ${round + 1}`,
    },
  };
}

/** Endless weekly progress updates after the first year, cycling through priorities and quarters. */
function* furtherProgress(): Generator<PlanCommand> {
  for (let round = 4; ; round++) {
    for (const ref of PRIORITY_REFS) yield progressCommand(ref, HART_QUARTERS[round % HART_QUARTERS.length], round);
  }
}

/** Decides each command on the state the previous events left, as the command service would. */
class DecidedPlan {
  readonly events: SyntheticEvent[] = [];
  private state: PlanState = initialPlanState;

  constructor(private readonly length: number) {}

  get full(): boolean {
    return this.events.length >= this.length;
  }

  apply(command: PlanCommand): void {
    const actor = command.type === 'RecordActual' || command.type === 'RecordProgress' ? BENCH_OFFICER : BENCH_EDITOR;
    for (const event of decide(command, this.state, { now: DECIDED_AT, actor: actor.id, riskMatrix: DEFAULT_RISK_MATRIX, corporatePlans: null })) {
      if (this.full) return;
      this.state = evolve(this.state, event);
      this.events.push({
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: { actor, schemaVersion: PLAN_EVENT_SCHEMA_VERSIONS[event.type] },
      });
    }
  }
}

/** The plan set up and approved, then its year of quarterly actuals and progress. */
const seedYearCommands = (planId: string): PlanCommand[] => [...setUpCommands(planId), ...monitoringCommands()];

/** The first `length` events of a seed-shaped plan (a full year is `SEED_PLAN_LENGTH`; more are progress updates). */
export function seedShapedPlan(planId: string, length = SEED_PLAN_LENGTH): SyntheticEvent[] {
  const plan = new DecidedPlan(length);
  for (const command of seedYearCommands(planId)) {
    if (plan.full) return plan.events;
    plan.apply(command);
  }
  for (const command of furtherProgress()) {
    if (plan.full) break;
    plan.apply(command);
  }
  return plan.events;
}

/** The events of the seed plan's full year, counted from the decided plan so that it follows the shape. */
export const SEED_PLAN_LENGTH: number = (() => {
  const plan = new DecidedPlan(Number.MAX_SAFE_INTEGER);
  for (const command of seedYearCommands('length')) plan.apply(command);
  return plan.events.length;
})();

/** The seed plan as far as its approval: what HTTP benchmarks start from before recording progress. */
export function approvedSeedPlan(planId: string): SyntheticEvent[] {
  const plan = new DecidedPlan(Number.MAX_SAFE_INTEGER);
  for (const command of setUpCommands(planId)) plan.apply(command);
  return plan.events;
}

/**
 * Many plans share one decided template whose JSON is copied with each plan's id, so that a million
 * events cost string copies rather than a million decisions.
 */
export class PlanTemplate {
  private static readonly PLACEHOLDER = '__bench_plan_id__';
  private readonly rows: Array<{ type: string; data: string; metadata: string }>;

  constructor(events: (planId: string) => SyntheticEvent[]) {
    this.rows = events(PlanTemplate.PLACEHOLDER).map(({ type, data, metadata }) => ({
      type,
      data: JSON.stringify(data),
      metadata: JSON.stringify(metadata),
    }));
  }

  get length(): number {
    return this.rows.length;
  }

  /** The template's events as stored JSON, with `planId` in place of the template's id. */
  forPlan(planId: string): Array<{ type: string; data: string; metadata: string }> {
    return this.rows.map(({ type, data, metadata }) => ({
      type,
      data: data.replaceAll(PlanTemplate.PLACEHOLDER, planId),
      metadata,
    }));
  }
}
