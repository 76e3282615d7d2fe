import { Inject, Injectable } from '@nestjs/common';
import {
  COUNCIL_SETTINGS_EVENT_SCHEMA_VERSIONS,
  councilSettingsStreamId,
  decideCouncilSettings,
  evolveCouncilSettings,
  initialCouncilSettings,
  riskMatrixInForce,
  type CouncilSettingsCommand,
  type CouncilSettingsEvent,
  type CouncilSettingsState,
  type RiskMatrix,
} from '@app/domain';
import { EVENT_STORE, StreamNotFoundError, type EventActor, type EventStore, type StoredEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import type { RequestTrace } from '../plans/commands/command-origin';
import { PerKeyQueue } from '../plans/commands/per-key-queue';

/** A council's settings as its stream holds them now, with when they were last set. */
export interface LoadedSettings {
  state: CouncilSettingsState;
  /** Revision of the stream's last event; null while the council never set anything. */
  revision: number | null;
  lastSetAt: string | null;
}

/**
 * A council's settings, read from and written to its own stream. The command side reads them before
 * each plan decision, so a matrix set a moment ago, in this process or another, bands the next risk:
 * the stream is one event per change of setting, so reading it whole is cheap.
 */
@Injectable()
export class CouncilSettingsStore {
  private readonly turns = new PerKeyQueue();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(council: string): Promise<LoadedSettings> {
    const events = await this.read(council);
    const last = events.at(-1);
    return {
      state: events.map((event) => ({ type: event.type, data: event.data }) as CouncilSettingsEvent).reduce(evolveCouncilSettings, initialCouncilSettings),
      revision: last?.revision ?? null,
      lastSetAt: last?.recordedAt ?? null,
    };
  }

  async riskMatrix(council: string): Promise<RiskMatrix> {
    return riskMatrixInForce((await this.load(council)).state);
  }

  /** Decides and appends at the revision decided on; one council's settings change one at a time in this process. */
  execute(council: string, command: CouncilSettingsCommand, actor: EventActor, trace: RequestTrace): Promise<LoadedSettings> {
    return this.turns.run(council, async () => {
      const loaded = await this.load(council);
      const decidedAt = new Date();
      const events = decideCouncilSettings(command, loaded.state, council);
      if (events.length === 0) return loaded;
      await this.store.appendToStream(
        councilSettingsStreamId(council),
        events.map((event) => ({
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
          },
        })),
        { expectedRevision: loaded.revision ?? 'no_stream' },
      );
      return this.load(council);
    });
  }

  private async read(council: string): Promise<StoredEvent[]> {
    try {
      return await this.store.readStream(councilSettingsStreamId(council));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
