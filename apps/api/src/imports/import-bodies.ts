import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ANSWER_FORMATS } from '../exports/spreadsheet-format';
import type { ImportFormat } from './workbook-reading';

/** The route that reads files: every other route reads JSON bodies alone. */
export const IMPORTS_ROUTE = '/v1/imports';

/** A plan's workbook is tens of kilobytes (Three Rivers' whole plan under 100 KB); the limit leaves room for far larger plans. */
export const IMPORT_FILE_LIMIT_BYTES = 2 * 1024 * 1024;

/** The formats a plan is imported from, by the media type it is sent with. */
export const IMPORT_MEDIA_TYPES: Record<ImportFormat, string> = {
  xlsx: ANSWER_FORMATS.xlsx.mediaType,
  csv: ANSWER_FORMATS.csv.mediaType,
  json: ANSWER_FORMATS.json.mediaType,
};

/** The format of a body by its Content-Type, without its parameters (`text/csv; charset=utf-8`), or null. */
export function importFormatOf(contentType: string | undefined): ImportFormat | null {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const found = (Object.keys(IMPORT_MEDIA_TYPES) as ImportFormat[]).find((format) => IMPORT_MEDIA_TYPES[format] === mediaType);
  return found ?? null;
}

/**
 * Teaches Fastify to take a workbook or a CSV as the raw bytes of the body, up to its own limit, for
 * the imports route alone; sent anywhere else, such a body is refused as any media type a route does
 * not read is (415). JSON keeps the service's one parser and body limit.
 */
export function acceptImportFiles(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    [IMPORT_MEDIA_TYPES.xlsx, IMPORT_MEDIA_TYPES.csv],
    { parseAs: 'buffer', bodyLimit: IMPORT_FILE_LIMIT_BYTES },
    (request, body, done) => {
      if (request.routeOptions.url === IMPORTS_ROUTE) return done(null, body);
      done(new UnsupportedMediaTypeException(`Only ${IMPORTS_ROUTE} reads a ${String(request.headers['content-type'])} body; send JSON.`), undefined);
    },
  );
}
