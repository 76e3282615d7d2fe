import { RebuildUnavailableError, UnknownProjectionError } from '@app/application-errors';
import { type AppConfig, InjectAppConfig } from '@app/platform';
import { Projector, type RebuildProgress, RebuildRefusedError, type RebuildResult } from '@app/projections';
import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { ProjectionsStatusDto, RebuildAcceptedDto } from './projections-admin.dto';

/** A rebuild's progress goes to the log at most this often, and once more when it is done. */
const PROGRESS_LOG_INTERVAL_MS = 1000;

/** The projector's state for operators, and rebuilds of one projection while the API keeps serving. */
@Injectable()
export class ProjectionsAdmin {
  private readonly logger = new Logger('ProjectionRebuild');

  constructor(
    private readonly projector: Projector,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async status(): Promise<ProjectionsStatusDto> {
    const statuses = await this.projector.refreshStatus();
    return {
      projectorMode: this.config.projectorMode,
      projections: statuses.map(({ headPosition, lagEvents, ...status }) => ({
        ...status,
        head: headPosition,
        lagEvents: lagEvents ?? null,
      })),
    };
  }

  /**
   * Starts rebuilding the projection and returns at once; the status shows it `rebuilding` until it
   * runs live again, and the log tells its progress and end.
   */
  rebuild(name: string): RebuildAcceptedDto {
    if (this.config.projectorMode === 'external') {
      throw new RebuildUnavailableError(
        `This API does not run the projections (PROJECTOR_MODE=external): rebuild ${name} on the projector worker ` +
          `with 'npm run rebuild -- ${name}'.`,
      );
    }
    let rebuilding: Promise<RebuildResult>;
    try {
      rebuilding = this.projector.rebuild(name, this.progressLog(name));
    } catch (error) {
      throw error instanceof RebuildRefusedError ? refusalOf(error) : error;
    }
    this.logger.log({ projection: name }, `Rebuilding projection ${name}: its documents are dropped and its events replayed`);
    rebuilding.then(
      ({ processed, durationMs, eventsPerSecond }) =>
        this.logger.log(
          { projection: name, processed, durationMs, eventsPerSecond: Math.round(eventsPerSecond) },
          `Projection ${name} rebuilt from ${processed} events in ${(durationMs / 1000).toFixed(1)} s; it runs live again`,
        ),
      (error: unknown) =>
        this.logger.error(
          { projection: name, err: error },
          `The rebuild of projection ${name} did not finish: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
    return { projection: name, state: 'rebuilding' };
  }

  private progressLog(name: string): (progress: RebuildProgress) => void {
    let loggedAt = Number.NEGATIVE_INFINITY;
    return ({ processed, total, eventsPerSecond }) => {
      const now = performance.now();
      if (now - loggedAt < PROGRESS_LOG_INTERVAL_MS && processed < total) return;
      loggedAt = now;
      this.logger.log(
        { projection: name, processed, total, eventsPerSecond: Math.round(eventsPerSecond) },
        `Rebuilding projection ${name}: ${processed} of ${total} events`,
      );
    };
  }
}

function refusalOf(refusal: RebuildRefusedError): UnknownProjectionError | RebuildUnavailableError {
  return refusal.reason === 'unknown-projection'
    ? new UnknownProjectionError(refusal.message)
    : new RebuildUnavailableError(refusal.message);
}
