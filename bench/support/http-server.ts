/**
 * A server for the HTTP benchmarks, run as a child process so the load generator has the other core:
 * `api` is the real API (AppModule, as `main.ts` builds it, with the environment the parent set);
 * `bare-fastify` and `bare-node` are the baselines, routes that parse the same JSON body and answer
 * a small document with no application behind them. Listens on 127.0.0.1, port 0, and tells the
 * parent its port over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fastify from 'fastify';
import { BODY_LIMIT_BYTES, configureHttpApplication, createHttpAdapter } from '@app/platform';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export type ServerKind = 'api' | 'bare-fastify' | 'bare-node';

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

async function startBareFastify(): Promise<number> {
  const server = fastify({ bodyLimit: BODY_LIMIT_BYTES });
  server.post('/bare/:id', async (request) => ({ ...BARE_ANSWER, fields: Object.keys(request.body as object).length }));
  server.get('/bare/:id', async () => BARE_ANSWER);
  await server.listen({ port: 0, host: '127.0.0.1' });
  return (server.server.address() as AddressInfo).port;
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
  'bare-fastify': startBareFastify,
  'bare-node': startBareNode,
};

const kind = process.argv[2] as ServerKind;
starters[kind]()
  .then((port) => process.send?.({ port } satisfies ServerReady))
  .catch((error: unknown) => {
    process.stderr.write(`The ${kind} server did not start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
