import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { resolve } from 'node:path';

/** Where `npm run build:console` (run by `npm start`) writes the console's files. */
export const CONSOLE_FILES_DIR = resolve(process.cwd(), 'dist', 'console');

/**
 * Stricter than the API's own policy (whose documentation page needs inline styles): every script,
 * style, font and image comes from the API's origin, nothing inline, no frames, and the pages may
 * call only the API they are served by.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the read-only console at /console. Its pages call the same /v1 routes with the caller's
 * bearer token, so they can show nothing the caller could not read; the files themselves hold no
 * data and need no token. Call after `configureHttpApplication`, whose helmet headers this
 * narrower policy replaces for these files only.
 */
export async function serveConsole(app: NestFastifyApplication, filesDir: string = CONSOLE_FILES_DIR): Promise<void> {
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('Content-Security-Policy', CONSOLE_CONTENT_SECURITY_POLICY);
      return payload;
    });
    // `/console` as typed is sent on to `/console/`, whose relative links the pages' files are found by.
    await scope.register(fastifyStatic, { root: filesDir, prefix: '/console', redirect: true, index: 'index.html' });
  });
}
