import {
  IdempotencyKeyReusedError,
  NotAssignedToServiceError,
  PlanCommandRefusedError,
  PlanKeptChangingError,
  PlanNotFoundError,
  RevisionMismatchError,
} from '@app/application-errors';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  decide,
  decideInSequence,
  decideRollForward,
  DomainError,
  councilFactsNeededBy,
  parsePlanPeriod,
  PLAN_EVENT_SCHEMA_VERSIONS,
  planKey,
  planStreamId,
  type DecisionContext,
  type DraftPlan,
  type PlanCommand,
  type PlanEvent,
  type RefusalInSequence,
  type RollForward,
} from '@app/domain';
import {
  EVENT_STORE,
  WrongExpectedVersionError,
  type EventActor,
  type EventStore,
  type EventToAppend,
} from '@app/event-store';
import { ACCESS_TABLE } from '../../auth/access-table';
import { PlanAccessPolicy } from '../../auth/plan-access.policy';
import type { Caller } from '../../auth/caller';
import { chainedEvents } from './chained-events';
import { hashRequest, type RequestTrace } from './command-origin';
import { PerKeyQueue } from './per-key-queue';
import { keyedEventId, rolledForwardPlanId } from './plan-ids';
import { Inject, Injectable } from '../nest';
import { PlanStreamCache, type AppendedEvent, type LoadedPlan } from './plan-stream-cache';
import { CouncilSettingsStore } from '../../settings/council-settings.store';
import { CorporatePlansStore } from '../../corporate-plans/corporate-plans.store';

/**
 * What a command's response says: the plan stream's revision after the write and where its last
 * event sits. `version` repeats the revision for clients written before it was named `revision`; it
 * is not the published version label.
 */
export interface PlanCommandOutcome {
  planId: string;
  revision: number;
  version: number;
  position: number;
  eventIds: string[];
}

/**
 * What a plan's import came to: the commands the plan's rules refused, by their place, and nothing
 * written; or none refused, and the plan written (null on a dry run, which writes nothing).
 */
export type PlanImportOutcome =
  | { refusals: RefusalInSequence[]; written: null; events: number }
  | { refusals: []; written: PlanCommandOutcome; events: number };

/**
 * What a roll-forward answers, the same however often it is asked: the new plan's opening write, and
 * the old plan's revision and position after its PlanRolledForward, which `position` covers too.
 */
export type RollForwardOutcome = PlanCommandOutcome & { rolledForwardFrom: { planId: string; revision: number; position: number } };

/** A command checked on one plan: what it would write, decided at the plan's revision, or why it cannot. */
export type PlanCheck = { planId: string; revision: number; events: PlanEvent[] } | { planId: string; refusal: string };

/** What a command comes to on a plan, before anything is written. */
type PlanDecision = { replay: PlanCommandOutcome } | { events: PlanEvent[]; decidedAt: Date };

/** Attempts at a write that keeps meeting a concurrent writer from another process, before giving up. */
const MAX_ATTEMPTS = 5;
const BACKOFF_STEP_MS = 10;

/**
 * The one path every plan command takes: load the plan, check the caller may see it, let the domain
 * decide, append at exactly the revision decided on. Commands on one plan run one at a time in this
 * process, on the plan as this process last held it: the append at that revision is what checks that
 * no other process wrote since. A race with another process is retried on the fresh state, unless the
 * client pinned the revision with If-Match.
 */
@Injectable()
export class PlanCommandService {
  private readonly turns = new PerKeyQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly plans: PlanStreamCache,
    private readonly access: PlanAccessPolicy,
    private readonly settings: CouncilSettingsStore,
    private readonly corporatePlans: CorporatePlansStore,
  ) {}

  /**
   * What the command would decide on the plan as it is now, writing nothing: the events and the
   * revision they were decided at, or why not in words the caller may read (another council's plan is
   * not found, in the same words as a missing one). A command covering several plans asks this of
   * each before it writes to any.
   */
  async check(planId: string, command: PlanCommand, caller: Caller): Promise<PlanCheck> {
    const plan = await this.plans.load(caller.council, planId);
    try {
      if (plan.state.lifecycle === 'not-yet-drafted' || plan.revision === null) throw PlanNotFoundError.withId(planId);
      this.access.assertCanSee(caller, plan.state);
      const facts = await this.councilFacts([command], caller.council);
      return { planId, revision: plan.revision, events: decide(command, plan.state, { now: new Date(), actor: caller.id, ...facts }) };
    } catch (error) {
      if (error instanceof DomainError || error instanceof PlanNotFoundError || error instanceof NotAssignedToServiceError) {
        return { planId, refusal: error.message };
      }
      throw error;
    }
  }

  execute(planId: string, command: PlanCommand, caller: Caller, trace: RequestTrace): Promise<PlanCommandOutcome> {
    return this.turns.run(planKey(caller.council, planId), () => this.executeInTurn(planId, command, caller, trace));
  }

  private async executeInTurn(
    planId: string,
    command: PlanCommand,
    caller: Caller,
    trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    const requestHash = trace.idempotencyKey === null ? null : hashRequest(caller, trace);
    for (let attempt = 1; ; attempt++) {
      // First on the plan as this process last held it, without reading the store: the append at the
      // held revision checks it, so only a write is made on it. Any other answer (a replay, a refusal)
      // may be of the plan's past, and is given on the plan read to the stream's end.
      const held = attempt === 1 ? this.plans.held(caller.council, planId) : undefined;
      const plan = held ?? (await this.plans.load(caller.council, planId));
      let decision: PlanDecision;
      try {
        decision = await this.decideOn(plan, command, caller, trace, requestHash);
      } catch (error) {
        if (held) continue;
        throw error;
      }
      if ('replay' in decision) {
        if (held) continue;
        return decision.replay;
      }
      try {
        return await this.append(plan, decision.events, caller, trace, requestHash, decision.decidedAt);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Another process wrote to the plan: what this one held is read again whole.
        this.plans.forget(plan.key);
        // Behind the stream, not racing it: the held plan is no reason to wait.
        if (held) continue;
        if (trace.expectedRevision !== null) throw new RevisionMismatchError(trace.expectedRevision, error.actual);
        if (attempt >= MAX_ATTEMPTS) throw new PlanKeptChangingError(error.actual);
        await sleep(BACKOFF_STEP_MS * attempt * (0.5 + Math.random()));
      }
    }
  }

  /** The answer a plan already gave to this key, or the events the command decides on the plan. */
  private async decideOn(
    plan: LoadedPlan,
    command: PlanCommand,
    caller: Caller,
    trace: RequestTrace,
    requestHash: string | null,
  ): Promise<PlanDecision> {
    // Access first: a replay or a refusal must not tell a caller anything about a plan they may not see.
    if (plan.state.lifecycle !== 'not-yet-drafted') this.access.assertCanSee(caller, plan.state);
    else if (command.type === 'DraftPlan') this.access.assertCanSee(caller, command.data);
    else throw PlanNotFoundError.withId(plan.planId);
    const replay = this.earlierAnswer(plan, trace.idempotencyKey, requestHash);
    if (replay) return { replay };
    if (trace.expectedRevision !== null && plan.revision !== trace.expectedRevision) {
      throw new RevisionMismatchError(trace.expectedRevision, plan.revision);
    }
    const decidedAt = new Date();
    const context = { now: decidedAt, actor: caller.id, ...(await this.councilFacts([command], caller.council)) };
    return { events: decideAt(plan, command, context), decidedAt };
  }

  /**
   * A whole plan brought in at once: the draft and every command after it decided in sequence on the
   * plan as the ones before left it, by the same `decide`, and appended in one write to a stream that
   * must not exist yet, so that the plan is there whole or not at all. A plan of that id already
   * there is refused as drafting it again would be (409), unless it is this very import, sent again
   * with its Idempotency-Key, whose first answer is given again. A dry run decides and writes nothing.
   */
  importPlan(
    draft: DraftPlan,
    commands: readonly PlanCommand[],
    caller: Caller,
    trace: RequestTrace,
    options: { dryRun: boolean },
  ): Promise<PlanImportOutcome> {
    const { planId } = draft.data;
    return this.turns.run(planKey(caller.council, planId), async () => {
      const requestHash = trace.idempotencyKey === null || options.dryRun ? null : hashRequest(caller, trace);
      const plan = await this.plans.load(caller.council, planId);
      const decidedAt = new Date();
      if (plan.state.lifecycle !== 'not-yet-drafted') {
        this.access.assertCanSee(caller, plan.state);
        const replay = options.dryRun ? null : this.earlierAnswer(plan, trace.idempotencyKey, requestHash);
        if (replay) return { refusals: [], written: replay, events: replay.eventIds.length };
        decideAt(plan, draft, { now: decidedAt, actor: caller.id, riskMatrix: null, corporatePlans: null });
      }
      this.access.assertCanSee(caller, draft.data);
      const sequence = [draft, ...commands];
      const { events, refusals } = decideInSequence(sequence, plan.state, {
        now: decidedAt,
        actor: caller.id,
        ...(await this.councilFacts(sequence, caller.council)),
      });
      if (refusals.length > 0 || options.dryRun) return { refusals, written: null, events: events.length };
      try {
        const written = await this.append(plan, events, caller, trace, requestHash, decidedAt);
        return { refusals: [], written, events: events.length };
      } catch (error) {
        // Written meanwhile by another process: refused as any draft of an existing plan is.
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        throw new PlanCommandRefusedError(DomainError.alreadyExists(`A plan with the id '${planId}' was created while it was being imported.`), error.actual ?? 0);
      }
    });
  }

  /**
   * Next year's plan drafted from this year's (`decideRollForward`), under an id derived from the old
   * plan's and the new period, in two writes, as the store has no transaction across streams: the new
   * plan whole, at no revision, then the old plan's PlanRolledForward at the revision decided on. Each
   * is a write keyed by the new plan, so that the answer is read back from both streams the same every
   * time and a retried append is a no-op in the store. Asked again, it decides only what is missing, so a
   * process that stopped between the two writes is completed by the repeat, which the caller, who got
   * no answer, makes. A race with another writer of either plan is retried on the fresh state.
   */
  rollForward(fromPlanId: string, asked: Omit<RollForward, 'planId'>, caller: Caller, trace: RequestTrace): Promise<RollForwardOutcome> {
    return this.turns.run(planKey(caller.council, fromPlanId), async () => {
      for (let attempt = 1; ; attempt++) {
        const from = await this.plans.load(caller.council, fromPlanId);
        if (from.state.lifecycle === 'not-yet-drafted' || from.revision === null) throw PlanNotFoundError.withId(fromPlanId);
        this.access.assertCanSee(caller, from.state);
        const planId = rolledForwardPlanId(fromPlanId, refusedAt(from, () => parsePlanPeriod(asked.period)).label);
        // A space, which no Idempotency-Key header may hold: a client cannot take the key of a roll-forward.
        const keyed: RequestTrace = { ...trace, idempotencyKey: `roll-forward ${planId}`, expectedRevision: null };
        const decidedAt = new Date();
        try {
          await this.turns.run(planKey(caller.council, planId), async () => {
            const to = await this.plans.load(caller.council, planId);
            const decided = refusedAt(from, () => decideRollForward(from.state, from.revision ?? 0, to.state, { ...asked, planId }));
            const toWrite = decided.newPlan.length + decided.oldPlan.length;
            if (toWrite > 0 && trace.expectedRevision !== null && trace.expectedRevision !== from.revision) {
              throw new RevisionMismatchError(trace.expectedRevision, from.revision);
            }
            if (decided.newPlan.length > 0) await this.append(to, decided.newPlan, caller, keyed, null, decidedAt);
            if (decided.oldPlan.length > 0) await this.append(from, decided.oldPlan, caller, keyed, null, decidedAt);
          });
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) throw error;
          if (attempt >= MAX_ATTEMPTS) throw new PlanKeptChangingError(error.actual);
          await sleep(BACKOFF_STEP_MS * attempt * (0.5 + Math.random()));
          continue;
        }
        return rollForwardOutcome(await this.plans.load(caller.council, planId), await this.plans.load(caller.council, fromPlanId), keyed);
      }
    });
  }

  /** Seals the decided events and appends them at exactly the revision they were decided on. */
  private async append(
    plan: LoadedPlan,
    events: PlanEvent[],
    caller: Caller,
    trace: RequestTrace,
    requestHash: string | null,
    decidedAt: Date,
  ): Promise<PlanCommandOutcome> {
    const sealed = sealEvents(plan, events, actorFor(caller, trace), trace, requestHash, decidedAt);
    const result = await this.store.appendToStream(planStreamId(plan.key), sealed, {
      expectedRevision: plan.revision ?? 'no_stream',
    });
    const firstRevision = result.nextRevision - sealed.length + 1;
    const appended: AppendedEvent[] = sealed.map((event, index) => ({
      ...event,
      revision: firstRevision + index,
      position: result.position,
    }));
    this.plans.recordAppended(plan, appended);
    return commandOutcome(plan.planId, result.nextRevision, result.position, sealed.map((e) => e.id));
  }

  /** What the decisions need of the council's own streams, each read only when one of them needs it. */
  private async councilFacts(commands: readonly PlanCommand[], council: string): Promise<Omit<DecisionContext, 'now' | 'actor'>> {
    const needs = commands.map(councilFactsNeededBy);
    const needed = { riskMatrix: needs.some((need) => need.riskMatrix), corporatePlans: needs.some((need) => need.corporatePlans) };
    return {
      riskMatrix: needed.riskMatrix ? await this.settings.riskMatrix(council) : null,
      corporatePlans: needed.corporatePlans ? (await this.corporatePlans.load(council)).state : null,
    };
  }

  private earlierAnswer(plan: LoadedPlan, key: string | null, requestHash: string | null): PlanCommandOutcome | null {
    if (key === null) return null;
    const earlier = plan.writesByKey.get(key);
    if (!earlier) return null;
    if (earlier.requestHash !== requestHash) throw new IdempotencyKeyReusedError(plan.revision);
    return commandOutcome(plan.planId, earlier.revision, earlier.position, [...earlier.eventIds]);
  }
}

function commandOutcome(planId: string, revision: number, position: number, eventIds: string[]): PlanCommandOutcome {
  return { planId, revision, version: revision, position, eventIds };
}

/** The roll-forward's two keyed writes, as the plans' streams hold them. */
function rollForwardOutcome(to: LoadedPlan, from: LoadedPlan, keyed: RequestTrace): RollForwardOutcome {
  const key = keyed.idempotencyKey ?? '';
  const opening = to.writesByKey.get(key);
  const rolledForward = from.writesByKey.get(key);
  if (!opening || !rolledForward) throw new Error(`The roll-forward of plan ${from.planId} to plan ${to.planId} is not held by both plans.`);
  return {
    ...commandOutcome(to.planId, opening.revision, Math.max(opening.position, rolledForward.position), [...opening.eventIds, ...rolledForward.eventIds]),
    rolledForwardFrom: { planId: from.planId, revision: rolledForward.revision, position: rolledForward.position },
  };
}

/** A decision refused by the plan's rules, stating the revision the plan is at, as `decideAt` does. */
function refusedAt<T>(plan: LoadedPlan, decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind === 'not-found' || plan.revision === null) throw error;
    throw new PlanCommandRefusedError(error, plan.revision);
  }
}

/**
 * The domain's decision in `context`. A refusal by the plan's rules or of a duplicate states the revision
 * the plan is at, so the client can retry with If-Match without a read.
 */
function decideAt(plan: LoadedPlan, command: PlanCommand, context: DecisionContext): PlanEvent[] {
  return refusedAt(plan, () => decide(command, plan.state, context));
}

/** The caller's role that the access table allowed for this operation. */
export function actorFor(caller: Caller, trace: RequestTrace): EventActor {
  const allowed: readonly string[] = ACCESS_TABLE[trace.operation];
  const role = caller.roles.find((r) => allowed.includes(r)) ?? caller.roles[0] ?? 'unknown';
  return { id: caller.id, name: caller.name, role };
}

/** The decided events of a plan, chained to its stream's head, with ids derived from the idempotency key when there is one. */
function sealEvents(
  plan: LoadedPlan,
  events: PlanEvent[],
  actor: EventActor,
  trace: RequestTrace,
  requestHash: string | null,
  decidedAt: Date,
): EventToAppend[] {
  const key = trace.idempotencyKey;
  return chainedEvents({ streamId: planStreamId(plan.key), revision: plan.revision, lastHash: plan.lastHash }, events, {
    actor,
    trace,
    decidedAt,
    schemaVersionOf: (type) => PLAN_EVENT_SCHEMA_VERSIONS[type],
    idOf: (index) => (key === null ? randomUUID() : keyedEventId(plan.planId, key, index)),
    ...(key === null ? {} : { idempotency: { idempotencyKey: key, requestHash } }),
  });
}
