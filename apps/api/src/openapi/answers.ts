import { type ErrorBody, errorBody } from '@app/platform';
import type { PlanView } from '@app/projections';
import { ApiResponse } from '@nestjs/swagger';
import { ANSWER_SCHEMAS, type AnswerSchemaName, type OpenApiSchema } from './answer-schemas';

/** The media types of a spreadsheet answer, as `Accept` asks for them. */
export const SPREADSHEET_CONTENT = {
  'text/csv': { schema: { type: 'string', description: 'One table, a header row, UTF-8 with a byte-order mark.' } },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    schema: { type: 'string', format: 'binary', description: 'A workbook, one sheet per table.' },
  },
};

const ETAG_HEADER = {
  ETag: { description: 'The plan stream’s revision the answer is at, in quotes ("42"); send it back as `If-None-Match` for a 304.', schema: { type: 'string' } },
};

export interface AnswerOptions {
  description: string;
  /** 200 unless told. */
  status?: 200 | 201 | 202;
  /** The answer carries the plan's revision as `ETag`, so an unchanged one is answered 304. */
  etag?: boolean;
  /** The answer is also given as CSV or XLSX when `Accept` asks for it. */
  spreadsheets?: boolean;
  /** Response headers of another subject's ETag, say, in place of the plan's. */
  headers?: Record<string, { description: string; schema: object }>;
}

function answer(schema: OpenApiSchema, { description, status = 200, etag = false, spreadsheets = false, headers }: AnswerOptions): MethodDecorator {
  return ApiResponse({
    status,
    description,
    content: { 'application/json': { schema }, ...(spreadsheets ? SPREADSHEET_CONTENT : {}) },
    ...(headers ? { headers } : etag ? { headers: ETAG_HEADER } : {}),
  });
}

/**
 * Documents a route's success answer by its type: one of `answer-types.ts`, whose schema
 * `npm run openapi:schemas` drew. For an answer that is a DTO class, `@ApiOkResponse({ type })` does the same.
 */
export const ApiAnswer = (name: AnswerSchemaName, options: AnswerOptions): MethodDecorator =>
  answer({ $ref: `#/components/schemas/${name}` }, options);

/** The schemas of the sections read alone, by component name, gathered as their routes are declared. */
export const PLAN_PART_SCHEMAS = new Map<string, OpenApiSchema>();

/** What a section's read keeps of the plan answer besides its part: which plan, at which revision and version, as of when. */
const PLAN_HEADER: ReadonlyArray<string> = ['asOf', 'planId', 'revision', 'version', 'integrity'];

/** Documents a section read alone: the plan answer's schema cut to its header and the section's part. */
export function ApiPlanPartAnswer(part: keyof PlanView, options: AnswerOptions): MethodDecorator {
  const name = `${part.charAt(0).toUpperCase()}${part.slice(1)}Answer`;
  if (!PLAN_PART_SCHEMAS.has(name)) {
    const plan = ANSWER_SCHEMAS.PlanAnswer as { properties: Record<string, OpenApiSchema>; required: string[] };
    const kept = [...PLAN_HEADER, part];
    PLAN_PART_SCHEMAS.set(name, {
      description: `A plan read cut to its \`${part}\`: the plan answer's header and that part.`,
      type: 'object',
      properties: Object.fromEntries(kept.map((field) => [field, plan.properties[field]])),
      required: plan.required.filter((field) => kept.includes(field)),
      additionalProperties: false,
    });
  }
  return answer({ $ref: `#/components/schemas/${name}` }, options);
}

/**
 * A refusal particular to the route, with the sentence it answers: the document gives it the one
 * error body. The statuses every guarded route can answer (401, 403, 429, 503; 404 on a plan; 400
 * when it takes input) need no decorator.
 */
export const ApiRefusal = (
  status: 400 | 404 | 406 | 409 | 412 | 413 | 415 | 422 | 429 | 503,
  description: string,
  message?: string | string[],
  /** What the body carries besides its message, e.g. an import's `problems`. */
  details: Omit<ErrorBody, 'statusCode' | 'error' | 'message'> = {},
): MethodDecorator =>
  ApiResponse({
    status,
    description,
    ...(message === undefined ? {} : { content: { 'application/json': { example: { ...errorBody(status, message), ...details } } } }),
  });
