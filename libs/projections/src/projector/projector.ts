import type { EventStore } from '@app/event-store';
import type { ReadStore } from '@app/read-store';
import { hostname } from 'node:os';
import type { EventDecoder } from './project-batch';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionStatus, ProjectorLogger, ProjectorObserver } from './projector.types';
import { type RebuildProgress, RebuildRefusedError, type RebuildResult } from './rebuild';
import { CHECKPOINT_POLL_INTERVAL_MS, checkpointTarget, hasReached } from './checkpoint-targets';

export interface ProjectorOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: Projection[];
  /** Applied to every stored event before a projection sees it, e.g. an upcaster. Identity by default. */
  /** Brings stored data to the current schema (the plan upcaster); projections read only decoded events. */
  decode: EventDecoder;
  /** Most events applied in one atomic write. Default 500. */
  batchSize?: number;
  logger: ProjectorLogger;
  observer?: ProjectorObserver;
  /** Run each projection only while this instance holds its lease (several instances on MongoDB). */
  useLeases?: boolean;
  /** This instance's name on leases. Default `<hostname>-<pid>`. */
  instanceId?: string;
  /** Default 15 s; the lease is renewed every third of it. */
  leaseTtlMs?: number;
  /** The clock that ages the lag, injectable for tests. */
  now?: () => Date;
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_LEASE_TTL_MS = 15_000;

/**
 * Keeps read models up to date: each projection runs on its own, from its checkpoint, in atomic
 * batches of documents plus checkpoint. One projection failing does not stop the others.
 */
export class Projector {
  private readonly runners: ProjectionRunner[];
  private readonly readStore: ReadStore;
  private readonly logger: ProjectorLogger;
  private readonly changeListeners = new Set<() => void>();

  constructor(options: ProjectorOptions) {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const leaseTtlMs = options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
    if (!(leaseTtlMs > 0)) throw new Error(`leaseTtlMs must be positive, not ${leaseTtlMs}`);
    const names = options.projections.map(({ name }) => name);
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated !== undefined) throw new Error(`Two projections are named ${repeated}; names key their checkpoints`);

    this.readStore = options.readStore;
    this.logger = options.logger;
    const settings = {
      eventStore: options.eventStore,
      readStore: options.readStore,
      decode: options.decode,
      batchSize,
      logger: options.logger,
      observer: options.observer,
      instanceId: options.instanceId ?? `${hostname()}-${process.pid}`,
      leaseTtlMs,
      useLeases: options.useLeases ?? false,
      now: options.now ?? (() => new Date()),
      onChange: () => this.changeListeners.forEach((listener) => listener()),
    };
    this.runners = options.projections.map((projection) => new ProjectionRunner(projection, settings));
  }

  /** Starts every projection; resolves once each is subscribed, standing by or failed. */
  async start(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.start()));
  }

  /** Lets every batch in flight commit, releases the leases, and resolves when all loops have ended. */
  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /**
   * Rebuilds one projection while the others run on: ends its loop after the batch in flight, drops
   * its documents, replays its events (reporting each batch to `onProgress`), and runs it live again.
   * The way to recover a `failed` projection once its cause is fixed. Throws `RebuildRefusedError`
   * at once for an unknown name, a rebuild already under way, or a projection another instance runs;
   * else the projection shows `rebuilding` from this call on and the promise settles once it runs again.
   */
  rebuild(name: string, onProgress: (progress: RebuildProgress) => void = () => undefined): Promise<RebuildResult> {
    const runner = this.runners.find((candidate) => candidate.name === name);
    if (!runner) {
      const names = this.runners.map((candidate) => candidate.name).join(', ');
      throw new RebuildRefusedError('unknown-projection', `There is no projection named '${name}'; there are ${names}.`);
    }
    return runner.rebuild(onProgress);
  }

  /** The last known state and lag of each projection; re-reads the heads in the background when stale. */
  status(): ProjectionStatus[] {
    return this.runners.map((runner) => {
      runner.refreshLagIfStale();
      return runner.status();
    });
  }

  /** `status()` after reading every head and lag now. */
  async refreshStatus(): Promise<ProjectionStatus[]> {
    await Promise.all(this.runners.map((runner) => runner.refreshLag()));
    return this.runners.map((runner) => runner.status());
  }

  /**
   * Whether every projection's checkpoint, as this instance last knew it, is at or past `position`:
   * checkpoints only move forward, so a yes needs no store read (a no may be stale).
   */
  hasApplied(position: number): boolean {
    return this.runners.every((runner) => runner.checkpoint !== null && runner.checkpoint >= position);
  }

  /**
   * Resolves true once every projection has applied all it reads up to `position` (the position an
   * append returned), false after `timeoutMs` or as soon as a projection it waits for has failed.
   * Wakes on each commit here; projections run by another instance are polled every 20 ms.
   */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.hasApplied(position)) return true;
    const deadline = Date.now() + timeoutMs;
    const targets = new Map<ProjectionRunner, number>();
    await Promise.all(
      this.runners.map(async (runner) => {
        const known = runner.knownHead;
        // A head read before `position` was stored cannot tell whether the projection sees it.
        const head = known !== null && known >= position ? known : await runner.readHead();
        const target = checkpointTarget(position, head);
        if (target !== null) targets.set(runner, target);
      }),
    );
    return this.waitForTargets(targets, deadline - Date.now());
  }

  /**
   * Resolves true once projection `name` has committed past `position` (any commit when null), false
   * after `timeoutMs` or as soon as `signal` aborts. Wakes on each commit here; while the projection
   * does not run here (another process runs it, or it is being rebuilt) its stored checkpoint is read
   * every `pollIntervalMs`. For a reader following one projection as it moves, such as a change feed.
   */
  waitForCheckpointPast(
    name: string,
    position: number | null,
    { timeoutMs, pollIntervalMs, signal }: { timeoutMs: number; pollIntervalMs: number; signal?: AbortSignal },
  ): Promise<boolean> {
    const runner = this.runners.find((candidate) => candidate.name === name);
    if (!runner) throw new Error(`There is no projection named '${name}'`);
    const passed = (checkpoint: number | null) => checkpoint !== null && (position === null || checkpoint > position);
    return new Promise((resolve) => {
      let settled = false;
      let pollTimer: NodeJS.Timeout | undefined;
      let deadlineTimer: NodeJS.Timeout | undefined;

      const settle = (moved: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadlineTimer);
        clearTimeout(pollTimer);
        this.changeListeners.delete(check);
        signal?.removeEventListener('abort', abort);
        resolve(moved);
      };
      const abort = () => settle(false);
      const poll = async () => {
        let stored: number | null = null;
        try {
          stored = (await this.readStore.getCheckpoint(name))?.position ?? null;
        } catch (error) {
          this.logger.warn(`Could not read the checkpoint of projection ${name} while waiting for it to move`, {
            projection: name,
            error,
          });
        }
        pollTimer = undefined;
        if (passed(stored)) settle(true);
        else check();
      };
      const check = (): void => {
        if (settled) return;
        if (runner.isRunning) {
          if (passed(runner.checkpoint)) settle(true);
          return;
        }
        pollTimer ??= setTimeout(() => void poll(), pollIntervalMs);
      };

      if (signal?.aborted) return settle(false);
      deadlineTimer = setTimeout(() => settle(false), Math.max(0, timeoutMs));
      signal?.addEventListener('abort', abort, { once: true });
      this.changeListeners.add(check);
      check();
    });
  }

  private waitForTargets(targets: Map<ProjectionRunner, number>, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const storedCheckpoints = new Map<string, number>();
      let settled = false;
      let pollTimer: NodeJS.Timeout | undefined;

      const settle = (reached: boolean) => {
        settled = true;
        clearTimeout(deadlineTimer);
        clearTimeout(pollTimer);
        this.changeListeners.delete(check);
        resolve(reached);
      };
      const poll = async () => {
        try {
          for (const { projection, position } of await this.readStore.listCheckpoints()) {
            storedCheckpoints.set(projection, position);
          }
        } catch (error) {
          this.logger.warn('Could not read the checkpoints while waiting for a position', { error });
        }
        pollTimer = undefined;
        check();
      };
      const check = (): void => {
        if (settled) return;
        const behind = [...targets].filter(
          ([runner, target]) =>
            !hasReached(runner.checkpoint, target) &&
            (runner.isRunning || !hasReached(storedCheckpoints.get(runner.name) ?? null, target)),
        );
        if (behind.length === 0) return settle(true);
        if (behind.some(([runner]) => runner.hasFailed)) return settle(false);
        // Only a projection running here reports its commits; the others' checkpoints move elsewhere.
        if (!pollTimer && behind.some(([runner]) => !runner.isRunning)) {
          pollTimer = setTimeout(() => void poll(), CHECKPOINT_POLL_INTERVAL_MS);
        }
      };

      const deadlineTimer = setTimeout(() => settle(false), Math.max(0, timeoutMs));
      this.changeListeners.add(check);
      check();
    });
  }
}
