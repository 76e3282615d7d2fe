import {
  type ApplicationError,
  type ApplicationErrorKind,
  IdempotencyKeyReusedError,
  InvalidHeaderError,
  InvalidParameterError,
  NotAssignedToServiceError,
  PlanCommandRefusedError,
  PlanKeptChangingError,
  CorporatePlanNotFoundError,
  IndicatorSeriesNotFoundError,
  PlanNotFoundError,
  ProjectionsBehindError,
  RebuildUnavailableError,
  RevisionMismatchError,
  UnknownProjectionError,
  AnswerFormatNotOfferedError,
  ServiceShuttingDownError,
  SpreadsheetOfFailedIntegrityError,
  TooManyChangeStreamsError,
  ImportRefusedError,
  UnreadableImportError,
  ImportFormatNotSupportedError,
} from '@app/application-errors';
import { DomainError } from '@app/domain/domain-error';
import { WrongExpectedVersionError } from '@app/event-store/event-store.errors';
import { InvalidCursorError, InvalidReadQueryError } from '@app/read-store/read-store.errors';
import { type ArgumentsHost, BadRequestException, ForbiddenException, Logger } from '@nestjs/common';
import { ErrorBodyFilter } from './error-body.filter';

function answerTo(exception: unknown): { status: number; body: unknown; headers?: Record<string, string> } {
  const answer: { status: number; body: unknown; headers?: Record<string, string> } = { status: 0, body: undefined };
  const reply = {
    header(name: string, value: string) {
      answer.headers = { ...answer.headers, [name]: value };
      return this;
    },
    status(code: number) {
      answer.status = code;
      return this;
    },
    send(body: unknown) {
      answer.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ id: 'req-1', method: 'POST', url: '/v1/plans' }) }),
  } as unknown as ArgumentsHost;
  new ErrorBodyFilter().catch(exception, host);
  return answer;
}

describe('the error body filter', () => {
  it.each([
    [DomainError.ruleBroken('Progress cannot be above 100%.'), 422, 'Unprocessable Entity'],
    [DomainError.notFound('There is no plan with this id.'), 404, 'Not Found'],
    [DomainError.alreadyExists('A plan with this id exists already.'), 409, 'Conflict'],
  ])('answers a domain refusal with the status of its kind and its sentence', (error, status, text) => {
    expect(answerTo(error)).toEqual({ status, body: { statusCode: status, error: text, message: error.message } });
  });

  it('keeps the status and message of an HTTP exception', () => {
    expect(answerTo(new ForbiddenException('This needs the editor role.'))).toEqual({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', message: 'This needs the editor role.' },
    });
  });

  it('keeps the list of faults the validation pipe names', () => {
    const invalid = new BadRequestException(['title: must be text', 'ref: must not be blank']);
    expect(answerTo(invalid)).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: ['title: must be text', 'ref: must not be blank'] },
    });
  });

  describe('application errors', () => {
    /** One of each kind; typed by kind, so a new kind is not left out of this spec either. */
    const ONE_OF_EACH: { [K in ApplicationErrorKind]: [ApplicationError, number] } = {
      'plan-not-found': [PlanNotFoundError.withId('cs-2023-24'), 404],
      'corporate-plan-not-found': [CorporatePlanNotFoundError.withId('corporate-plan-2023-27'), 404],
      'indicator-series-not-found': [IndicatorSeriesNotFoundError.of('CP7', 'Corporate Services', undefined), 404],
      'not-assigned-to-service': [new NotAssignedToServiceError('Finance'), 403],
      'revision-mismatch': [new RevisionMismatchError(6, 7), 412],
      'plan-kept-changing': [new PlanKeptChangingError(9), 409],
      'idempotency-key-reused': [new IdempotencyKeyReusedError(4), 422],
      'plan-command-refused': [new PlanCommandRefusedError(DomainError.ruleBroken('Progress cannot be above 100%.'), 5), 422],
      'projections-behind': [new ProjectionsBehindError('The read models are behind; try again shortly.', 1), 503],
      'invalid-parameter': [new InvalidParameterError('period', "'2023-Q9' is not a period."), 400],
      'invalid-header': [new InvalidHeaderError('If-Match', 'must be the plan\'s revision in quotes'), 400],
      'unknown-projection': [new UnknownProjectionError("There is no projection named 'plan-histories'."), 404],
      'rebuild-unavailable': [new RebuildUnavailableError('Projection plan-history is already being rebuilt.'), 409],
      'answer-format-not-offered': [new AnswerFormatNotOfferedError(['application/json', 'text/csv']), 406],
      'spreadsheet-of-failed-integrity': [new SpreadsheetOfFailedIntegrityError(), 422],
      'too-many-change-streams': [new TooManyChangeStreamsError(5), 429],
      'service-shutting-down': [new ServiceShuttingDownError(), 503],
      'import-refused': [new ImportRefusedError([{ sheet: 'Plan', row: 3, column: 'Title', message: 'title: must not be blank' }]), 422],
      'unreadable-import': [new UnreadableImportError('The file is not an XLSX workbook.'), 400],
      'import-format-not-supported': [new ImportFormatNotSupportedError(['text/csv']), 415],
    };

    it.each(Object.entries(ONE_OF_EACH))('answers %s with its status and its sentence', (_kind, [error, status]) => {
      const { body } = answerTo(error);
      expect(body).toMatchObject({ statusCode: status, error: expect.any(String) });
      expect((body as { message: unknown }).message).toEqual(error instanceof InvalidHeaderError ? [error.message] : error.message);
    });

    it('names every problem of a refused import, by sheet, row and column', () => {
      const problems = [
        { sheet: 'Priorities', row: 4, column: 'Priority', message: 'title: must not be blank' },
        { sheet: 'Indicators', row: 7, column: null, message: "Indicator CP7 is already in this plan." },
      ];
      expect(answerTo(new ImportRefusedError(problems))).toEqual({
        status: 422,
        body: {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: 'The plan was not imported: 2 problems need putting right first.',
          problems,
        },
      });
    });

    it('states the revision a refused command names, also as currentVersion for older clients', () => {
      expect(answerTo(new RevisionMismatchError(6, 7))).toEqual({
        status: 412,
        body: {
          statusCode: 412,
          error: 'Precondition Failed',
          message: 'The plan is at revision 7, not revision 6 as If-Match says; reload it and try again',
          currentRevision: 7,
          currentVersion: 7,
        },
      });
    });

    it('states no revision for a plan that has none yet', () => {
      expect(answerTo(new RevisionMismatchError(0, null)).body).toEqual({
        statusCode: 412,
        error: 'Precondition Failed',
        message: 'The plan does not exist yet, not revision 0 as If-Match says; reload it and try again',
      });
    });

    it('answers a command the plan refused with the status of the refusal\'s kind', () => {
      const taken = new PlanCommandRefusedError(DomainError.alreadyExists('A plan with this id exists already.'), 3);
      expect(answerTo(taken)).toEqual({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'A plan with this id exists already.', currentRevision: 3, currentVersion: 3 },
      });
    });

    it('states no revision for a refusal that is not about a revision', () => {
      expect(answerTo(PlanNotFoundError.withId('cs-2023-24'))).toEqual({
        status: 404,
        body: { statusCode: 404, error: 'Not Found', message: 'Plan cs-2023-24 was not found' },
      });
    });

    it('says when to ask again in Retry-After, not in the body', () => {
      expect(answerTo(new ProjectionsBehindError('The read models are behind; try again shortly.', 1))).toEqual({
        status: 503,
        headers: { 'Retry-After': '1' },
        body: { statusCode: 503, error: 'Service Unavailable', message: 'The read models are behind; try again shortly.' },
      });
    });

    it('lists a header that is not what it must be, as validation lists the fields of a body', () => {
      expect(answerTo(new InvalidHeaderError('Idempotency-Key', 'must be 1 to 200 visible ASCII characters'))).toEqual({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: ['Idempotency-Key: must be 1 to 200 visible ASCII characters'] },
      });
    });
  });

  it('answers a paging cursor the store did not issue with 400 naming the cursor', () => {
    expect(answerTo(new InvalidCursorError('The cursor is not one this service issued'))).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'cursor: The cursor is not one this service issued.' },
    });
  });

  it('answers any other refused read query, which is our own mistake, with 500', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    expect(answerTo(new InvalidReadQueryError('The field "title" has no index')).status).toBe(500);
    logged.mockRestore();
  });

  it('answers a lost race on a stream with 409', () => {
    expect(answerTo(new WrongExpectedVersionError('servicePlan-1', 3, 4)).status).toBe(409);
  });

  it('answers an unexpected error with 500 and no internals, logging them instead', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    const answer = answerTo(new Error('SQLITE_CORRUPT at /var/lib/data/events.db'));

    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('SQLITE');
    expect(answer.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; it has been logged under request id req-1.',
    });
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ requestId: 'req-1' }), expect.any(String));
    logged.mockRestore();
  });
});
