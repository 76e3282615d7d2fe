import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Rag, Unit } from '@app/domain';
import { isRag, isUnit, periodAsPrinted, type CellValue, type Column, type Row, type Sheet } from './spreadsheet';

/**
 * Sheets as files. CSV: one sheet, a header row, values as the contract writes them (ISO dates,
 * figures without their unit, which has a column of its own), UTF-8 with a byte-order mark so that
 * Excel reads "£" and "–" as written. XLSX: every sheet, its title above a frozen header row, dates
 * as date cells, figures formatted in their unit, RAG as the cell's colour as well as its word.
 */

/**
 * Text an officer wrote that a spreadsheet would take for a formula ("=HYPERLINK(...)", "+1", "@SUM")
 * is kept as text: prefixed with an apostrophe, as OWASP advises against CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const textCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** Text as the officer wrote it, from a cell that `textCell` kept from being read as a formula. */
export const textAsWritten = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

function csvValue(column: Column, value: CellValue): CellValue {
  if (value === null) return '';
  if (typeof value === 'boolean' && column.kind === 'figure') return value ? 'yes' : 'no';
  if (typeof value !== 'string') return value;
  if (column.kind === 'period') return periodAsPrinted(value);
  if (column.kind === 'text') return textCell(value);
  return value;
}

const recordsOf = (sheet: Sheet): CellValue[][] =>
  sheet.rows.map((row) => sheet.columns.map((column) => csvValue(column, row[column.key] ?? null)));

/** A line break inside a value (a list one entry per line, Markdown) is quoted too, or the record would end there. */
const csvFile = (records: CellValue[][]): string => `\uFEFF${stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ })}`;

export function toCsv(sheet: Sheet): string {
  return csvFile([sheet.columns.map((column) => column.header), ...recordsOf(sheet)]);
}

/**
 * Several sheets in one CSV, which holds one table: every record starts with its sheet's name, and
 * the first record of each sheet is its header record, so that the file still names every column
 * and a spreadsheet's filter on the first column shows one sheet.
 */
export function toCsvOfSheets(sheets: Sheet[]): string {
  return csvFile(
    sheets.flatMap((sheet) => [
      [sheet.name, ...sheet.columns.map((column) => column.header)],
      ...recordsOf(sheet).map((record) => [sheet.name, ...record]),
    ]),
  );
}

const RAG_FILL: Record<Exclude<Rag, 'none'>, string> = { green: 'FF00B050', amber: 'FFFFC000', red: 'FFFF0000' };

const FORMAT_OF_UNIT: Record<Unit, string> = {
  percent: '0.0##"%"',
  number: '#,##0.###',
  count: '#,##0',
  currency: '"£"#,##0.00',
  days: '0.## "days"',
  'rate-per-100k': '0.## "per 100,000"',
  date: 'dd/mm/yyyy',
  'yes-no': '@',
};

const UK_DATE = 'dd/mm/yyyy';
const UK_INSTANT = 'dd/mm/yyyy hh:mm:ss';

/** An ISO date or instant as the date cell Excel shows in UK form (Excel has no time zones: instants are UTC). */
const dateCellOf = (iso: string): Date => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

function writeCell(cell: ExcelJS.Cell, column: Column, row: Row): void {
  const value = row[column.key] ?? null;
  if (value === null) return;
  switch (column.kind) {
    case 'date':
    case 'instant':
      cell.value = typeof value === 'string' ? dateCellOf(value) : value;
      cell.numFmt = column.kind === 'date' ? UK_DATE : UK_INSTANT;
      return;
    case 'period':
      cell.value = typeof value === 'string' ? periodAsPrinted(value) : value;
      return;
    case 'figure': {
      // A date indicator's figure is a date cell, a yes/no result the word a committee reads.
      cell.value = typeof value === 'boolean' ? (value ? 'yes' : 'no') : typeof value === 'string' ? dateCellOf(value) : value;
      const unit = row[column.unitFrom];
      if (isUnit(unit)) cell.numFmt = FORMAT_OF_UNIT[unit];
      return;
    }
    case 'percent':
      cell.value = value;
      cell.numFmt = '0"%"';
      return;
    case 'pounds':
      cell.value = value;
      cell.numFmt = '"£"#,##0.00;[Red]-"£"#,##0.00';
      return;
    case 'whole-number':
      cell.value = value;
      return;
    case 'rag':
      cell.value = value;
      if (isRag(value) && value !== 'none') {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RAG_FILL[value] } };
      }
      return;
    case 'text':
      cell.value = typeof value === 'string' ? textCell(value) : value;
      return;
  }
}

/** Row 1 holds the sheet's title, row 2 the headers; both stay in view as the user scrolls. */
const HEADER_ROWS = 2;

export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: HEADER_ROWS }] });
    worksheet.columns = sheet.columns.map((column) => ({ key: column.key, width: column.width ?? 14 }));
    const title = worksheet.getRow(1);
    title.getCell(1).value = sheet.title;
    title.font = { bold: true, size: 14 };
    const headers = worksheet.getRow(2);
    sheet.columns.forEach((column, index) => {
      headers.getCell(index + 1).value = column.header;
    });
    headers.font = { bold: true };
    sheet.rows.forEach((row, index) => {
      const line = worksheet.getRow(HEADER_ROWS + 1 + index);
      sheet.columns.forEach((column, columnIndex) => writeCell(line.getCell(columnIndex + 1), column, row));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
