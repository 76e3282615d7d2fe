import { AnswerFormatNotOfferedError, PlanKeptChangingError, PlanNotFoundError, RevisionMismatchError } from '@app/application-errors';
import { MAX_IDENTIFIER_LENGTH } from '@app/domain';
import { errorBody } from '@app/platform';
import type { OpenAPIObject } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { rolesNeeded } from '../auth/access-table';
import { describeAccess, ROLES_EXTENSION } from '../auth/openapi-access';
import { ANSWER_FORMATS } from '../exports/spreadsheet-format';
import { ANSWER_SCHEMAS, type OpenApiSchema } from './answer-schemas';
import { PLAN_PART_SCHEMAS } from './answers';

/**
 * What the document says of every route, said once here rather than on each: the answers' schemas
 * among the components, the statuses every guarded route can answer, the one error body with an
 * example per status, each route's roles in its description, and the format of each path
 * parameter. A route declares only what is its own: its success answer (`@ApiAnswer`), its
 * refusals beyond these, and its query parameters.
 */
export function completeApiDocument(document: OpenAPIObject): OpenAPIObject {
  publishAnswerSchemas(document);
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      addStatusesEveryRouteCanAnswer(path, operation);
      describePathParameters(operation);
      giveErrorsTheirBody(operation);
    }
  }
  return describeAccess(document);
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;
type ParameterObject = Extract<NonNullable<OperationObject['parameters']>[number], { in: string }>;

/** The roles `@Access` put on a guarded operation; none on an open one. */
function rolesOf(operation: OperationObject): string[] | undefined {
  return (operation as unknown as Record<string, string[] | undefined>)[ROLES_EXTENSION];
}

/** The error filter's body, drawn from its type: every refusal is answered in it. */
export const ERROR_BODY_SCHEMA = 'ErrorBody';

function publishAnswerSchemas(document: OpenAPIObject): void {
  const schemas = (document.components ??= {}).schemas ??= {};
  for (const [name, schema] of [...Object.entries(ANSWER_SCHEMAS), ...PLAN_PART_SCHEMAS]) {
    if (name in schemas) throw new Error(`Two schemas are named ${name}: a DTO class and an answer type; rename one.`);
    schemas[name] = schema;
  }
}

/** Why any guarded route may refuse, whatever it does. */
const EVERY_GUARDED_ROUTE: Record<number, string> = {
  401: 'No bearer token, or one that is expired or not valid.',
  403: 'The caller has none of the roles allowed, or is not assigned to the plan’s service.',
  429: 'Too many requests from this caller this minute; `Retry-After` says when to try again. Nothing was done.',
  503: 'A store cannot be used right now, tokens cannot be verified, or `waitFor` was not reached in time (with `Retry-After`); nothing was done.',
};

const NOT_FOUND = 'No such plan, or not one the caller may see (another council’s plan is answered the same), or no such item in it.';

const BAD_REQUEST = 'A parameter, header or body field is not what it must be; the message names each one at fault.';

function addStatusesEveryRouteCanAnswer(path: string, operation: OperationObject): void {
  const guarded = rolesOf(operation) !== undefined;
  const statuses: Record<number, string> = guarded ? { ...EVERY_GUARDED_ROUTE } : {};
  if (guarded && path.includes('{planId}')) statuses[404] = NOT_FOUND;
  const checksInput = operation.requestBody !== undefined || (operation.parameters ?? []).some((parameter) => 'in' in parameter && parameter.in !== 'path');
  if (guarded && (checksInput || path.includes('{period}') || path.includes('{from}'))) statuses[400] = BAD_REQUEST;
  for (const [status, description] of Object.entries(statuses)) operation.responses[status] ??= { description };
}

/** The formats of the path parameters the routes share; a route with another one describes it with `@ApiParam`. */
const PATH_PARAMETERS: Record<string, Pick<ParameterObject, 'description' | 'schema' | 'example'>> = {
  planId: {
    description: 'The plan’s id, unique within the caller’s council (another council may use the same one).',
    schema: { type: 'string', maxLength: 100 },
    example: 'corporate-services-2023-24',
  },
  corporatePlanId: identifier('The corporate plan’s id within the caller’s council.', 'corporate-plan-2023-27'),
  ref: identifier('The item’s reference, as the plan prints it (a priority ref, risk ref, contract ref…).', '1a'),
  code: identifier('The indicator or budget line code; compared without regard to case (`cp7` is `CP7`).', 'CP7'),
  key: identifier('The narrative section’s key.', 'overview'),
  themeId: identifier('The corporate theme’s id.', 'people'),
  meetingId: { description: 'The meeting’s id, as recording it answered.', schema: { type: 'string' }, example: '7d1f0c1e-8a8b-4b3e-9a56-0d3c0f0e2b11' },
  decisionId: { description: 'The decision’s id, as recording it answered (made from its `decisionRef`).', schema: { type: 'string' } },
  from: identifier('The label of the published version compared from.', '1'),
  to: identifier('The label of the published version compared to.', '2'),
  period: {
    description:
      'A financial year, a quarter or a month of one, with `-` for the `/` a path cannot hold: `2023-24`, `2023-24-Q2` (Q1 is April to June), ' +
      '`2024-25-M07` (the seventh month, October). The years 2000/01 to 2099/00.',
    schema: { type: 'string', pattern: '^\\d{4}[/-](\\d{2}|\\d{4})((-|\\s+)([Qq]\\d|[Mm]\\d{2}))?$' },
    example: '2023-24-Q2',
  },
  name: { description: 'The projection’s name, as the status lists it.', schema: { type: 'string' }, example: 'plan-history' },
};

function identifier(description: string, example: string): Pick<ParameterObject, 'description' | 'schema' | 'example'> {
  return {
    description: `${description} Letters, digits, spaces and \`. - _ / ( )\`, starting and ending with a letter or digit.`,
    schema: { type: 'string', maxLength: MAX_IDENTIFIER_LENGTH, pattern: '^[A-Za-z0-9](?:[A-Za-z0-9 ._/()-]*[A-Za-z0-9._/()-])?$' },
    example,
  };
}

function describePathParameters(operation: OperationObject): void {
  for (const parameter of operation.parameters ?? []) {
    if (!('in' in parameter) || parameter.in !== 'path' || parameter.description) continue;
    Object.assign(parameter, PATH_PARAMETERS[parameter.name]);
  }
}

/**
 * Every refusal answers the filter's one body; its example is the route's when it gave one
 * (`@ApiRefusal`), else the status's, and a 403 names the roles the route needs.
 */
function giveErrorsTheirBody(operation: OperationObject): void {
  const roles = rolesOf(operation);
  for (const [status, response] of Object.entries(operation.responses) as Array<[string, ResponseObject]>) {
    const code = Number(status);
    if (code < 400) continue;
    const given = response.content?.['application/json']?.example;
    const example = given ?? (code === 403 && roles ? errorBody(403, rolesNeeded(roles)) : exampleFor(code, operation));
    response.content = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY_SCHEMA}` }, example } };
  }
}

/** What the service says with each status, as the filter, guards and pipes word it. */
const ERROR_EXAMPLES: Record<number, ReturnType<typeof errorBody>> = {
  401: errorBody(401, 'A bearer token is required.'),
  404: errorBody(404, PlanNotFoundError.withId('corporate-services-2023-24').message),
  406: errorBody(406, new AnswerFormatNotOfferedError(Object.values(ANSWER_FORMATS).map(({ mediaType }) => mediaType)).message),
  409: { ...errorBody(409, new PlanKeptChangingError(42).message), currentRevision: 42, currentVersion: 42 },
  412: { ...errorBody(412, new RevisionMismatchError(42, 43).message), currentRevision: 43, currentVersion: 43 },
  422: { ...errorBody(422, 'A plan may have at most 200 priorities: the plan would have 201.'), currentRevision: 42, currentVersion: 42 },
  429: errorBody(429, 'Too many requests: at most 600 a minute. Try again in 12 seconds.'),
  503: errorBody(503, 'The service cannot use its event store right now, so nothing was done; try again later (request id 6f1c…).'),
};

/** A 400 names each field of the body at fault, or each parameter of a read, as the validation pipe lists them. */
const BAD_BODY = errorBody(400, ['outcomes[0].description: must not be blank', 'ref: must not be blank']);
const BAD_PARAMETER = errorBody(400, [
  "asOf: '2024-03-19T18:00:00' has no UTC offset: add Z for UTC or an offset such as %2B01:00 (a '+' is written %2B in a URL)",
]);

function exampleFor(status: number, operation: OperationObject): ReturnType<typeof errorBody> {
  if (status === 400) return operation.requestBody === undefined ? BAD_PARAMETER : BAD_BODY;
  return ERROR_EXAMPLES[status] ?? errorBody(status, STATUS_CODES[status] ?? 'Error');
}
