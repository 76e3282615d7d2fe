import Negotiator from 'negotiator';

/** What a read may answer in, chosen by its `Accept` header; JSON when nothing else is preferred. */
export const ANSWER_FORMATS = {
  json: { mediaType: 'application/json', extension: 'json' },
  csv: { mediaType: 'text/csv', extension: 'csv' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const;

export type AnswerFormat = keyof typeof ANSWER_FORMATS;
export type SpreadsheetFormat = Exclude<AnswerFormat, 'json'>;

const FORMAT_OF_MEDIA_TYPE = new Map<string, AnswerFormat>(
  (Object.keys(ANSWER_FORMATS) as AnswerFormat[]).map((format) => [ANSWER_FORMATS[format].mediaType, format]),
);

/** JSON first, so that `*\/*` and a missing header keep answering JSON. */
const OFFERED = [...FORMAT_OF_MEDIA_TYPE.keys()];

/** The format the caller prefers of those offered, or null when it accepts none of them (406). */
export function negotiatedFormat(accept: string | undefined): AnswerFormat | null {
  if (accept === undefined || accept.trim() === '') return 'json';
  const chosen = new Negotiator({ headers: { accept } }).mediaType(OFFERED);
  return chosen === undefined ? null : (FORMAT_OF_MEDIA_TYPE.get(chosen) ?? null);
}
