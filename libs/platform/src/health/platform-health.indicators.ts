import { EVENT_STORE, type EventStore } from '@app/event-store';
import { Projector } from '@app/projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/** A store that does not answer within this time is reported down, so that a probe never hangs. */
const PING_TIMEOUT_MS = 3000;

@Injectable()
export class PlatformHealthIndicators {
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

  /** Each projection's state and lag; down when any has failed, since its read model no longer moves. */
  async projectionsRunning(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('projections');
    const statuses = await this.projector.refreshStatus();
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
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }
}
