import { applyDecorators, HttpCode, HttpStatus, Put, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotModifiedResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiAnswer } from '../openapi/answers';
import type { AnswerSchemaName } from '../openapi/answer-schemas';
import { PlanRevisionETagInterceptor } from '../plans/commands/plan-revision-etag.interceptor';

const ETAG_HEADER = {
  ETag: { description: "The council settings stream's revision, in quotes (\"3\"); absent while the council never set anything.", schema: { type: 'string' } },
};

/**
 * What every `PUT` of a council setting shares with a plan command: `If-Match` on the settings'
 * revision (their ETag), `Idempotency-Key`, and the answers each may give, so each shows fully in `/docs`.
 */
export function SettingsCommandRoute(
  summary: string,
  options: { description: string; answer: string; schema: AnswerSchemaName; refusedWhen: string },
): MethodDecorator {
  return applyDecorators(
    Put(),
    HttpCode(HttpStatus.OK),
    UseInterceptors(PlanRevisionETagInterceptor),
    ApiOperation({ summary, description: options.description }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'The same key with the same body answers the settings as that first write left them, and writes nothing more; with another body, 422.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: "The settings' revision, in quotes as their ETag gives it (\"3\"), the write is meant for; when they have moved on, 412 and nothing is written.",
    }),
    ApiAnswer(options.schema, { description: options.answer, headers: ETAG_HEADER }),
    ApiBadRequestResponse({ description: 'The body is invalid; every offending field is named.' }),
    ApiPreconditionFailedResponse({ description: 'If-Match names a revision the settings are no longer at.' }),
    ApiUnprocessableEntityResponse({
      description: `${options.refusedWhen}, or the Idempotency-Key was used for another request.`,
    }),
  );
}

/** `GET` of a council setting: its answer carries the settings' revision as its ETag. */
export function SettingsReadRoute(summary: string, answer: string, schema: AnswerSchemaName): MethodDecorator {
  return applyDecorators(
    UseInterceptors(PlanRevisionETagInterceptor),
    ApiOperation({ summary }),
    ApiAnswer(schema, { description: answer, headers: ETAG_HEADER }),
    ApiNotModifiedResponse({ description: 'The answer carries the ETag given in `If-None-Match`: the settings have not changed, so no body is sent.' }),
  );
}
