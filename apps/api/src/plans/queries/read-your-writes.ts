import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { Projector } from '@app/projections';

/** How long a query waits for the projections before saying they are behind. */
const WAIT_LIMIT_MS = 5_000;

/** How often a position not yet in the event store is looked for again. */
const HEAD_POLL_INTERVAL_MS = 20;

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
    const deadline = Date.now() + WAIT_LIMIT_MS;
    if ((await this.isRecorded(position, deadline)) && (await this.projector.waitFor(position, deadline - Date.now()))) {
      return;
    }
    throw new ServiceUnavailableException(
      `The read models have not yet caught up to position ${position} after ${WAIT_LIMIT_MS / 1000} s; try again shortly.`,
    );
  }

  /**
   * The projector counts a position past every event it sees as reached. A position past the
   * store's newest event is none a write has answered yet (or one another node has not replicated
   * yet), so the read first waits, within the same bound, for it to be recorded.
   */
  private async isRecorded(position: number, deadline: number): Promise<boolean> {
    for (;;) {
      const head = await this.events.headPosition();
      if (head !== null && head >= position) return true;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await sleep(Math.min(HEAD_POLL_INTERVAL_MS, remaining));
    }
  }
}
