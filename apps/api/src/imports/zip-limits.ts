import { UnreadableImportError } from '@app/application-errors';

/**
 * An XLSX file is a zip archive, which a few kilobytes can make open to gigabytes (a "zip bomb").
 * Before anything is inflated, the archive's central directory is read for what its entries say
 * they hold; an archive that would open to more than a plan's workbook ever needs is refused unread.
 */

/** A plan's whole workbook opens to a few megabytes; Three Rivers' whole plan to well under one. */
export const MAX_UNCOMPRESSED_BYTES = 32 * 1024 * 1024;

/** A workbook of the template's sheets has a few dozen parts. */
export const MAX_ZIP_ENTRIES = 500;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
/** Sizes of 0xFFFFFFFF say "see the ZIP64 record": no workbook of a plan is that large. */
const ZIP64_MARK = 0xffffffff;

const notAWorkbook = () =>
  new UnreadableImportError('The file is not an XLSX workbook (an XLSX file is a zip archive, and this is none): save it from Excel as "Excel Workbook (.xlsx)".');

function endOfCentralDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - END_RECORD_LENGTH - MAX_COMMENT_LENGTH);
  for (let offset = bytes.length - END_RECORD_LENGTH; offset >= earliest; offset--) {
    if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw notAWorkbook();
}

export function assertOpensWithinLimits(bytes: Buffer): void {
  if (bytes.length < END_RECORD_LENGTH) throw notAWorkbook();
  const end = endOfCentralDirectory(bytes);
  const entries = bytes.readUInt16LE(end + 10);
  if (entries > MAX_ZIP_ENTRIES) {
    throw new UnreadableImportError(`The workbook has ${entries} parts; a plan's has a few dozen, so it was not opened.`);
  }
  let offset = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw notAWorkbook();
    const uncompressed = bytes.readUInt32LE(offset + 24);
    total += uncompressed;
    if (uncompressed === ZIP64_MARK || total > MAX_UNCOMPRESSED_BYTES) {
      throw new UnreadableImportError(
        `The workbook would open to more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB, far beyond any plan's, so it was not opened.`,
      );
    }
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
}
