import { ProjectionsBehindError } from '@app/application-errors';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { Projector } from '@app/projections';
import { Inject, Injectable } from '../nest';

/** How long a query waits for the projections before saying they are behind. */
const WAIT_LIMIT_MS = 5_000;

/** What a 503 tells the client to wait before asking again: the projections usually catch up within it. */
const RETRY_AFTER_SECONDS = 1;

/**
 * `waitFor=<position>` lets a client read its own writes: the query answers only once every
 * projection has applied the events up to that position, or says plainly that they are behind.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async waitFor(position: number | undefined): Promise<void> {
    if (position === undefined || this.projector.hasApplied(position)) return;
    // Every write is answered only once the store holds it, at the leader this service reads from, so
    // a position past the store's newest event is none a write has answered: waiting cannot bring it.
    const head = await this.events.headPosition();
    if (head === null || head < position) {
      throw new ProjectionsBehindError(
        `No write has been recorded at position ${position} yet: the event log ends at ${head ?? 'no event at all'}. ` +
          'Pass the position a command answered with.',
        RETRY_AFTER_SECONDS,
      );
    }
    if (await this.projector.waitFor(position, WAIT_LIMIT_MS)) return;
    throw new ProjectionsBehindError(
      `The read models have not yet caught up to position ${position} after ${WAIT_LIMIT_MS / 1000} s; try again shortly.`,
      RETRY_AFTER_SECONDS,
    );
  }
}
