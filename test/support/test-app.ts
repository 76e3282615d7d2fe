/**
 * Boots the real API (`AppModule`, configured as `npm start` configures it) on the embedded SQLite
 * stores in a fresh temporary `DATA_DIR`, with the projector running in-process. Requests go through
 * Fastify's `inject`, without a socket.
 *
 *   const api = await startTestApp();
 *   const response = await api.inject({ method: 'GET', url: '/health' });
 *   const answer = await api.send({ method: 'GET', url: '/v1/plans', as: 'auditor' });
 *   const events = api.get<EventStore>(EVENT_STORE);
 *   await api.close();   // in afterAll/afterEach: stops the projector, closes the stores, removes DATA_DIR
 */
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { openEventStore } from '@app/event-store/nest';
import { APP_CONFIG, configureHttpApplication, createHttpAdapter, type AppConfig } from '@app/platform';
import { Test, type TestingModule } from '@nestjs/testing';
import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_DOCUMENT, AppModule } from '../../apps/api/src/app.module';
import { serveConsole } from '../../apps/api/src/console/serve-console';
import type { Role } from '../../apps/api/src/auth/caller';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { SHELL_SETTINGS } from './shell-settings';
import { authHeader, callerWithRole, type TestCaller } from './tokens';

export interface Send {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** A role of Hart's council (or the operator, of none), or a full test caller. */
  as: Role | TestCaller;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  body: any;
  /** The body as sent, for comparing answers byte for byte. */
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** The folder holding `events.db`, `read.db` and the token secret. */
  dataDir: string;
  inject(request: InjectOptions): Promise<Response>;
  /** The request with a bearer token for `as`, its answer's JSON body parsed. */
  send(request: Send): Promise<Answer>;
  /** The Authorization header for a caller, minted once per caller. */
  authFor(as: Role | TestCaller): Promise<Record<string, string>>;
  /** A provider of the running application, e.g. `get<EventStore>(EVENT_STORE)` or `get(Projector)`. */
  get<T>(token: Type<T> | string | symbol): T;
  /** `keepData` leaves the data folder for another app to start on; one given to `startTestApp` is always left. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export interface TestAppOptions {
  /** Settings for this app only, e.g. `{ METRICS_ENABLED: 'false' }`. */
  env?: Record<string, string>;
  /** Start on this data folder (e.g. to restart on another app's data); the caller removes it. */
  dataDir?: string;
  /** Modules added beside `AppModule`, e.g. one with a probe controller. */
  modules?: Type[];
  /** Wraps the event store the app opens (a test double that stops part-way, say); the app's own, counted, when absent. */
  wrapEventStore?: (opened: EventStore) => EventStore;
}

/**
 * The process environment is restored once the app is built. Logs go to stdout at `LOG_LEVEL`,
 * `silent` unless given: the tests that provoke failures on purpose (an unreadable event, a store
 * gone) would otherwise print their expected error lines into a green run. Give `env: { LOG_LEVEL:
 * 'error' }` to see a test app's errors. Rejects as `npm start` would fail, e.g. with a
 * `ConfigurationError`.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'plan-tracking-test-'));
  const removeDataDir = () => {
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const saved = { ...process.env };
  for (const name of SHELL_SETTINGS) delete process.env[name];
  Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, options.env);
  let app: NestFastifyApplication;
  try {
    const root = rootModule(options.modules ?? []);
    const settings = { bufferLogs: true, autoFlushLogs: false, abortOnError: false };
    app = options.wrapEventStore
      ? (await withEventStore(root, options.wrapEventStore)).createNestApplication<NestFastifyApplication>(createHttpAdapter(), settings)
      : await NestFactory.create<NestFastifyApplication>(root, createHttpAdapter(), settings);
    await configureHttpApplication(app, API_DOCUMENT);
    await serveConsole(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    removeDataDir();
    throw error;
  } finally {
    process.env = saved;
  }
  const inject = (request: InjectOptions) => app.getHttpAdapter().getInstance().inject(request);
  const tokens = new Map<string, Record<string, string>>();
  const authFor = async (as: Role | TestCaller): Promise<Record<string, string>> => {
    const caller: TestCaller = typeof as === 'string' ? callerWithRole(as, HART_PLAN.council) : as;
    const key = JSON.stringify(caller);
    let header = tokens.get(key);
    if (!header) {
      header = await authHeader(dataDir, caller);
      tokens.set(key, header);
    }
    return header;
  };
  return {
    app,
    dataDir,
    inject,
    authFor,
    send: async ({ method, url, as, body, headers }) => {
      const response = await inject({
        method,
        url,
        headers: { ...(await authFor(as)), ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return {
        status: response.statusCode,
        body: isJson(response) ? response.json() : null,
        text: response.body,
        headers: response.headers,
      };
    },
    get: <T>(token: Type<T> | string | symbol) => app.get<T>(token),
    close: async (closing = {}) => {
      await app.close();
      if (!closing.keepData) removeDataDir();
    },
  };
}

/** A JSON answer, as opposed to one of JSON Lines (`application/x-ndjson`), text or nothing. */
export function isJson(response: { body: string; headers: Record<string, unknown> }): boolean {
  return response.body !== '' && /[/+]json\b/.test(String(response.headers['content-type']));
}

function withEventStore(root: Type, wrap: (opened: EventStore) => EventStore): Promise<TestingModule> {
  return Test.createTestingModule({ imports: [root] })
    .overrideProvider(EVENT_STORE)
    .useFactory({ factory: (config: AppConfig) => wrap(openEventStore(config)), inject: [APP_CONFIG] })
    .compile();
}

function rootModule(modules: Type[]): Type {
  if (modules.length === 0) return AppModule;
  @Module({ imports: [AppModule, ...modules] })
  class AppWithTestModules {}
  return AppWithTestModules;
}
