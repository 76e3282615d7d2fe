import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig, PlatformMetrics, StartUpRefusedError } from '@app/platform';
import { READ_STORE, type ReadStore } from '@app/read-store';
import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import { planProjections } from '../plan-views';
import { decodeStoredEvent } from '../stored-event-decoder';
import { Projector } from '../projector/projector';
import type { ProjectorLogger, ProjectorObserver } from '../projector/projector.types';
import { assertReadModelsMatch, ReadModelsMismatchError } from '../projector/read-model-origin';

/**
 * When this application applies events itself: `always` for the projector worker, `in-process-mode`
 * for the API, which leaves them to the worker when `PROJECTOR_MODE=external`.
 */
export type ProjectorRun = 'always' | 'in-process-mode';

const PROJECTOR_RUN = Symbol('PROJECTOR_RUN');

function projectorLogger(logger: Logger): ProjectorLogger {
  return {
    info: (message, details) => logger.log({ ...details }, message),
    warn: (message, details) => logger.warn({ ...details }, message),
    error: (message, details) => logger.error({ ...details, err: details?.error }, message),
  };
}

function projectorObserver(metrics: PlatformMetrics): ProjectorObserver {
  return {
    onBatchApplied: (projection, events) => {
      metrics.projectionBatchesApplied.inc({ projection });
      metrics.projectionEventsApplied.inc({ projection }, events);
    },
    onFailure: (projection) => metrics.projectionFailures.inc({ projection }),
  };
}

/** The lag gauges are read at scrape time; concurrent `refreshStatus` calls share one reading. */
function registerLagGauges(projector: Projector, metrics: PlatformMetrics): void {
  new Gauge({
    name: 'projection_lag_events',
    help: 'Events a projection has not applied yet (absent when too many to count cheaply).',
    labelNames: ['projection'] as const,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const status of await projector.refreshStatus()) {
        if (status.lagEvents !== undefined) this.set({ projection: status.name }, status.lagEvents);
      }
    },
  });
  new Gauge({
    name: 'projection_lag_seconds',
    help: 'Age of the oldest event a projection has not applied yet; 0 when caught up.',
    labelNames: ['projection'] as const,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const status of await projector.refreshStatus()) this.set({ projection: status.name }, status.lagSeconds);
    },
  });
}

/**
 * Where the projector runs, it starts once the application has bootstrapped and stops on shutdown
 * after the HTTP server has drained, letting its current batch commit.
 */
@Injectable()
export class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');

  constructor(
    readonly projector: Projector,
    @Inject(PROJECTOR_RUN) private readonly run: ProjectorRun,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get runsHere(): boolean {
    return this.run === 'always' || this.config.projectorMode === 'in-process';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runsHere) {
      this.logger.log('Projections are applied by the separate projector process (PROJECTOR_MODE=external)');
      return;
    }
    await this.projector.start();
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    if (!this.runsHere) return;
    await this.projector.stop();
    this.logger.log(`Projections stopped after their current batch${signal ? ` (${signal})` : ''}`);
  }
}

/**
 * Provides the application's one `Projector`, over `planProjections`, to every module (inject
 * `Projector` for `waitFor` and `status`). Where it does not run, it still answers those from the
 * checkpoints another process writes. Start-up is refused (`StartUpRefusedError`, the mismatch's
 * sentence) when the read models were built from another event store or are ahead of this one.
 * Import it after `EventStoreModule` and `ReadStoreModule`: global modules shut down in the reverse
 * order of import, so the projector stops before the stores close.
 */
@Module({})
export class ProjectorModule {
  static forRoot(run: ProjectorRun): DynamicModule {
    return {
      module: ProjectorModule,
      global: true,
      providers: [
        { provide: PROJECTOR_RUN, useValue: run },
        {
          provide: Projector,
          inject: [EVENT_STORE, READ_STORE, APP_CONFIG, PlatformMetrics],
          useFactory: async (eventStore: EventStore, readStore: ReadStore, config: AppConfig, metrics: PlatformMetrics) => {
            // Before anything is served or projected: read models of another or a shrunken event store show plans it lacks.
            await assertReadModelsMatch(eventStore, readStore, planProjections.map(({ name }) => name)).catch((error: unknown) => {
              throw error instanceof ReadModelsMismatchError ? new StartUpRefusedError(error.message) : error;
            });
            const projector = new Projector({
              eventStore,
              readStore,
              projections: planProjections,
              decode: decodeStoredEvent,
              logger: projectorLogger(new Logger('Projector')),
              observer: projectorObserver(metrics),
              // Several instances may run against one MongoDB; each projection then runs in one of them.
              useLeases: config.mongodbUri !== null,
              leaseTtlMs: config.projectorLeaseTtlMs,
            });
            registerLagGauges(projector, metrics);
            return projector;
          },
        },
        ProjectorLifecycle,
      ],
      exports: [Projector],
    };
  }
}
