import type { ProjectionFailedError, ProjectionFailureDetails } from './project-batch';
import type { RebuildProgress } from './rebuild';

/** The little the projector needs from a logger; the caller adapts pino or Nest's Logger to it. */
export interface ProjectorLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Hooks for metrics (e.g. prom-client counters and histograms), kept free of any metrics library. */
export interface ProjectorObserver {
  onBatchApplied?(projection: string, events: number, durationMs: number): void;
  onFailure?(projection: string, error: ProjectionFailedError): void;
}

/**
 * `catching-up`: running, behind the newest event it reads; `live`: running and caught up;
 * `failed`: stopped by an error in its own code until the projector restarts or rebuilds it;
 * `standby`: another instance holds its lease; `stopped`: not running here; `rebuilding`: its
 * documents were dropped and its events are being replayed here, after which it runs again.
 */
export type ProjectionState = 'catching-up' | 'live' | 'failed' | 'standby' | 'stopped' | 'rebuilding';

export interface ProjectionStatus {
  name: string;
  /** The version of the projection's code running here. */
  version: number;
  state: ProjectionState;
  /** Position of the last event applied, or null before the first. */
  checkpoint: number | null;
  /** Newest event the projection reads, as last seen (refreshed at most every 250 ms). */
  headPosition: number | null;
  /** Events not applied yet; absent when there are too many to count cheaply. */
  lagEvents?: number;
  /** Age of the oldest event not applied yet; 0 when caught up. */
  lagSeconds: number;
  error?: ProjectionFailureDetails;
  /** How far the replay has gone, while `rebuilding`. */
  rebuild?: RebuildProgress;
}
