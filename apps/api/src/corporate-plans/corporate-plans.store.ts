import { Inject, Injectable } from '@nestjs/common';
import {
  CORPORATE_PLAN_EVENT_SCHEMA_VERSIONS,
  corporatePlansStreamId,
  decideCorporatePlan,
  evolveCorporatePlans,
  initialCorporatePlans,
  toCorporatePlanEvent,
  type CorporatePlanCommand,
  type CorporatePlansState,
} from '@app/domain';
import { EVENT_STORE, type EventActor, type EventStore, readStreamIfAny, type StoredEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { chainedEvents } from '../plans/commands/chained-events';
import type { RequestTrace } from '../plans/commands/command-origin';
import { PerKeyQueue } from '../plans/commands/per-key-queue';

/** A council's corporate plans as its stream holds them now. */
export interface LoadedCorporatePlans {
  state: CorporatePlansState;
  /** Revision of the stream's last event; null while the council never recorded one. */
  revision: number | null;
  /** The last event's hash, which the next event is chained to. */
  lastHash: string | null;
}

/** What a corporate plan command answers: where its events sit, for `waitFor`. */
export interface CorporatePlanCommandOutcome {
  corporatePlanId: string;
  /** The revision of the council's corporate plans stream after the write. */
  revision: number;
  position: number;
  eventIds: string[];
}

/**
 * A council's corporate plans, read from and written to their own stream. The plan command side reads
 * them for the commands that link a priority or an indicator to a theme; the stream is a few events per
 * corporate plan, so reading it whole is cheap. Its events are sealed in a hash chain as a plan's are:
 * which themes a plan served is what a committee was told.
 */
@Injectable()
export class CorporatePlansStore {
  private readonly turns = new PerKeyQueue();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** As they stand now, or as they stood at `instant` (record time), as a council report `asOf` names their themes. */
  async load(council: string, instant?: Date): Promise<LoadedCorporatePlans> {
    const recorded = await this.read(council);
    const limit = instant?.toISOString();
    const events = limit === undefined ? recorded : recorded.filter((event) => event.recordedAt <= limit);
    const last = events.at(-1);
    return {
      state: events.map(toCorporatePlanEvent).reduce(evolveCorporatePlans, initialCorporatePlans),
      revision: last?.revision ?? null,
      lastHash: typeof last?.metadata.hash === 'string' ? last.metadata.hash : null,
    };
  }

  /**
   * Decides and appends at the revision decided on; one council's corporate plans change one at a
   * time in this process, and a write racing another process's loses with a conflict, writing nothing.
   */
  execute(council: string, command: CorporatePlanCommand, actor: EventActor, trace: RequestTrace): Promise<CorporatePlanCommandOutcome> {
    return this.turns.run(council, async () => {
      const loaded = await this.load(council);
      const events = decideCorporatePlan(command, loaded.state, council);
      const streamId = corporatePlansStreamId(council);
      const sealed = chainedEvents({ streamId, revision: loaded.revision, lastHash: loaded.lastHash }, events, {
        actor,
        trace,
        decidedAt: new Date(),
        schemaVersionOf: (type) => CORPORATE_PLAN_EVENT_SCHEMA_VERSIONS[type],
        idOf: () => randomUUID(),
      });
      const result = await this.store.appendToStream(streamId, sealed, { expectedRevision: loaded.revision ?? 'no_stream' });
      return { corporatePlanId: command.data.corporatePlanId, revision: result.nextRevision, position: result.position, eventIds: sealed.map(({ id }) => id) };
    });
  }

  private async read(council: string): Promise<StoredEvent[]> {
    return readStreamIfAny(this.store, corporatePlansStreamId(council));
  }
}
