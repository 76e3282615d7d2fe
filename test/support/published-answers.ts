/**
 * Holds real answers to the OpenAPI document the API publishes at `/docs-json`: the schema it
 * declares for the route, status and media type, compiled with ajv (and ajv-formats).
 *
 *   const published = await PublishedAnswers.of(api);
 *   published.expectToMatch('GET', '/v1/plans/{planId}', { status, headers, body });
 *
 * A failure names the route, the status and ajv's path to the part of the body at fault.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TestApp } from './test-app';

export type OpenApiSchema = Record<string, unknown>;

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema?: OpenApiSchema; example?: unknown }>;
  headers?: Record<string, unknown>;
}

export interface OpenApiOperation {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; description?: string; required?: boolean; schema?: OpenApiSchema }>;
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
  responses: Record<string, OpenApiResponse>;
  'x-roles'?: string[];
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; description: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** An answer as a test received it. */
export interface ReceivedAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** Parsed when JSON, else the text or null. */
  body: unknown;
}

const DOCUMENT_ID = 'openapi';

export class PublishedAnswers {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<OpenApiSchema, ValidateFunction>();

  private constructor(readonly document: OpenApiDocument) {
    // Not strict: OpenAPI's own keywords (`example`, `deprecated`, `x-…`) sit beside JSON Schema's.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: asJsonSchema(document.components) }, DOCUMENT_ID);
  }

  static async of(api: Pick<TestApp, 'inject'>): Promise<PublishedAnswers> {
    return new PublishedAnswers((await api.inject({ method: 'GET', url: '/docs-json' })).json());
  }

  operation(method: string, path: string): OpenApiOperation | undefined {
    return this.document.paths[path]?.[method.toLowerCase()];
  }

  /** What does not hold of the answer against the document: empty when it matches. */
  problemsWith(method: string, path: string, answer: ReceivedAnswer): string[] {
    const route = `${method.toUpperCase()} ${path}`;
    const operation = this.operation(method, path);
    if (operation === undefined) return [`${route} is not in the document.`];
    const response = operation.responses[String(answer.status)];
    if (response === undefined) {
      return [`${route} answered ${answer.status}, which its document does not declare (it declares ${Object.keys(operation.responses).join(', ')}).`];
    }
    if (response.content === undefined) {
      return answer.body === null || answer.body === '' ? [] : [`${route} answered ${answer.status} with a body, which its document says has none.`];
    }
    const mediaType = String(answer.headers['content-type'] ?? '').split(';', 1)[0].trim();
    const declared = response.content[mediaType];
    if (declared === undefined) {
      return [`${route} answered ${answer.status} as ${mediaType || 'no media type'}; its document declares ${Object.keys(response.content).join(', ')}.`];
    }
    if (declared.schema === undefined) return [`${route} ${answer.status} ${mediaType} has no schema in the document.`];
    if (mediaType !== 'application/json') return [];
    const validate = this.validatorOf(declared.schema);
    if (validate(answer.body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${route} ${answer.status}: ${error.instancePath || '(the body)'} ${error.message}${paramsOf(error.params)} (schema ${error.schemaPath})`,
    );
  }

  /** Fails, naming the route, status and every path at fault, unless the answer matches the document. */
  expectToMatch(method: string, path: string, answer: ReceivedAnswer): void {
    const problems = this.problemsWith(method, path, answer);
    if (problems.length > 0) {
      throw new Error(`The answer does not match the published document:\n  ${problems.slice(0, 10).join('\n  ')}`);
    }
  }

  /** Whether a value holds to a schema of the document (an example, say); ajv's errors when not. */
  validate(schema: OpenApiSchema, value: unknown): string[] {
    const validate = this.validatorOf(schema);
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(the value)'} ${error.message}${paramsOf(error.params)}`);
  }

  private validatorOf(schema: OpenApiSchema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile(asJsonSchema(schema) as object);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}

function paramsOf(params: Record<string, unknown>): string {
  const named = params.additionalProperty ?? params.allowedValues ?? params.missingProperty;
  return named === undefined ? '' : `: ${JSON.stringify(named)}`;
}

/**
 * OpenAPI 3.0's schema as JSON Schema for ajv: references into the document, and `nullable` as
 * "that, or null" (ajv's own reading of it would still hold a null to the `allOf` beside it).
 */
function asJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonSchema);
  if (value === null || typeof value !== 'object') return value;
  const converted: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    converted[key] = key === '$ref' && typeof inner === 'string' ? `${DOCUMENT_ID}${inner}` : key === 'example' ? inner : asJsonSchema(inner);
  }
  if (converted.nullable === true) {
    const { nullable: _, ...rest } = converted;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return converted;
}
