import { ApplicationError, type ApplicationErrorKind, type ApplicationErrorOfKind, RefusalAtRevision } from '@app/application-errors';
import { DomainError, type DomainErrorKind } from '@app/domain/domain-error';
import { WrongExpectedVersionError } from '@app/event-store/event-store.errors';
import { InvalidCursorError } from '@app/read-store/read-store.errors';
import { StoreUnavailableError } from '@app/storage/store-unavailable.error';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

/**
 * The one shape of every error answer. `message` is a list only for a 400 naming the fields or
 * headers at fault, as the validation pipe names them. A refused plan command (409, 412, 422) also says the revision the plan's stream is at;
 * `currentVersion` repeats it for clients written before it was named `currentRevision`.
 */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  currentRevision?: number;
  currentVersion?: number;
  /** For a refused import (422): every problem, by sheet, row and column. */
  problems?: ReadonlyArray<{ sheet: string; row: number | null; column: string | null; message: string }>;
}

const STATUS_OF_DOMAIN_ERROR: Record<DomainErrorKind, number> = {
  'rule-broken': HttpStatus.UNPROCESSABLE_ENTITY,
  'not-found': HttpStatus.NOT_FOUND,
  'already-exists': HttpStatus.CONFLICT,
};

/** How the answer to one kind of application error differs from `{ status, its message }`. */
interface ApplicationAnswer {
  status: number;
  /** The message as the body carries it, when not the error's own. */
  message?: string[];
  /** Sent as `Retry-After`. */
  retryAfterSeconds?: number;
  /** More of the body than status and message. */
  details?: Pick<ErrorBody, 'problems'>;
}

/** Long enough for a load balancer to have taken a stopping instance out of its pool. */
const SHUTDOWN_RETRY_AFTER_SECONDS = 2;

/** The status of every application error, decided here alone; a new kind does not compile until it is added. */
const APPLICATION_ANSWERS: { [K in ApplicationErrorKind]: (error: ApplicationErrorOfKind[K]) => ApplicationAnswer } = {
  'plan-not-found': () => ({ status: HttpStatus.NOT_FOUND }),
  'corporate-plan-not-found': () => ({ status: HttpStatus.NOT_FOUND }),
  'indicator-series-not-found': () => ({ status: HttpStatus.NOT_FOUND }),
  'not-assigned-to-service': () => ({ status: HttpStatus.FORBIDDEN }),
  'revision-mismatch': () => ({ status: HttpStatus.PRECONDITION_FAILED }),
  'plan-kept-changing': () => ({ status: HttpStatus.CONFLICT }),
  'idempotency-key-reused': () => ({ status: HttpStatus.UNPROCESSABLE_ENTITY }),
  'plan-command-refused': ({ refusal }) => ({ status: STATUS_OF_DOMAIN_ERROR[refusal.kind] }),
  'projections-behind': ({ retryAfterSeconds }) => ({ status: HttpStatus.SERVICE_UNAVAILABLE, retryAfterSeconds }),
  'invalid-parameter': () => ({ status: HttpStatus.BAD_REQUEST }),
  // Listed, as the validation pipe lists the fields of a body or a query: headers are checked as they are.
  'invalid-header': ({ message }) => ({ status: HttpStatus.BAD_REQUEST, message: [message] }),
  'unknown-projection': () => ({ status: HttpStatus.NOT_FOUND }),
  'rebuild-unavailable': () => ({ status: HttpStatus.CONFLICT }),
  'answer-format-not-offered': () => ({ status: HttpStatus.NOT_ACCEPTABLE }),
  'spreadsheet-of-failed-integrity': () => ({ status: HttpStatus.UNPROCESSABLE_ENTITY }),
  'too-many-change-streams': () => ({ status: HttpStatus.TOO_MANY_REQUESTS }),
  'service-shutting-down': () => ({ status: HttpStatus.SERVICE_UNAVAILABLE, retryAfterSeconds: SHUTDOWN_RETRY_AFTER_SECONDS }),
  'import-refused': ({ problems }) => ({ status: HttpStatus.UNPROCESSABLE_ENTITY, details: { problems } }),
  'unreadable-import': () => ({ status: HttpStatus.BAD_REQUEST }),
  'import-format-not-supported': () => ({ status: HttpStatus.UNSUPPORTED_MEDIA_TYPE }),
};

function applicationAnswer(error: ApplicationError): ApplicationAnswer {
  // Indexed by the error's own kind, so the entry takes exactly this error's class.
  return (APPLICATION_ANSWERS[error.kind] as (error: ApplicationError) => ApplicationAnswer)(error);
}

/**
 * Turns every error into `{ statusCode, error, message }`: application errors get the status of their
 * kind (and `currentRevision` when they state one), HTTP exceptions of the edge (guards, validation)
 * keep their status and message, domain refusals get the status of their kind and keep their
 * sentence, a paging cursor the store did not issue is a 400 naming `cursor`, a store that cannot
 * be used is a 503, anything else is a 500 whose details go to the log, never to the caller.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    if (exception instanceof ApplicationError) {
      const { status, message, retryAfterSeconds, details } = applicationAnswer(exception);
      if (retryAfterSeconds !== undefined) void reply.header('Retry-After', String(retryAfterSeconds));
      void reply.status(status).send({ ...errorBody(status, message ?? exception.message), ...revisionStatedBy(exception), ...details });
      return;
    }
    const body = this.bodyFor(exception, http.getRequest<FastifyRequest>());
    void reply.status(body.statusCode).send(body);
  }

  private bodyFor(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof DomainError) return errorBody(STATUS_OF_DOMAIN_ERROR[exception.kind], exception.message);
    // A cursor is handed back by the caller, so one this service did not issue is the caller's mistake.
    if (exception instanceof InvalidCursorError) return errorBody(HttpStatus.BAD_REQUEST, `cursor: ${exception.message}.`);
    if (exception instanceof WrongExpectedVersionError) {
      return errorBody(HttpStatus.CONFLICT, 'The plan was changed by someone else at the same time; reload it and try again.');
    }
    if (exception instanceof StoreUnavailableError) {
      // The operator's sentence names files and servers; the caller learns only that it was not done.
      this.logger.error({ requestId: request.id, store: exception.store, fault: exception.fault }, exception.message);
      return errorBody(
        HttpStatus.SERVICE_UNAVAILABLE,
        `The service cannot use its ${exception.store} right now, so nothing was done; try again later (request id ${request.id}).`,
      );
    }
    this.logger.error(
      { err: exception, requestId: request.id, method: request.method, url: request.url },
      'Unhandled error while answering a request',
    );
    return errorBody(
      HttpStatus.INTERNAL_SERVER_ERROR,
      `Something went wrong on our side; it has been logged under request id ${request.id}.`,
    );
  }
}

/** A plan that has no revision yet states none. */
function revisionStatedBy(error: ApplicationError): Pick<ErrorBody, 'currentRevision' | 'currentVersion'> {
  if (!(error instanceof RefusalAtRevision) || error.currentRevision === null) return {};
  return { currentRevision: error.currentRevision, currentVersion: error.currentRevision };
}

function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return errorBody(status, response);
  const { message, error } = response as { message?: unknown; error?: unknown };
  const text =
    typeof message === 'string' || (Array.isArray(message) && message.every((line) => typeof line === 'string'))
      ? message
      : exception.message;
  return { statusCode: status, error: typeof error === 'string' ? error : statusText(status), message: text };
}

export function errorBody(statusCode: number, message: string | string[]): ErrorBody {
  return { statusCode, error: statusText(statusCode), message };
}

function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
