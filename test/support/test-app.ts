/**
 * Boots the real API (`AppModule`, configured as `npm start` configures it) on the embedded SQLite
 * stores in a fresh temporary `DATA_DIR`, with the projector running in-process. Requests go through
 * Fastify's `inject`, without a socket.
 *
 *   const api = await startTestApp();
 *   const response = await api.inject({ method: 'GET', url: '/health' });
 *   const events = api.get<EventStore>(EVENT_STORE);
 *   await api.close();   // in afterAll/afterEach: stops the projector, closes the stores, removes DATA_DIR
 */
import { configureHttpApplication, createHttpAdapter } from '@app/platform';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_DOCUMENT, AppModule } from '../../apps/api/src/app.module';

export interface TestApp {
  app: NestFastifyApplication;
  /** The temporary folder holding `events.db` and `read.db`. */
  dataDir: string;
  inject(request: InjectOptions): Promise<Response>;
  /** A provider of the running application, e.g. `get<EventStore>(EVENT_STORE)` or `get(Projector)`. */
  get<T>(token: Type<T> | string | symbol): T;
  close(): Promise<void>;
}

/** Settings the tests must not inherit from the shell, so that they always run embedded. */
const STORE_SETTINGS = ['EVENTSTORE_CONNECTION_STRING', 'MONGODB_URI', 'PROJECTOR_MODE'];

/**
 * `env` sets or overrides settings for this app only (e.g. `{ METRICS_ENABLED: 'false' }`); the
 * process environment is restored once the app is built. Logs go to stdout at `LOG_LEVEL`, `error`
 * unless given. Rejects as `npm start` would fail, e.g. with a `ConfigurationError`.
 */
export async function startTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-tracking-test-'));
  const saved = { ...process.env };
  for (const name of STORE_SETTINGS) delete process.env[name];
  Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: 'error' }, options.env);
  let app: NestFastifyApplication;
  try {
    app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), {
      bufferLogs: true,
      autoFlushLogs: false,
      abortOnError: false,
    });
    await configureHttpApplication(app, API_DOCUMENT);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    process.env = saved;
  }
  return {
    app,
    dataDir,
    inject: (request) => app.getHttpAdapter().getInstance().inject(request),
    get: <T>(token: Type<T> | string | symbol) => app.get<T>(token),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
