import {
  DEFAULT_RISK_MATRIX,
  decide,
  evolve,
  initialPlanState,
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

/**
 * Plans shaped like the Hart 2023/24 seed, decided by the real domain so every event is one the API
 * could have written: the plan drafted, 19 priorities with their outcomes, 13 indicators with their
 * targets, version 1, scrutiny, a target changed on O&S advice, version 2, Cabinet approval, then a
 * year of quarterly actuals and progress (164 events). Longer plans go on recording progress.
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

function setUpCommands(planId: string): PlanCommand[] {
  const { title, service, period, owner } = HART_PLAN;
  const { version1, submission, scrutiny, targetChange, version2, approval } = HART_GOVERNANCE;
  return [
    { type: 'DraftPlan', data: { planId, council: BENCH_COUNCIL, title, service, period, owner } },
    ...HART_PRIORITIES.map((priority): PlanCommand => ({ type: 'AddPriority', data: priority })),
    ...HART_INDICATORS.map((indicator): PlanCommand => ({ type: 'DefineIndicator', data: indicator })),
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

/** The first `length` events of a seed-shaped plan (a full year is 164; more are progress updates). */
export function seedShapedPlan(planId: string, length = SEED_PLAN_LENGTH): SyntheticEvent[] {
  const plan = new DecidedPlan(length);
  for (const command of [...setUpCommands(planId), ...monitoringCommands()]) {
    if (plan.full) return plan.events;
    plan.apply(command);
  }
  for (const command of furtherProgress()) {
    if (plan.full) break;
    plan.apply(command);
  }
  return plan.events;
}

export const SEED_PLAN_LENGTH = 164;

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
