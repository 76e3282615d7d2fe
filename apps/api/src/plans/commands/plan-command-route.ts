import { applyDecorators, HttpCode, HttpStatus } from '../nest';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PlanCommandResultDto } from './dto/command-result.dto';

const ETAG_HEADER = { ETag: { description: 'The plan stream\'s revision after the write, in quotes: "42".', schema: { type: 'string' } } };

/** Status, headers and answers every plan command route shares, so each shows fully in `/docs`. */
export function PlanCommandRoute(
  summary: string,
  options: { creates: boolean; description?: string; /** When the controller's and method's names would repeat each other. */ operationId?: string },
): MethodDecorator {
  const success = { description: 'Written.', type: PlanCommandResultDto, headers: ETAG_HEADER };
  return applyDecorators(
    HttpCode(options.creates ? HttpStatus.CREATED : HttpStatus.OK),
    ApiOperation({ summary, description: options.description, operationId: options.operationId }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'The same key with the same body answers the first response again and writes nothing more; with another body, 422.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The plan\'s revision, in quotes as its ETag gives it ("42"), the write is meant for; when the plan has moved on, 412 and nothing is written.',
    }),
    ApiHeader({ name: 'X-Request-Id', required: false, description: 'Recorded on every event as requestId and causationId.' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Recorded on every event; the request id when absent.' }),
    options.creates ? ApiCreatedResponse(success) : ApiOkResponse(success),
    ApiBadRequestResponse({ description: 'The body is invalid; every offending field is named.' }),
    ApiUnauthorizedResponse({ description: 'Missing or bad token.' }),
    ApiForbiddenResponse({ description: 'The caller\'s roles may not do this.' }),
    ApiNotFoundResponse({ description: 'No such plan (or not one the caller may see), or no such item in it.' }),
    ApiConflictResponse({ description: 'It already exists, or the plan kept changing while the write was retried.' }),
    ApiPreconditionFailedResponse({ description: 'If-Match names a revision the plan is no longer at.' }),
    ApiUnprocessableEntityResponse({
      description: 'A rule of the plan refuses it (a limit on what it holds among them), or the Idempotency-Key was used for another request.',
    }),
  );
}
