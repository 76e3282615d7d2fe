import helmet from '@fastify/helmet';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { ErrorBodyFilter } from './error-body.filter';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';
import { createValidationPipe } from './validation';

/** Larger bodies are refused with 413 before they are parsed; a whole plan fits many times over. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Fastify with the body limit and the request id that every log line and event carries. */
export function createHttpAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, genReqId: requestIdOf });
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  return adapter;
}

export interface OpenApiOptions {
  title: string;
  description: string;
  version: string;
}

/**
 * What both applications share around their modules: pino as Nest's logger, security headers, the
 * error shape, input validation, HTTP metrics, graceful shutdown on SIGTERM/SIGINT, and optionally
 * the OpenAPI document at `/docs` and `/docs-json`. Call before `listen` or `init`.
 */
export async function configureHttpApplication(app: NestFastifyApplication, openApi?: OpenApiOptions): Promise<void> {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // The API documentation page styles itself inline and draws its logo from a data: URL.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // TLS usually ends at a proxy; upgrading would break the documentation page served over plain HTTP.
        upgradeInsecureRequests: null,
      },
    },
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorBodyFilter());
  recordHttpMetrics(app);
  if (openApi) documentApi(app, openApi);
  // process.exit (rather than re-raising the signal) lets pino write its last lines before the end.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
}

function recordHttpMetrics(app: NestFastifyApplication): void {
  const duration = app.get(PlatformMetrics).httpRequestDuration;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      // The route pattern, not the URL, so that ids do not make a new series each.
      const route = request.routeOptions.url ?? 'unmatched';
      duration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
}

function documentApi(app: INestApplication, { title, description, version }: OpenApiOptions): void {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
  });
}
