import { InvalidHeaderError } from '@app/application-errors';
import { canonicalJson } from '@app/domain';
import { requestIdOf } from '@app/platform/http/request-id';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ACCESS_METADATA_KEY, type Operation } from '../../auth/access-table';
import type { Caller } from '../../auth/caller';
import { createParamDecorator, type ExecutionContext } from '../nest';

/**
 * What a command request says about itself, beside its body's meaning: which operation it is (as the
 * access table names it), its ids for tracing, and the optional `Idempotency-Key` and `If-Match`.
 */
export interface RequestTrace {
  operation: Operation;
  requestId: string;
  correlationId: string;
  idempotencyKey: string | null;
  /** The plan revision named by `If-Match`, or null when the header is absent. */
  expectedRevision: number | null;
  /** "POST /v1/plans/<id>/priorities": with the body, what an Idempotency-Key is bound to. */
  route: string;
  /** The body as the client sent it, before validation converted it. */
  body: unknown;
}

const CORRELATION_ID_HEADER = 'x-correlation-id';
const ACCEPTABLE_HEADER_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const ACCEPTABLE_IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const IF_MATCH_REVISION = /^(?:W\/)?"?(\d{1,15})"?$/;

interface FastifyLikeRequest {
  raw: IncomingMessage & { id?: unknown };
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

function singleHeader(request: FastifyLikeRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : null;
}

function parseIfMatch(header: string | null): number | null {
  if (header === null) return null;
  const match = IF_MATCH_REVISION.exec(header);
  if (!match) throw new InvalidHeaderError('If-Match', 'must be the plan\'s revision in quotes, as its ETag gives it, such as "3"');
  return Number(match[1]);
}

function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  if (!ACCEPTABLE_IDEMPOTENCY_KEY.test(header)) {
    throw new InvalidHeaderError('Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
  }
  return header;
}

export const CommandTrace = createParamDecorator((_: unknown, context: ExecutionContext): RequestTrace => {
  const request = context.switchToHttp().getRequest<FastifyLikeRequest>();
  const operation = Reflect.getMetadata(ACCESS_METADATA_KEY, context.getHandler()) as Operation | undefined;
  if (!operation) throw new Error(`${context.getClass().name}.${context.getHandler().name} has no @Access operation`);
  const requestId = requestIdOf(request.raw);
  const correlationId = singleHeader(request, CORRELATION_ID_HEADER);
  return {
    operation,
    requestId,
    correlationId: correlationId && ACCEPTABLE_HEADER_ID.test(correlationId) ? correlationId : requestId,
    idempotencyKey: parseIdempotencyKey(singleHeader(request, 'idempotency-key')),
    expectedRevision: parseIfMatch(singleHeader(request, 'if-match')),
    route: `${request.method} ${request.url.split('?')[0]}`,
    body: request.body ?? null,
  };
});

/** SHA-256 of the caller, the route and the canonical body: what an Idempotency-Key is bound to. */
export function hashRequest(caller: Caller, { route, body }: RequestTrace): string {
  return createHash('sha256').update(canonicalJson({ callerId: caller.id, route, body })).digest('hex');
}
