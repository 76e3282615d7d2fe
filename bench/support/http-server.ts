/**
 * A server for the HTTP benchmarks, run as a child process so the load generator has the other core:
 * `api` is the real API (AppModule, as `main.ts` builds it, with the environment the parent set),
 * `projector` the projection worker (`apps/projector`, for an API with `PROJECTOR_MODE=external`);
 * `bare-fastify` and `bare-node` are the tiny baselines, routes that parse the same JSON body and
 * answer a small document with no application behind them; `bare-plan-read` and `bare-command` do
 * the physical work of a plan read and of a command on the stores the API left in `DATA_DIR`, with
 * nothing else. Listens on 127.0.0.1, port 0, and tells the parent its port over IPC.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { planKey, planStreamId } from '@app/domain';
import { BODY_LIMIT_BYTES, configureHttpApplication, createHttpAdapter } from '@app/platform';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BENCH_COUNCIL } from './synthetic-plans';

export type ServerKind = 'api' | 'projector' | 'bare-fastify' | 'bare-node' | 'bare-plan-read' | 'bare-command';

/** What the parent hears once the server listens. */
export interface ServerReady {
  port: number;
}

const BARE_ANSWER = { ok: true };

async function startApi(): Promise<number> {
  const { API_DOCUMENT, AppModule } = await import('../../apps/api/src/app.module');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureHttpApplication(app, API_DOCUMENT);
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

async function startProjector(): Promise<number> {
  const { ProjectorAppModule } = await import('../../apps/projector/src/projector-app.module');
  const app = await NestFactory.create<NestFastifyApplication>(ProjectorAppModule, createHttpAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureHttpApplication(app);
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

async function listen(server: FastifyInstance): Promise<number> {
  await server.listen({ port: 0, host: '127.0.0.1' });
  return (server.server.address() as AddressInfo).port;
}

async function startBareFastify(): Promise<number> {
  const server = fastify({ bodyLimit: BODY_LIMIT_BYTES });
  server.post('/bare/:id', async (request) => ({ ...BARE_ANSWER, fields: Object.keys(request.body as object).length }));
  server.get('/bare/:id', async () => BARE_ANSWER);
  return listen(server);
}

function dataDir(): string {
  const dir = process.env.DATA_DIR;
  if (!dir) throw new Error('The bare store routes need DATA_DIR, the stores the API left behind');
  return dir;
}

/** With the adapters' pragmas, so that a commit costs what theirs does. */
function openAsTheAdaptersDo(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

/**
 * The physical limit of a plan read: the stored plan-view document looked up by its key in the
 * read store's own table and its text sent as it is, with no parsing, no authentication, no ETag.
 */
async function startBarePlanRead(): Promise<number> {
  const db = openAsTheAdaptersDo(join(dataDir(), 'read.db'));
  const select = db.prepare(`SELECT body FROM documents WHERE collection = 'plans' AND id = ?`).pluck();
  const server = fastify({ bodyLimit: BODY_LIMIT_BYTES });
  server.get<{ Params: { id: string } }>('/bare/:id', async (request, reply) => {
    const body = select.get(planKey(BENCH_COUNCIL, request.params.id)) as string | undefined;
    if (body === undefined) return reply.code(404).send(BARE_ANSWER);
    return reply.type('application/json; charset=utf-8').send(body);
  });
  return listen(server);
}

interface PendingCommand {
  planId: string;
  body: unknown;
  done: (position: number) => void;
  failed: (error: unknown) => void;
}

/**
 * The physical limit of a command: the body parsed, one event appended to the plan's stream and its
 * plan document (the stored text, about a plan's size) rewritten, in one transaction over the event
 * store's file with the read store's attached. The commands that arrive in one turn of the event loop
 * share that transaction, as the event store's group commit and the projector's batches share theirs;
 * without that the bare route would be slower than the API it bounds.
 */
async function startBareCommand(): Promise<number> {
  const db = openAsTheAdaptersDo(join(dataDir(), 'events.db'));
  db.prepare('ATTACH DATABASE ? AS reads').run(join(dataDir(), 'read.db'));
  // As the read store opens its file: derived documents, replayable, need no fsync of their own.
  db.pragma('reads.synchronous = NORMAL');
  const heads = new Map(
    (db.prepare('SELECT stream_id, MAX(revision) AS head FROM events GROUP BY stream_id').all() as Array<{ stream_id: string; head: number }>).map(
      (row) => [row.stream_id, row.head],
    ),
  );
  const planTexts = new Map(
    (db.prepare(`SELECT id, body FROM reads.documents WHERE collection = 'plans'`).all() as Array<{ id: string; body: string }>).map((row) => [
      row.id,
      row.body,
    ]),
  );
  const append = db.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, 'ProgressRecorded', ?, ?, ?)`,
  );
  const rewrite = db.prepare(`UPDATE reads.documents SET body = ? WHERE collection = 'plans' AND id = ?`);
  const metadata = JSON.stringify({ actor: { id: 'bench', name: 'Bench Caller', role: 'officer' }, schemaVersion: 1 });
  const commit = db.transaction((commands: PendingCommand[]) =>
    commands.map(({ planId, body }) => {
      const key = planKey(BENCH_COUNCIL, planId);
      const streamId = planStreamId(key);
      const revision = (heads.get(streamId) ?? -1) + 1;
      const { lastInsertRowid } = append.run(streamId, revision, randomUUID(), JSON.stringify(body), metadata, new Date().toISOString());
      heads.set(streamId, revision);
      rewrite.run(planTexts.get(key) ?? '{}', key);
      return Number(lastInsertRowid);
    }),
  );
  let pending: PendingCommand[] = [];
  const flush = () => {
    const commands = pending;
    pending = [];
    try {
      commit.immediate(commands).forEach((position, index) => commands[index].done(position));
    } catch (error) {
      for (const command of commands) command.failed(error);
    }
  };

  const server = fastify({ bodyLimit: BODY_LIMIT_BYTES });
  server.post<{ Params: { id: string } }>('/bare/:id', (request) =>
    new Promise<{ ok: boolean; position: number }>((done, failed) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ planId: request.params.id, body: request.body, done: (position) => done({ ok: true, position }), failed });
    }),
  );
  return listen(server);
}

function startBareNode(): Promise<number> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const fields = chunks.length ? Object.keys(JSON.parse(Buffer.concat(chunks).toString('utf8'))).length : 0;
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ ...BARE_ANSWER, fields }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

const starters: Record<ServerKind, () => Promise<number>> = {
  api: startApi,
  projector: startProjector,
  'bare-fastify': startBareFastify,
  'bare-node': startBareNode,
  'bare-plan-read': startBarePlanRead,
  'bare-command': startBareCommand,
};

const kind = process.argv[2] as ServerKind;
starters[kind]()
  .then((port) => process.send?.({ port } satisfies ServerReady))
  .catch((error: unknown) => {
    process.stderr.write(`The ${kind} server did not start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
