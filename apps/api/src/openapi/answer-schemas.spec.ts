import { relative } from 'node:path';
import { ANSWER_SCHEMAS_FILE, DRAW_COMMAND, drawAnswerSchemas, recordedAnswerSchemas } from './testing/answer-schema-drawing';

/** Drawing compiles the answer types' program once: seconds, on a busy machine tens of them. */
const DRAWING_TIME_MS = 180_000;

describe('The committed schemas of the answers', () => {
  it(
    'are what the answer types draw now, so the document publishes the shapes the code returns',
    () => {
      const drawn = drawAnswerSchemas();
      const recorded = recordedAnswerSchemas();
      const stale = [...new Set([...Object.keys(drawn), ...Object.keys(recorded)])]
        .filter((name) => JSON.stringify(drawn[name]) !== JSON.stringify(recorded[name]))
        .map((name) => (recorded[name] === undefined ? `${name} (new)` : drawn[name] === undefined ? `${name} (gone)` : name));
      if (stale.length > 0) {
        throw new Error(
          `${relative(process.cwd(), ANSWER_SCHEMAS_FILE)} is not what the answer types draw for ${stale.join(', ')}: ` +
            `run \`${DRAW_COMMAND}\` and commit the file with the change of type.`,
        );
      }
    },
    DRAWING_TIME_MS,
  );
});
