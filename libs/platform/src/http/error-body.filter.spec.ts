import { DomainError } from '@app/domain';
import { WrongExpectedVersionError } from '@app/event-store';
import { InvalidCursorError, InvalidReadQueryError } from '@app/read-store';
import { type ArgumentsHost, ForbiddenException, Logger, PreconditionFailedException, ServiceUnavailableException } from '@nestjs/common';
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

  it('keeps the revision a refused command states, also as currentVersion for older clients, and only a numeric one', () => {
    const stale = new PreconditionFailedException({ message: 'The plan is at revision 7, not revision 6.', currentRevision: 7 });
    expect(answerTo(stale).body).toEqual({
      statusCode: 412,
      error: 'Precondition Failed',
      message: 'The plan is at revision 7, not revision 6.',
      currentRevision: 7,
      currentVersion: 7,
    });
    const unborn = new PreconditionFailedException({ message: 'The plan does not exist yet.', currentRevision: null });
    expect(answerTo(unborn).body).not.toHaveProperty('currentRevision');
    expect(answerTo(unborn).body).not.toHaveProperty('currentVersion');
  });

  it('says when to ask again in Retry-After, not in the body', () => {
    const behind = new ServiceUnavailableException({ message: 'The read models are behind; try again shortly.', retryAfterSeconds: 1 });
    expect(answerTo(behind)).toEqual({
      status: 503,
      headers: { 'Retry-After': '1' },
      body: { statusCode: 503, error: 'Service Unavailable', message: 'The read models are behind; try again shortly.' },
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
