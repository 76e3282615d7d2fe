import drawnSchemas from './answer-schemas.drawn.json';

/** A schema object of OpenAPI 3.0, as the document holds it. */
export type OpenApiSchema = Record<string, unknown>;

export type AnswerSchemas = Record<string, OpenApiSchema>;

/**
 * The schemas of the reads' answers, drawn from their TypeScript types (`answer-types.ts`) into
 * `answer-schemas.drawn.json` by
 * `npm run openapi:schemas`; the document publishes them among its components.
 */
export const ANSWER_SCHEMAS: AnswerSchemas = drawnSchemas;

/** A type of `answer-types.ts` (or one of the types it uses), by the name the document publishes it under. */
export type AnswerSchemaName = keyof typeof drawnSchemas;
