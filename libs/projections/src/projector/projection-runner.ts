import { type EventStore, type StoredEvent, UnreadableEventError } from '@app/event-store';
import { delay } from '@app/event-store/subscription';
import type { ReadStore } from '@app/read-store';
import { performance } from 'node:perf_hooks';
import {
  asProjectionFailure,
  type EventDecoder,
  ProjectionFailedError,
  type ProjectionFailureDetails,
  projectBatch,
} from './project-batch';
import type { Projection } from './projection';
import { ensureProjectionIndexes, readProjectionVersion, resetProjectionState } from './projection-setup';
import type { ProjectionStatus, ProjectorLogger, ProjectorObserver } from './projector.types';
import { type RebuildProgress, RebuildRefusedError, type RebuildResult, rebuildProjection } from './rebuild';
import { SubscriptionBatches } from './subscription-batches';
import { WrittenDocuments } from './written-documents';

const FIRST_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 30_000;
const LAG_REFRESH_INTERVAL_MS = 250;
/** Beyond this many unapplied events the lag is reported in seconds only. */
const LAG_SAMPLE_SIZE = 1000;

export interface RunnerSettings {
  eventStore: EventStore;
  readStore: ReadStore;
  decode: EventDecoder;
  batchSize: number;
  logger: ProjectorLogger;
  observer?: ProjectorObserver;
  instanceId: string;
  leaseTtlMs: number;
  useLeases: boolean;
  now: () => Date;
  /** Called after every checkpoint commit and change of phase. */
  onChange: () => void;
}

type Phase = 'running' | 'standby' | 'failed' | 'stopped';

/** The oldest events not applied when the lag was last read, enough to age and count the lag. */
interface LagSample {
  head: number | null;
  events: Array<{ position: number; recordedAt: string }>;
  complete: boolean;
}

/** Runs one projection: its loop, lease, checkpoint and lag. Used only by `Projector`. */
export class ProjectionRunner {
  private phase: Phase = 'stopped';
  private checkpointPosition: number | null = null;
  private head: number | null = null;
  private failure: ProjectionFailureDetails | null = null;
  private lagSample: LagSample = { head: null, events: [], complete: false };
  private lagReadAt = Number.NEGATIVE_INFINITY;
  private lagReading: Promise<void> | null = null;

  private loop: Promise<void> | null = null;
  private stopping = new AbortController();
  /** Between `start()` and `stop()`, even while a rebuild has ended the loop. */
  private runsHere = false;
  private batches: SubscriptionBatches | null = null;

  /** Set from the moment a rebuild is asked for until the projection runs again. */
  private rebuildProgress: RebuildProgress | null = null;
  private rebuilding: Promise<unknown> | null = null;
  private endRebuild: AbortController | null = null;

  private holdsLease = false;
  private leaseLost = false;
  /** Bumped to disown renewals in flight when the renewal cycle stops. */
  private leaseTerm = 0;
  private renewalTimer: NodeJS.Timeout | undefined;

  /** Kept only while the loop runs here, the one writer of the projection's collections. */
  private readonly written = new WrittenDocuments();

  constructor(
    readonly projection: Projection,
    private readonly settings: RunnerSettings,
  ) {}

  get name(): string {
    return this.projection.name;
  }

  get checkpoint(): number | null {
    return this.checkpointPosition;
  }

  /** Whether this instance applies the projection's events, so that its checkpoint moves here. */
  get isRunning(): boolean {
    return this.phase === 'running';
  }

  get hasFailed(): boolean {
    return this.phase === 'failed';
  }

  get knownHead(): number | null {
    return this.head;
  }

  /** Resolves once the projection is subscribed, standing by, failed, or retrying after an error. */
  start(): Promise<void> {
    if (this.loop || this.rebuildProgress) throw new Error(`Projection ${this.name} is already started`);
    this.runsHere = true;
    this.stopping = new AbortController();
    this.failure = null;
    return new Promise((ready) => {
      this.loop = this.run(ready).finally(ready);
    });
  }

  /** Lets the batch in flight commit, then ends the loop or the rebuild and gives up the lease. */
  async stop(): Promise<void> {
    this.runsHere = false;
    this.endRebuild?.abort();
    await this.endLoop();
    await this.rebuilding;
    await this.lagReading?.catch(() => undefined);
  }

  /**
   * Ends the loop after its batch in flight, drops the projection's documents and replays its events,
   * then runs it again from where the replay ended, which also clears a failure. Under leases only
   * the instance holding the lease may rebuild, and it keeps the lease throughout. Throws
   * `RebuildRefusedError` at once when it cannot start; the promise settles once the projection runs
   * again, or rejects when the replay did not finish: with `ProjectionFailedError`, leaving the
   * projection failed at that event, or because `stop()` or the loss of the lease ended it.
   */
  rebuild(onProgress: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    if (this.rebuildProgress) {
      throw new RebuildRefusedError(
        'already-rebuilding',
        `Projection ${this.name} is already being rebuilt; wait until it is live again.`,
      );
    }
    if (this.settings.useLeases && !this.holdsLease) {
      throw new RebuildRefusedError(
        'run-elsewhere',
        `Projection ${this.name} is run by another instance, which holds its lease; rebuild it there.`,
      );
    }
    this.rebuildProgress = { processed: 0, total: 0, eventsPerSecond: 0 };
    this.endRebuild = new AbortController();
    this.settings.onChange();
    const rebuilt = this.replay(this.endRebuild.signal, onProgress);
    this.rebuilding = rebuilt.catch(() => undefined);
    return rebuilt;
  }

  status(): ProjectionStatus {
    const caughtUp = this.head === null || (this.checkpointPosition !== null && this.checkpointPosition >= this.head);
    return {
      name: this.name,
      version: this.projection.version,
      state: this.rebuildProgress ? 'rebuilding' : this.phase === 'running' ? (caughtUp ? 'live' : 'catching-up') : this.phase,
      checkpoint: this.checkpointPosition,
      headPosition: this.head,
      ...(caughtUp ? { lagEvents: 0, lagSeconds: 0 } : this.lagBehind()),
      ...(this.failure ? { error: this.failure } : {}),
      ...(this.rebuildProgress ? { rebuild: this.rebuildProgress } : {}),
    };
  }

  /** Reads the lag again in the background when the last reading is older than 250 ms. */
  refreshLagIfStale(): void {
    if (!this.loop || performance.now() - this.lagReadAt < LAG_REFRESH_INTERVAL_MS) return;
    this.refreshLag().catch((error: unknown) =>
      this.settings.logger.warn(`Could not read the lag of projection ${this.name}`, { projection: this.name, error }),
    );
  }

  refreshLag(): Promise<void> {
    this.lagReading ??= this.readLag().finally(() => {
      this.lagReading = null;
    });
    return this.lagReading;
  }

  /** Asks the event store for the projection's newest event, e.g. to know whether it sees a position. */
  async readHead(): Promise<number | null> {
    this.noteHead(await this.settings.eventStore.headPosition(this.projection.filter));
    return this.head;
  }

  private async run(ready: () => void): Promise<void> {
    let retryDelayMs = FIRST_RETRY_DELAY_MS;
    while (!this.stopping.signal.aborted) {
      if (this.settings.useLeases && !(await this.takeLease())) {
        this.setPhase('standby');
        ready();
        await delay(this.settings.leaseTtlMs / 3, this.stopping.signal);
        continue;
      }
      try {
        await this.runWhileOwner(ready);
        retryDelayMs = FIRST_RETRY_DELAY_MS;
      } catch (error) {
        if (error instanceof ProjectionFailedError) {
          this.fail(error);
          break;
        }
        this.settings.logger.error(
          `Projection ${this.name} hit an error; it resumes from its checkpoint in ${retryDelayMs} ms`,
          { projection: this.name, checkpoint: this.checkpointPosition, error },
        );
        ready();
        await delay(retryDelayMs, this.stopping.signal);
        retryDelayMs = Math.min(retryDelayMs * 2, MAX_RETRY_DELAY_MS);
      } finally {
        this.stopRenewingLease();
      }
    }
    // A rebuild keeps the lease, so that no other instance runs the projection meanwhile.
    if (this.holdsLease && !this.rebuildProgress) await this.releaseLease();
    if (this.phase !== 'failed') this.setPhase('stopped');
  }

  private async endLoop(): Promise<void> {
    this.stopping.abort();
    this.closeSubscription();
    await this.loop;
    this.loop = null;
  }

  private async replay(signal: AbortSignal, onProgress: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    const { eventStore, readStore, decode, batchSize, now } = this.settings;
    let failure: ProjectionFailedError | null = null;
    try {
      await this.endLoop();
      this.failure = null;
      this.checkpointPosition = null;
      this.setPhase('stopped');
      if (this.holdsLease) this.renewLeaseEveryThirdOfTtl();
      return await rebuildProjection({
        eventStore,
        readStore,
        projection: this.projection,
        decode,
        batchSize,
        now,
        signal,
        onProgress: (progress) => {
          this.rebuildProgress = progress;
          onProgress(progress);
        },
      });
    } catch (error) {
      if (error instanceof ProjectionFailedError) failure = error;
      throw error;
    } finally {
      this.stopRenewingLease();
      this.rebuildProgress = null;
      this.endRebuild = null;
      // The loop would only fail again at the same event: the projection stays failed until the next rebuild.
      if (failure) this.fail(failure);
      if (this.runsHere && !failure) await this.start();
      else if (this.holdsLease) await this.releaseLease();
      this.settings.onChange();
    }
  }

  private mustPause(): boolean {
    return this.stopping.signal.aborted || this.leaseLost;
  }

  private async runWhileOwner(ready: () => void): Promise<void> {
    this.setPhase('running');
    // Whatever happened since (another owner, a reset, a replay, a commit that failed), the store tells.
    this.written.forget();
    await this.prepare();
    if (this.mustPause()) return;
    const batches = new SubscriptionBatches(
      this.settings.eventStore.subscribeToAll({
        fromPosition: this.checkpointPosition ?? undefined,
        filter: this.projection.filter,
      }),
    );
    this.batches = batches;
    ready();
    try {
      while (!this.mustPause()) {
        const events = await batches.next(this.settings.batchSize).catch((error: unknown) => {
          throw asProjectionFailure(this.name, error);
        });
        if (events.length > 0) await this.applyEvents(events);
        else if (!this.mustPause()) throw new Error('The event subscription ended unexpectedly');
      }
    } finally {
      this.batches = null;
      this.written.forget();
      await this.closeQuietly(batches);
    }
  }

  /** Rebuilds the projection when its version changed, ensures its indexes and reads its checkpoint. */
  private async prepare(): Promise<void> {
    const { readStore, logger } = this.settings;
    const { name, version } = this.projection;
    const storedVersion = await readProjectionVersion(readStore, name);
    if (storedVersion !== null && storedVersion > version) {
      throw new ProjectionFailedError(name, {
        message: `its documents were built by version ${storedVersion}, newer than version ${version} running here`,
      });
    }
    if (storedVersion !== version) {
      if (storedVersion !== null) {
        logger.warn(`Projection ${name} changed from version ${storedVersion} to ${version}: rebuilding it`, {
          projection: name,
        });
      }
      await resetProjectionState(readStore, this.projection);
    }
    await ensureProjectionIndexes(readStore, this.projection);
    this.checkpointPosition = (await readStore.getCheckpoint(name))?.position ?? null;
    this.lagReadAt = Number.NEGATIVE_INFINITY;
    logger.info(`Projection ${name} v${version} runs from after position ${this.checkpointPosition ?? 'none'}`, {
      projection: name,
      checkpoint: this.checkpointPosition,
    });
    this.settings.onChange();
  }

  private async applyEvents(events: StoredEvent[]): Promise<void> {
    const { readStore, decode, observer } = this.settings;
    const startedAt = performance.now();
    const batch = await projectBatch(readStore, this.projection, events, decode, this.written);
    if (batch.position !== null) {
      await readStore.applyBatch(batch.writes, { projection: this.name, position: batch.position });
      this.written.remember(batch.applied);
      this.checkpointPosition = batch.position;
      this.noteHead(batch.position);
      this.tellObserver(() => observer?.onBatchApplied?.(this.name, batch.handled, performance.now() - startedAt));
      this.settings.onChange();
    }
    if (batch.failure) throw batch.failure;
  }

  private fail(error: ProjectionFailedError): void {
    this.failure = error.details;
    this.setPhase('failed');
    this.settings.logger.error(error.message, { projection: this.name, ...error.details, error: error.cause });
    this.tellObserver(() => this.settings.observer?.onFailure?.(this.name, error));
  }

  private setPhase(phase: Phase): void {
    this.phase = phase;
    this.settings.onChange();
  }

  private tellObserver(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.settings.logger.warn(`The projector observer threw for projection ${this.name}`, { error });
    }
  }

  private closeSubscription(): void {
    if (this.batches) void this.closeQuietly(this.batches);
  }

  private closeQuietly(batches: SubscriptionBatches): Promise<void> {
    return batches.close().catch((error: unknown) =>
      this.settings.logger.warn(`Could not close the subscription of projection ${this.name}`, { error }),
    );
  }

  private async takeLease(): Promise<boolean> {
    const { readStore, instanceId, leaseTtlMs, logger } = this.settings;
    try {
      if (!(await readStore.acquireLease(this.name, instanceId, leaseTtlMs))) return false;
    } catch (error) {
      logger.warn(`Could not take the lease on projection ${this.name}`, { projection: this.name, error });
      return false;
    }
    if (!this.holdsLease) logger.info(`Instance ${instanceId} runs projection ${this.name}`, { projection: this.name });
    this.holdsLease = true;
    this.leaseLost = false;
    this.renewLeaseEveryThirdOfTtl();
    return true;
  }

  private renewLeaseEveryThirdOfTtl(): void {
    const { readStore, instanceId, leaseTtlMs, logger } = this.settings;
    const term = ++this.leaseTerm;
    const renew = async () => {
      let renewed = false;
      try {
        renewed = await readStore.acquireLease(this.name, instanceId, leaseTtlMs);
      } catch (error) {
        logger.warn(`Could not renew the lease on projection ${this.name}`, { projection: this.name, error });
      }
      if (term !== this.leaseTerm) return;
      if (renewed) this.renewalTimer = setTimeout(renew, leaseTtlMs / 3);
      else this.loseLease();
    };
    this.renewalTimer = setTimeout(renew, leaseTtlMs / 3);
  }

  private stopRenewingLease(): void {
    this.leaseTerm += 1;
    clearTimeout(this.renewalTimer);
  }

  /** Another instance may take over now: finish the batch in flight, then stand by. */
  private loseLease(): void {
    this.holdsLease = false;
    this.leaseLost = true;
    // The new holder may write the documents before this runner's batch in flight ends.
    this.written.forget();
    this.endRebuild?.abort();
    this.settings.logger.warn(
      `Instance ${this.settings.instanceId} lost the lease on projection ${this.name}; it stands by after the current batch`,
      { projection: this.name },
    );
    this.closeSubscription();
  }

  private async releaseLease(): Promise<void> {
    this.holdsLease = false;
    try {
      await this.settings.readStore.releaseLease(this.name, this.settings.instanceId);
    } catch (error) {
      this.settings.logger.warn(`Could not release the lease on projection ${this.name}; it expires by itself`, {
        projection: this.name,
        error,
      });
    }
  }

  private noteHead(position: number | null): void {
    if (position !== null && (this.head === null || position > this.head)) this.head = position;
  }

  private async readLag(): Promise<void> {
    const { eventStore, readStore } = this.settings;
    const { name, filter } = this.projection;
    if (!this.isRunning) {
      // Another instance, or nobody, moves this checkpoint: read it where it is kept.
      const stored = (await readStore.getCheckpoint(name))?.position ?? null;
      if (!this.isRunning) this.checkpointPosition = stored;
    }
    const checkpoint = this.checkpointPosition;
    const head = await eventStore.headPosition(filter);
    const behind = head !== null && (checkpoint === null || head > checkpoint);
    const sample = behind ? await this.readLagSample(checkpoint, filter) : { events: [], complete: true };
    this.noteHead(head);
    this.noteHead(sample.events.at(-1)?.position ?? null);
    this.lagSample = { head: this.head, ...sample };
    this.lagReadAt = performance.now();
  }

  /** The oldest unapplied events; an unreadable one ends the sample, and the lag is aged from it. */
  private async readLagSample(checkpoint: number | null, filter: Projection['filter']): Promise<Omit<LagSample, 'head'>> {
    try {
      const events = await this.settings.eventStore.readAll({
        fromPosition: checkpoint ?? undefined,
        filter,
        maxCount: LAG_SAMPLE_SIZE,
      });
      return {
        events: events.map(({ position, recordedAt }) => ({ position, recordedAt })),
        complete: events.length < LAG_SAMPLE_SIZE,
      };
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      const { position, recordedAt } = error;
      // Damage may hide when the event was recorded; the lag is then aged from the events before it.
      return { events: recordedAt === null ? [] : [{ position, recordedAt }], complete: false };
    }
  }

  private lagBehind(): Pick<ProjectionStatus, 'lagEvents' | 'lagSeconds'> {
    const checkpoint = this.checkpointPosition;
    const sample = this.lagSample;
    const unapplied = sample.events.filter(({ position }) => checkpoint === null || position > checkpoint);
    const oldest = unapplied[0];
    // The head moved past what the sample saw, or the sample ran out: read it again on the next look.
    if (!oldest || sample.head !== this.head) this.lagReadAt = Number.NEGATIVE_INFINITY;
    if (!oldest) return { lagSeconds: 0 };
    return {
      ...(sample.complete && sample.head === this.head ? { lagEvents: unapplied.length } : {}),
      lagSeconds: Math.max(0, (this.settings.now().getTime() - Date.parse(oldest.recordedAt)) / 1000),
    };
  }
}
