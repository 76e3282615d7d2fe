import { resolve } from 'node:path';
import { ConfigurationError, flag, text, type Environment } from './env-settings';

export { ConfigurationError } from './env-settings';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const PROJECTOR_MODES = ['in-process', 'external'] as const;

/**
 * The schemes `@eventstore/db-client` 6.2.1 parses; it throws at start-up on any other, the newer
 * `kurrentdb://` included.
 */
export const EVENT_STORE_SCHEMES = ['esdb://', 'esdb+discover://'] as const;
export type ProjectorMode = (typeof PROJECTOR_MODES)[number];

/** The validated settings of both applications, read once from the environment at start-up. */
export interface AppConfig {
  port: number;
  /** Port of the standalone projector's `/health` and `/metrics`. */
  projectorPort: number;
  /** Absolute path of the folder holding the embedded stores' `events.db` and `read.db`. */
  dataDir: string;
  /** Set: events live in EventStoreDB; null: in SQLite under `dataDir`. */
  eventStoreConnectionString: string | null;
  /** Set: read models live in MongoDB; null: in SQLite under `dataDir`. */
  mongodbUri: string | null;
  projectorMode: ProjectorMode;
  /**
   * How long a projector's lease on a projection lasts unless renewed (every third of it): the
   * longest a projection waits before another projector takes it over from one that died.
   */
  projectorLeaseTtlMs: number;
  logLevel: LogLevel;
  metricsEnabled: boolean;
}

/**
 * Reads and checks every setting. Throws a ConfigurationError whose message says, in one sentence,
 * which setting is wrong, what it must be and what it was, so an operator can fix it at once.
 */
export function parseAppConfig(env: Environment): AppConfig {
  const eventStoreConnectionString = optionalUrl(
    env,
    'EVENTSTORE_CONNECTION_STRING',
    EVENT_STORE_SCHEMES,
    'the EventStoreDB client reads no other, and a kurrentdb:// address works written with esdb://',
  );
  const mongodbUri = optionalUrl(env, 'MONGODB_URI', ['mongodb://', 'mongodb+srv://']);
  const embedded = eventStoreConnectionString === null && mongodbUri === null;
  return {
    port: portNumber(env, 'PORT', 3000),
    projectorPort: portNumber(env, 'PROJECTOR_PORT', 3001),
    dataDir: resolve(text(env, 'DATA_DIR') ?? './data'),
    eventStoreConnectionString,
    mongodbUri,
    projectorMode: oneOf(env, 'PROJECTOR_MODE', PROJECTOR_MODES, embedded ? 'in-process' : 'external'),
    projectorLeaseTtlMs: wholeNumber(env, 'PROJECTOR_LEASE_TTL_SECONDS', 15, { min: 1, max: 3600 }) * 1000,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    metricsEnabled: flag(env, 'METRICS_ENABLED', true),
  };
}

function portNumber(env: Environment, name: string, fallback: number): number {
  return wholeNumber(env, name, fallback, { min: 1, max: 65535 });
}

function wholeNumber(env: Environment, name: string, fallback: number, range: { min: number; max: number }): number {
  const value = text(env, name);
  if (value === null) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < range.min || number > range.max) {
    throw new ConfigurationError(`${name} must be a whole number between ${range.min} and ${range.max}, got '${value}'.`);
  }
  return number;
}

function oneOf<T extends string>(env: Environment, name: string, allowed: readonly T[], fallback: T): T {
  const value = text(env, name);
  if (value === null) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(`${name} must be one of ${allowed.join(', ')}, got '${value}'.`);
  }
  return value as T;
}

function optionalUrl(env: Environment, name: string, schemes: readonly string[], why?: string): string | null {
  const value = text(env, name);
  if (value === null) return null;
  if (!schemes.some((scheme) => value.startsWith(scheme))) {
    // The value may hold a password, so only its scheme is echoed.
    const scheme = value.includes('://') ? value.slice(0, value.indexOf('://') + 3) : 'no scheme';
    throw new ConfigurationError(`${name} must start with ${schemes.join(' or ')}, got ${scheme}${why ? `: ${why}` : ''}.`);
  }
  return value;
}
