import { UnreadableImportError } from '@app/application-errors';
import type { PlanView } from '@app/projections';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { textAsWritten } from '../exports/spreadsheet-rendering';
import { planTemplateSheets, templateSheetNamed, TEMPLATE_SHEETS } from './plan-template';
import type { ImportedCell, RowProblem, SheetRow, TemplateColumn, TemplateSheet } from './template-sheet';
import { assertOpensWithinLimits } from './zip-limits';

/**
 * Reads a plan sent to import into the template's rows: an XLSX workbook, a CSV of several sheets
 * (each record starting with its sheet's name, each sheet with its header record), or the plan's
 * JSON as `GET /v1/plans/{planId}` answers it, read as the workbook it exports to. What cannot be
 * read at all is refused whole; what is wrong in a cell is a problem of that cell.
 */

export type ImportFormat = 'xlsx' | 'csv' | 'json';

/** Far more rows than a plan's largest sheet can hold (2,000 outcomes): a longer sheet is refused unread. */
export const MAX_ROWS_PER_SHEET = 5_000;

export interface ReadWorkbook {
  rows: Record<string, SheetRow[]>;
  problems: RowProblem[];
}

export async function readPlanWorkbook(format: ImportFormat, body: unknown): Promise<ReadWorkbook> {
  if (format === 'json') return readPlanJson(body);
  if (!Buffer.isBuffer(body)) throw new UnreadableImportError('The file sent is empty.');
  return format === 'xlsx' ? readXlsx(body) : readCsv(body);
}

type RawCell = unknown;

/** A table as read: its name, and its rows by the number the spreadsheet shows, the header row among them. */
interface RawTable {
  name: string;
  rows: Array<{ row: number; cells: RawCell[] }>;
}

async function readXlsx(bytes: Buffer): Promise<ReadWorkbook> {
  assertOpensWithinLimits(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableImportError('The file is not an XLSX workbook that can be opened: save it from Excel as "Excel Workbook (.xlsx)".');
  }
  const tables: RawTable[] = workbook.worksheets.map((worksheet) => {
    if (worksheet.rowCount > MAX_ROWS_PER_SHEET) throw tooLong(worksheet.name, worksheet.rowCount);
    const rows: RawTable['rows'] = [];
    worksheet.eachRow((row, number) => {
      const cells: RawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = cell.value;
      });
      rows.push({ row: number, cells });
    });
    return { name: worksheet.name, rows };
  });
  return fromTables(tables);
}

async function readCsv(bytes: Buffer): Promise<ReadWorkbook> {
  const workbook = new ExcelJS.Workbook();
  let worksheet: ExcelJS.Worksheet;
  try {
    // Every value as written: the template's columns, not a guess, say which are figures and dates.
    worksheet = await workbook.csv.read(Readable.from([bytes]), { map: (value: unknown) => value } as never);
  } catch {
    throw new UnreadableImportError('The file is not a CSV that can be read: save it as "CSV UTF-8 (Comma delimited)".');
  }
  const tables = new Map<string, RawTable>();
  let records = 0;
  worksheet.eachRow((row, number) => {
    if (++records > MAX_ROWS_PER_SHEET * TEMPLATE_SHEETS.length) throw tooLong('the CSV', records);
    const [, sheetCell, ...cells] = row.values as RawCell[];
    const name = typeof sheetCell === 'string' ? sheetCell.trim() : '';
    if (name === '' && cells.every((cell) => cell === '' || cell === null || cell === undefined)) return;
    const table = tables.get(name) ?? { name, rows: [] };
    table.rows.push({ row: number, cells });
    tables.set(name, table);
  });
  for (const table of tables.values()) if (table.rows.length > MAX_ROWS_PER_SHEET) throw tooLong(table.name, table.rows.length);
  return fromTables([...tables.values()], { headerFirst: true });
}

/** The plan's JSON, laid out as its export: its problems are named by the sheet and row where the export puts them. */
function readPlanJson(body: unknown): ReadWorkbook {
  let sheets;
  try {
    sheets = planTemplateSheets(body as PlanView);
  } catch {
    throw new UnreadableImportError('The JSON is not a plan as GET /v1/plans/{planId} answers it: it lacks parts every plan has.');
  }
  const tables: RawTable[] = sheets.map(({ name, columns, rows }) => ({
    name,
    rows: [
      { row: HEADER_ROW, cells: columns.map((column) => column.header) },
      ...rows.map((row, index) => ({ row: HEADER_ROW + 1 + index, cells: columns.map((column) => row[column.key]) })),
    ],
  }));
  return fromTables(tables);
}

/** Where the export writes the headers: under the sheet's title. A workbook of the officer's own may have them in the first row. */
const HEADER_ROW = 2;

const tooLong = (sheet: string, rows: number) =>
  new UnreadableImportError(`${sheet} has ${rows} rows; a plan's sheet holds at most ${MAX_ROWS_PER_SHEET}, so it was not read.`);

function fromTables(tables: RawTable[], options: { headerFirst?: boolean } = {}): ReadWorkbook {
  const rows: Record<string, SheetRow[]> = {};
  const problems: RowProblem[] = [];
  for (const table of tables) {
    const sheet = templateSheetNamed(table.name);
    if (!sheet) {
      if (table.rows.length > 0) {
        const known = TEMPLATE_SHEETS.map(({ name }) => name).join(', ');
        problems.push({ at: { sheet: table.name || '(no sheet named)', row: null }, column: null, message: `is not a sheet of the plan template, whose sheets are ${known}` });
      }
      continue;
    }
    if (rows[sheet.name]) {
      problems.push({ at: { sheet: sheet.name, row: null }, column: null, message: 'comes twice: give each sheet once' });
      continue;
    }
    rows[sheet.name] = readTable(sheet, table, options.headerFirst ?? false, problems);
  }
  return { rows, problems };
}

const textOf = (cell: RawCell): string => (typeof cell === 'string' ? cell.trim().toLowerCase() : '');

/** The table's rows by the template's columns, found by their headers (in the first row, or in the second under a title). */
function readTable(sheet: TemplateSheet, table: RawTable, headerFirst: boolean, problems: RowProblem[]): SheetRow[] {
  const byHeader = new Map(sheet.columns.map((column) => [column.header.toLowerCase(), column]));
  const isHeaderRow = (cells: RawCell[]) => cells.some((cell) => byHeader.has(textOf(cell)));
  const headerIndex = headerFirst ? 0 : table.rows.slice(0, HEADER_ROW).findIndex(({ cells }) => isHeaderRow(cells));
  const header = table.rows[headerIndex];
  if (!header || !isHeaderRow(header.cells)) {
    if (table.rows.length > 0) problems.push({ at: { sheet: sheet.name, row: null }, column: null, message: `has no header row naming its columns: ${sheet.columns.map((c) => c.header).join(', ')}` });
    return [];
  }
  const columns: Array<TemplateColumn | undefined> = header.cells.map((cell) => byHeader.get(textOf(cell)));
  header.cells.forEach((cell, index) => {
    if (columns[index] || cell === null || cell === undefined || cell === '') return;
    problems.push({ at: { sheet: sheet.name, row: header.row, cells: {} }, column: null, message: `column '${String(cell)}' is not one of the sheet's: ${sheet.columns.map((c) => c.header).join(', ')}` });
  });
  const read: SheetRow[] = [];
  for (const { row, cells } of table.rows.slice(headerIndex + 1)) {
    const sheetRow: SheetRow = { sheet: sheet.name, row, cells: Object.fromEntries(sheet.columns.map((column) => [column.key, null])) };
    let filled = false;
    cells.forEach((raw, index) => {
      const column = columns[index];
      if (!column) return;
      const cell = cellValue(column, raw);
      if ('fault' in cell) {
        problems.push({ at: sheetRow, column: column.key, message: cell.fault });
        filled = true;
        return;
      }
      sheetRow.cells[column.key] = cell.value;
      filled ||= cell.value !== null;
    });
    if (filled) read.push(sheetRow);
  }
  return read;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** A cell as the column reads it; a formula, an error or a value of no kind a cell holds is a fault of the cell. */
function cellValue(column: TemplateColumn, raw: RawCell): { value: ImportedCell } | { fault: string } {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  if (raw instanceof Date) return { value: isoDate(raw) };
  if (typeof raw === 'number') return { value: column.kind === 'text' ? String(raw) : raw };
  if (typeof raw === 'boolean') return { value: raw ? 'yes' : 'no' };
  if (typeof raw === 'object') {
    const value = raw as { formula?: unknown; sharedFormula?: unknown; error?: unknown; richText?: Array<{ text?: unknown }>; text?: unknown };
    if (value.formula !== undefined || value.sharedFormula !== undefined) {
      return { fault: 'holds a formula: enter the value itself, as a formula is not imported (its result may be out of date)' };
    }
    if (value.error !== undefined) return { fault: `holds the error ${String(value.error)}: enter the value itself` };
    if (Array.isArray(value.richText)) return cellValue(column, value.richText.map((run) => String(run.text ?? '')).join(''));
    if (typeof value.text === 'string') return cellValue(column, value.text);
    return { fault: 'must hold a single value: text, a number or a date' };
  }
  if (typeof raw !== 'string') return { fault: 'must hold a single value: text, a number or a date' };
  if (raw.startsWith('=')) return { fault: 'holds a formula: enter the value itself, as a formula is not imported (its result may be out of date)' };
  if (column.kind === 'text') return { value: textAsWritten(raw) };
  const trimmed = raw.trim();
  if (trimmed === '') return { value: null };
  if (column.kind === 'date') {
    const uk = UK_DATE.exec(trimmed);
    return { value: uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : trimmed };
  }
  const figure = trimmed.replace(/^£/, '').replace(/,/g, '');
  return { value: NUMBER.test(figure) ? Number(figure) : trimmed };
}
