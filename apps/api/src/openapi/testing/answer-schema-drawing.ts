import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import * as TJS from 'typescript-json-schema';
import type { AnswerSchemas, OpenApiSchema } from '../answer-schemas';

/**
 * Draws the JSON schemas of the reads' answers from the TypeScript types the code returns
 * (`answer-types.ts`), in the dialect of OpenAPI 3.0, into `answer-schemas.drawn.json`, which the API
 * loads into its document. Run by `npm run openapi:schemas`, never edited by hand; the spec beside
 * the file fails while what is committed is not what the types draw.
 */
export const ANSWER_TYPES_FILE = join(__dirname, '..', 'answer-types.ts');

export const ANSWER_SCHEMAS_FILE = join(__dirname, '..', 'answer-schemas.drawn.json');

export const DRAW_COMMAND = 'npm run openapi:schemas';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..', '..');

/** A component name OpenAPI accepts; TypeScript's own names for instantiated generics (`Record<...>`) are inlined instead. */
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

/** What OpenAPI 3.0's schema object holds; anything else the generator writes is refused, not published half-understood. */
const OPENAPI_30_KEYWORDS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'description', 'format', 'default',
  'allOf', 'anyOf', 'oneOf', 'not', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
  'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf', 'title',
  'nullable', 'example', 'deprecated', '$ref',
]);

type DraftSchema = Record<string, unknown>;

/** Every exported type of `answer-types.ts`, drawn in one program (the costly part), with the types they use. */
export function drawAnswerSchemas(): AnswerSchemas {
  const compilerOptions = readCompilerOptions();
  const program = TJS.getProgramFromFiles([ANSWER_TYPES_FILE], compilerOptions, REPOSITORY_ROOT);
  const generator = TJS.buildGenerator(program, { required: true, ref: true, strictNullChecks: true, noExtraProps: true, ignoreErrors: false });
  if (generator === null) throw new Error(`${relative(REPOSITORY_ROOT, ANSWER_TYPES_FILE)} does not compile; fix it before drawing its schemas.`);
  const drawn = generator.getSchemaForSymbols(exportedTypeNames(program)).definitions as Record<string, DraftSchema>;
  const definitions = Object.fromEntries(Object.entries(drawn).map(([name, schema]) => [decodeURIComponent(name), schema]));
  const schemas: AnswerSchemas = {};
  for (const [name, schema] of Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))) {
    if (COMPONENT_NAME.test(name)) schemas[name] = asOpenApi30(schema, definitions, name);
  }
  return schemas;
}

export function recordedAnswerSchemas(): AnswerSchemas {
  return JSON.parse(readFileSync(ANSWER_SCHEMAS_FILE, 'utf8')) as AnswerSchemas;
}

export function recordAnswerSchemas(schemas: AnswerSchemas): void {
  writeFileSync(ANSWER_SCHEMAS_FILE, `${JSON.stringify(schemas, null, 2)}\n`);
}

function readCompilerOptions(): TJS.CompilerOptions {
  const path = join(REPOSITORY_ROOT, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(path, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return (config as { compilerOptions: TJS.CompilerOptions }).compilerOptions;
}

function exportedTypeNames(program: ts.Program): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(ANSWER_TYPES_FILE);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${ANSWER_TYPES_FILE} is not in the program.`);
  return checker.getExportsOfModule(module).map((symbol) => symbol.name);
}

/**
 * The generator's draft-07 schema as OpenAPI 3.0 has it: references to components, `nullable`
 * instead of a `null` type, one `example`, `enum` for `const`.
 */
function asOpenApi30(schema: DraftSchema, definitions: Record<string, DraftSchema>, at: string): OpenApiSchema {
  const converted: OpenApiSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === '$schema') continue;
    if (keyword === '$ref') return referenceTo(value as string, definitions, at);
    if (keyword === 'const') converted.enum = [value];
    else if (keyword === 'examples') converted.example = (value as unknown[])[0];
    else if (keyword === 'properties') {
      converted.properties = Object.fromEntries(
        Object.entries(value as Record<string, DraftSchema>).map(([name, property]) => [name, asOpenApi30(property, definitions, `${at}.${name}`)]),
      );
    } else if (keyword === 'items' || keyword === 'not' || (keyword === 'additionalProperties' && typeof value === 'object')) {
      if (Array.isArray(value)) throw new Error(`${at}: a tuple has no OpenAPI 3.0 schema; give the answer an array or object type.`);
      converted[keyword] = asOpenApi30(value as DraftSchema, definitions, at);
    } else if (keyword === 'anyOf' || keyword === 'oneOf' || keyword === 'allOf') {
      converted[keyword] = (value as DraftSchema[]).map((member) => asOpenApi30(member, definitions, at));
    } else if (OPENAPI_30_KEYWORDS.has(keyword)) converted[keyword] = value;
    else throw new Error(`${at}: the schema keyword '${keyword}' has no OpenAPI 3.0 equivalent; simplify the type.`);
  }
  return withoutNullType(indexSignatureKept(converted));
}

function referenceTo(reference: string, definitions: Record<string, DraftSchema>, at: string): OpenApiSchema {
  const name = decodeURIComponent(reference.replace('#/definitions/', ''));
  if (COMPONENT_NAME.test(name)) return { $ref: `#/components/schemas/${name}` };
  const definition = definitions[name];
  if (definition === undefined) throw new Error(`${at}: ${reference} names no drawn type.`);
  return asOpenApi30(definition, definitions, at);
}

/** `noExtraProps` closes every object, also a `Record<string, …>` that is open by its very type. */
function indexSignatureKept(schema: OpenApiSchema): OpenApiSchema {
  if (schema.type === 'object' && schema.properties === undefined && schema.additionalProperties === false) {
    return { ...schema, additionalProperties: true };
  }
  return schema;
}

function withoutNullType(schema: OpenApiSchema): OpenApiSchema {
  if (Array.isArray(schema.type)) {
    const types = (schema.type as string[]).filter((type) => type !== 'null');
    const nullable = types.length < (schema.type as string[]).length;
    const { type: _, ...rest } = schema;
    const typed = types.length === 1 ? { ...rest, type: types[0] } : { ...rest, anyOf: types.map((type) => ({ type })) };
    return nullable ? nullableOf(typed) : typed;
  }
  const members = schema.anyOf as OpenApiSchema[] | undefined;
  if (members === undefined || !members.some((member) => member.type === 'null')) return schema;
  const { anyOf: _, ...rest } = schema;
  const others = members.filter((member) => member.type !== 'null');
  if (others.length > 1) return { ...rest, anyOf: others, nullable: true };
  // A reference takes no siblings in OpenAPI 3.0, so a nullable one is wrapped.
  if (others[0].$ref !== undefined) return { ...rest, allOf: others, nullable: true };
  return nullableOf({ ...rest, ...others[0] });
}

/** OpenAPI 3.0.3: `nullable` does not widen an `enum`, which must list null itself. */
function nullableOf(schema: OpenApiSchema): OpenApiSchema {
  const values = schema.enum as unknown[] | undefined;
  return { ...schema, ...(values && !values.includes(null) ? { enum: [...values, null] } : {}), nullable: true };
}
