import { Inject, Injectable } from '@nestjs/common';
import { IdempotencyKeyReusedError, RevisionMismatchError } from '@app/application-errors';
import {
  COUNCIL_SETTINGS_EVENT_SCHEMA_VERSIONS,
  councilSettingsStreamId,
  decideCouncilSettings,
  evolveCouncilSettings,
  initialCouncilSettings,
  riskMatrixInForce,
  rollupRuleInForceAt,
  unverifiedFiguresRuleInForceAt,
  type CouncilSettingsCommand,
  type CouncilSettingsEvent,
  type CouncilSettingsState,
  type RecordedSettingsEvent,
  type RiskMatrix,
  type RollupRuleInForce,
  type UnverifiedFiguresRuleInForce,
} from '@app/domain';
import { EVENT_STORE, type EventActor, type EventStore, readStreamIfAny, type StoredEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import { hashRequest, type RequestTrace } from '../plans/commands/command-origin';
import { PerKeyQueue } from '../plans/commands/per-key-queue';

/** A council's settings as its stream holds them now, with every change of them as recorded. */
export interface LoadedSettings {
  state: CouncilSettingsState;
  /** Revision of the stream's last event; null while the council never set anything. */
  revision: number | null;
  recorded: RecordedSettingsEvent[];
}

const recordedOf = (event: StoredEvent): RecordedSettingsEvent => ({
  event: { type: event.type, data: event.data } as CouncilSettingsEvent,
  recordedAt: event.recordedAt,
  revision: event.revision,
});

function loadedFrom(events: StoredEvent[]): LoadedSettings {
  const recorded = events.map(recordedOf);
  return {
    state: recorded.map(({ event }) => event).reduce(evolveCouncilSettings, initialCouncilSettings),
    revision: events.at(-1)?.revision ?? null,
    recorded,
  };
}

/**
 * A council's settings, read from and written to its own stream: the one way anything learns them.
 * The command side reads the matrix before each decision that bands a risk, and a report reads the
 * roll-up rule and the rule for unverified figures in force at the instant it is made for, so a setting recorded a moment ago, in this
 * process or another, holds from then on: the stream is one event per change of setting, so reading
 * it whole is cheap.
 */
@Injectable()
export class CouncilSettingsStore {
  private readonly turns = new PerKeyQueue();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(council: string): Promise<LoadedSettings> {
    return loadedFrom(await this.read(council));
  }

  async riskMatrix(council: string): Promise<RiskMatrix> {
    return riskMatrixInForce((await this.load(council)).state);
  }

  /** The rules a report is made with, each in force at `instant` (record time), or now when there is none. */
  async reportRulesAt(
    council: string,
    instant: Date | undefined,
  ): Promise<{ rollupRule: RollupRuleInForce; unverifiedFigures: UnverifiedFiguresRuleInForce }> {
    const { recorded } = await this.load(council);
    const at = instant?.toISOString() ?? null;
    return { rollupRule: rollupRuleInForceAt(recorded, at), unverifiedFigures: unverifiedFiguresRuleInForceAt(recorded, at) };
  }

  /**
   * Decides and appends at the revision decided on; one council's settings change one at a time in
   * this process. As a plan command: `If-Match` pins the settings' revision, and an `Idempotency-Key`
   * used before answers the settings as that write left them, or is refused for another request.
   */
  execute(caller: Caller, command: CouncilSettingsCommand, actor: EventActor, trace: RequestTrace): Promise<LoadedSettings> {
    const { council } = caller;
    return this.turns.run(council, async () => {
      const events = await this.read(council);
      const loaded = loadedFrom(events);
      const requestHash = trace.idempotencyKey === null ? null : hashRequest(caller, trace);
      const earlier = trace.idempotencyKey === null ? -1 : events.findIndex((event) => event.metadata.idempotencyKey === trace.idempotencyKey);
      if (earlier >= 0) {
        if (events[earlier].metadata.requestHash !== requestHash) throw new IdempotencyKeyReusedError(loaded.revision);
        return loadedFrom(events.slice(0, earlier + 1));
      }
      if (trace.expectedRevision !== null && trace.expectedRevision !== loaded.revision) {
        throw new RevisionMismatchError(trace.expectedRevision, loaded.revision, 'council settings');
      }
      const decidedAt = new Date();
      const decided = decideCouncilSettings(command, loaded.state, council);
      if (decided.length === 0) return loaded;
      await this.store.appendToStream(
        councilSettingsStreamId(council),
        decided.map((event) => ({
          id: randomUUID(),
          type: event.type,
          data: event.data as unknown as Record<string, unknown>,
          metadata: {
            actor,
            requestId: trace.requestId,
            correlationId: trace.correlationId,
            causationId: trace.requestId,
            schemaVersion: COUNCIL_SETTINGS_EVENT_SCHEMA_VERSIONS[event.type],
            decidedAt: decidedAt.toISOString(),
            ...(trace.idempotencyKey === null ? {} : { idempotencyKey: trace.idempotencyKey, requestHash }),
          },
        })),
        { expectedRevision: loaded.revision ?? 'no_stream' },
      );
      return this.load(council);
    });
  }

  private async read(council: string): Promise<StoredEvent[]> {
    return readStreamIfAny(this.store, councilSettingsStreamId(council));
  }
}
