import { AnswerFormatNotOfferedError } from '@app/application-errors';
import type { FastifyReply } from 'fastify';
import { toCsv, toCsvOfSheets, toXlsx } from './spreadsheet-rendering';
import type { Sheet } from './spreadsheet';
import { ANSWER_FORMATS, negotiatedFormat, type AnswerFormat, type SpreadsheetFormat } from './spreadsheet-format';

/**
 * The format a read answers in, from its `Accept` header. Every such answer says `Vary: Accept`,
 * so that a cache never serves a spreadsheet to a client that asked for JSON.
 */
export function answerFormatOf(accept: string | undefined, reply: FastifyReply): AnswerFormat {
  void reply.header('Vary', 'Accept');
  const format = negotiatedFormat(accept);
  if (format === null) throw new AnswerFormatNotOfferedError(Object.values(ANSWER_FORMATS).map(({ mediaType }) => mediaType));
  return format;
}

/**
 * Sends sheets as a file to save: XLSX holds all of them, CSV the first, or with `everySheet` all of
 * them, each record starting with its sheet's name. Its ETag is the answer's tag (its revision) with
 * the format, as one representation's tag must not match another's.
 */
export async function spreadsheetAnswer(
  reply: FastifyReply,
  format: SpreadsheetFormat,
  sheets: Sheet[],
  answer: { filename: string; tag?: string; everySheet?: boolean },
): Promise<string | Buffer> {
  const { mediaType, extension } = ANSWER_FORMATS[format];
  void reply
    .header('Content-Type', format === 'csv' ? `${mediaType}; charset=utf-8` : mediaType)
    .header('Content-Disposition', `attachment; filename="${answer.filename}.${extension}"`);
  if (answer.tag !== undefined) void reply.header('ETag', `"${answer.tag}.${extension}"`);
  if (format === 'xlsx') return toXlsx(sheets);
  return answer.everySheet ? toCsvOfSheets(sheets) : toCsv(sheets[0]);
}
