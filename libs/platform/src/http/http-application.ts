import helmet from '@fastify/helmet';
import { BadRequestException, HttpStatus, type INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fresh from 'fresh';
import { Logger } from 'nestjs-pino';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { MAX_BODY_DEPTH, nestsDeeperThan } from './body-depth';
import { ErrorBodyFilter, errorBody, type ErrorBody } from './error-body.filter';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';
import { createValidationPipe } from './validation';

/** Larger bodies are refused with 413 before they are parsed; a whole plan fits many times over. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Longer path segments are refused with 414 before routing; the longest id or reference is 100 characters. */
export const MAX_PATH_SEGMENT_LENGTH = 100;

/** What to answer instead of a refusal made before any guard ran (a 429 when over a rate limit, say), or null. */
export type EarlyRefusalCheck = (request: FastifyRequest) => Promise<{ body: ErrorBody; retryAfterSeconds: number } | null>;

const earlyRefusalChecks = new WeakMap<FastifyInstance, EarlyRefusalCheck>();

/**
 * Has `check` see every error answer before it is sent, the router's refusals included (an address
 * it cannot decode, a path segment too long), which no hook of a route sees.
 */
export function checkEarlyRefusals(fastify: FastifyInstance, check: EarlyRefusalCheck): void {
  earlyRefusalChecks.set(fastify, check);
}

/**
 * Fastify with the body limit, the nesting limit, the request id that every log line and event
 * carries, and the error shape for the requests it refuses before any route is found.
 */
export function createHttpAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT_LENGTH },
    frameworkErrors: answerFrameworkError,
  });
  const fastify = adapter.getInstance();
  // Callback hooks rather than async ones: each runs on every request, and needs no promise of its own.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode < HttpStatus.BAD_REQUEST) return done(null, payload);
    answerEarlyRefusal(request, reply, payload).then((answer) => done(null, answer), done);
  });
  // Before the validation pipe, whose recursive walks are what a deeply nested body would overflow.
  fastify.addHook('preValidation', (request, _reply, done) => done(bodyRefusal(request.body)));
  fastify.addHook('onSend', (request, reply, payload, done) => done(null, isNotModified(request, reply) ? notModified(reply) : payload));
  return adapter;
}

/** A refusal made before any guard ran is counted by the early refusal check, and may become its 429. */
async function answerEarlyRefusal(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const instead = await earlyRefusalChecks.get(request.server)?.(request);
  if (!instead) return payload;
  void reply.code(instead.body.statusCode).header('Retry-After', String(instead.retryAfterSeconds));
  return JSON.stringify(instead.body);
}

function bodyRefusal(body: unknown): BadRequestException | undefined {
  // A file sent as it is (a workbook to import) is read by the route's own reader, not walked as JSON.
  if (body === undefined || Buffer.isBuffer(body)) return undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return new BadRequestException('The body must be a JSON object.');
  }
  if (nestsDeeperThan(body, MAX_BODY_DEPTH)) {
    return new BadRequestException(`The body nests objects and lists more than ${MAX_BODY_DEPTH} levels deep; no request needs that many.`);
  }
  return undefined;
}

/**
 * A read whose answer carries the ETag the client already holds (`If-None-Match`) is answered 304
 * without a body, as HTTP says; `fresh` does the comparison (weak tags, lists, `*`, `no-cache`).
 */
function isNotModified(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (reply.statusCode !== HttpStatus.OK || request.headers['if-none-match'] === undefined) return false;
  const etag = reply.getHeader('etag');
  return typeof etag === 'string' && fresh(request.headers, { etag });
}

function notModified(reply: FastifyReply): string {
  void reply.code(HttpStatus.NOT_MODIFIED).removeHeader('content-type').removeHeader('content-length');
  return '';
}

/** What Fastify's router refuses (an address it cannot decode, a path segment too long), in the one error shape. */
async function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const status = error.statusCode ?? HttpStatus.BAD_REQUEST;
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `The address is too long: each part of its path may be at most ${MAX_PATH_SEGMENT_LENGTH} characters.`
      : 'The address is not valid: a %-escape in it does not stand for UTF-8 text.';
  void reply.header(REQUEST_ID_HEADER, request.id);
  const instead = await earlyRefusalChecks.get(request.server)?.(request);
  if (instead) {
    void reply.status(instead.body.statusCode).header('Retry-After', String(instead.retryAfterSeconds)).send(instead.body);
    return;
  }
  void reply.status(status).send(errorBody(status, message));
}

export interface OpenApiOptions {
  title: string;
  description: string;
  version: string;
  /** What the application adds to the document Nest draws from its decorators. */
  complete?: (document: OpenAPIObject) => OpenAPIObject;
}

/**
 * What both applications share around their modules: pino as Nest's logger, security headers, the
 * error shape, input validation, HTTP metrics, graceful shutdown on SIGTERM/SIGINT, and optionally
 * the OpenAPI document at `/docs` and `/docs-json`. Call before `listen` or `init`.
 */
export async function configureHttpApplication(app: NestFastifyApplication, openApi?: OpenApiOptions): Promise<void> {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const headers = await securityHeaders();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorBodyFilter());
  recordHttpMetrics(app);
  if (openApi) documentApi(app, openApi);
  // process.exit (rather than re-raising the signal) lets pino write its last lines before the end.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
}

/** Every directive is a constant, so helmet's headers are the same for every request. */
const SECURITY_HEADER_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      // The API documentation page styles itself inline and draws its logo from a data: URL.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      // TLS usually ends at a proxy; upgrading would break the documentation page served over plain HTTP.
      upgradeInsecureRequests: null,
    },
  },
};

/**
 * The security headers `@fastify/helmet` sets with our options, taken once from the plugin itself on
 * a server of its own: registered on the application, it would build helmet's middleware and parse
 * the policy's directives again for every request, for the same headers each time.
 */
async function securityHeaders(): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, SECURITY_HEADER_OPTIONS);
  // Helmet sets its headers on the raw response before the handler runs; Fastify's own come later.
  probe.get('/', async (_request, reply) => reply.raw.getHeaders());
  try {
    return (await probe.inject({ method: 'GET', url: '/' })).json<Record<string, string>>();
  } finally {
    await probe.close();
  }
}

function recordHttpMetrics(app: NestFastifyApplication): void {
  const duration = app.get(PlatformMetrics).httpRequestDuration;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      // The route pattern, not the URL, so that ids do not make a new series each.
      const route = request.routeOptions.url ?? 'unmatched';
      duration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
}

function documentApi(app: INestApplication, { title, description, version, complete = (document) => document }: OpenApiOptions): void {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion(version)
    .setOpenAPIVersion('3.0.3')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup('docs', app, () => complete(SwaggerModule.createDocument(app, config, { operationIdFactory })), {
    jsonDocumentUrl: 'docs-json',
  });
}

/**
 * What a generated client names each call: the controller's subject and the method, `prioritiesAdd`
 * for `PrioritiesController.add`, `prioritiesRead` for `PrioritiesReadController.read`.
 */
function operationIdFactory(controllerKey: string, methodKey: string): string {
  const subject = controllerKey.replace(/Controller$/, '').replace(/Read$/, methodKey === 'read' ? '' : 'Read');
  return `${subject.charAt(0).toLowerCase()}${subject.slice(1)}${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
}
