/**
 * Draws the schemas of the reads' answers from `apps/api/src/openapi/answer-types.ts` into
 * `apps/api/src/openapi/answer-schemas.drawn.json`, which the OpenAPI document publishes:
 *   npm run openapi:schemas
 * Run it after changing a type an answer is made of; commit the file with the change.
 */
import { relative } from 'node:path';
import {
  ANSWER_SCHEMAS_FILE,
  drawAnswerSchemas,
  recordAnswerSchemas,
  recordedAnswerSchemas,
} from '../apps/api/src/openapi/testing/answer-schema-drawing';

const recorded = JSON.stringify(recordedAnswerSchemas());
const drawn = drawAnswerSchemas();
const file = relative(process.cwd(), ANSWER_SCHEMAS_FILE);
if (JSON.stringify(drawn) === recorded) {
  process.stdout.write(`${file} already holds the schema of every answer type.\n`);
} else {
  recordAnswerSchemas(drawn);
  process.stdout.write(`Drew ${Object.keys(drawn).length} schemas into ${file}.\n`);
}
