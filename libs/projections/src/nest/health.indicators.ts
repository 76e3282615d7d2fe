import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { planProjections } from '../plan-views';
import { Projector } from '../projector/projector';
import { readModelMismatch } from '../projector/read-model-origin';

const PROJECTION_NAMES = planProjections.map(({ name }) => name);

/** A store that does not answer within this time is reported down, so that a probe never hangs. */
const PING_TIMEOUT_MS = 3000;

@Injectable()
export class HealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projector: Projector,
  ) {}

  eventStoreReachable(): Promise<HealthIndicatorResult> {
    return this.ping('eventStore', () => this.eventStore.ping());
  }

  readStoreReachable(): Promise<HealthIndicatorResult> {
    return this.ping('readStore', () => this.readStore.ping());
  }

  /**
   * Down when the read models no longer match the event store (it was emptied, replaced or restored
   * from an older copy while the service ran): they would show plans the event store does not have.
   */
  async readModelsMatchEventStore(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('readModels');
    try {
      const mismatch = await readModelMismatch(this.eventStore, this.readStore, PROJECTION_NAMES);
      return mismatch === null ? indicator.up() : indicator.down({ message: mismatch });
    } catch (error) {
      return indicator.down({ message: messageOf(error) });
    }
  }

  /** Each projection's state and lag; down when any has failed, since its read model no longer moves. */
  async projectionsRunning(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('projections');
    let statuses: Awaited<ReturnType<Projector['refreshStatus']>>;
    try {
      statuses = await this.projector.refreshStatus();
    } catch (error) {
      return indicator.down({ message: `the projections' lag cannot be read: ${messageOf(error)}` });
    }
    const details = Object.fromEntries(
      statuses.map(({ name, state, checkpoint, headPosition, lagEvents, lagSeconds, error }) => [
        name,
        { state, checkpoint, head: headPosition, lagEvents: lagEvents ?? null, lagSeconds, ...(error ? { error } : {}) },
      ]),
    );
    return statuses.some(({ state }) => state === 'failed') ? indicator.down(details) : indicator.up(details);
  }

  private async ping(key: string, ping: () => Promise<void>): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([ping(), timeout]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: messageOf(error) });
    } finally {
      clearTimeout(timer);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
