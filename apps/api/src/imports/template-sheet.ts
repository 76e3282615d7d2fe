import type { PlanCommandType } from '@app/domain';
import type { PlanView } from '@app/projections';
import type { Column, Row } from '../exports/spreadsheet';

/**
 * The plan template: a workbook laid out as a plan, one sheet per kind of content. Each section
 * declares its sheets here in its own folder (`apps/api/src/plans/<section>/<section>-sheets.ts`):
 * how the plan view fills them (the export) and which commands their rows become (the import), so
 * that what is taken out is what can be brought back in.
 */

/** A column of the template; its key is the field of the command body it fills, where it fills one. */
export type TemplateColumn = Column;

export interface TemplateSheet {
  /** The sheet's name in the workbook, and in the first column of a CSV. */
  name: string;
  /** What the sheet holds, above its headers: "Priorities and their outcomes are on two sheets...". */
  title: string;
  columns: TemplateColumn[];
  rowsOf(plan: PlanView): Row[];
}

/** A cell as read back: text, a number, or nothing; a date cell is read as its ISO date. */
export type ImportedCell = string | number | null;

/** A row read back from a sheet, where the officer finds it: the sheet's name and the row's number there. */
export interface SheetRow {
  sheet: string;
  row: number;
  cells: Record<string, ImportedCell>;
}

/** The rows of every sheet read, by sheet name; a sheet left out of the workbook has none. */
export type SheetRows = Readonly<Record<string, readonly SheetRow[]>>;

/** One thing wrong that the reading of the rows itself found, before any command is validated. */
export interface RowProblem {
  at: SheetRow | { sheet: string; row: null };
  /** The column's key, or null for the row as a whole. */
  column: string | null;
  message: string;
}

/**
 * A command that rows stand for, as its route's body, with the DTO class its route validates it
 * with: the body goes through the same validation, and the command is made as its route makes it.
 */
export interface ImportedCommand {
  type: PlanCommandType;
  dto: new () => object;
  body: Record<string, unknown>;
  /** The row the command is named by, where a refusal of the command as a whole is shown. */
  row: SheetRow;
  /** Lists of the body whose elements came each from a row of another sheet (a priority's outcomes). */
  elements?: Record<string, ReadonlyArray<SheetRow & { columnOfField?: Record<string, string> }>>;
  /** Fields of the body filled from a column of another key (`residual.likelihood` from `residualLikelihood`). */
  columnOfField?: Record<string, string>;
  /** What the route takes from its path rather than its body (the indicator's code of a baseline), added to the command as the route adds it. */
  fromPath?: Record<string, string>;
}

/** A section of the plan in the template: its sheets, and the commands their rows become. */
export interface SectionTemplate {
  sheets: TemplateSheet[];
  commandsOf(rows: SheetRows, problems: RowProblem[]): ImportedCommand[];
}

/** The body without the fields whose cells were empty: an empty cell is a field left out, not sent as null. */
export function bodyOf(cells: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(cells).filter(([, value]) => value !== null && value !== undefined));
}

/** A cell that holds a list, one entry per line ("Themes"): a list in one cell, as a council's plan prints it. */
export function listIn(cell: ImportedCell): string[] | null {
  if (cell === null) return null;
  return String(cell)
    .split(/\r?\n/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** How a list is written into one cell: one entry per line. */
export const cellOfList = (entries: readonly string[]): string | null => (entries.length === 0 ? null : entries.join('\n'));

/** "yes" and "no" as a spreadsheet user writes them, for a field that is true or false; anything else is left for validation to refuse. */
export function yesOrNo(cell: ImportedCell): boolean | ImportedCell {
  if (typeof cell !== 'string') return cell;
  const word = cell.trim().toLowerCase();
  if (word === 'yes' || word === 'true') return true;
  if (word === 'no' || word === 'false') return false;
  return cell;
}

export const yesOrNoOf = (value: boolean | null): string | null => (value === null ? null : value ? 'yes' : 'no');

/** Rows of `sheet` grouped by the text of one column (a priority's outcomes by its ref), in the order they come. */
export function rowsByKey(rows: readonly SheetRow[], column: string): Map<string, SheetRow[]> {
  const groups = new Map<string, SheetRow[]>();
  for (const row of rows) {
    const key = keyOf(row.cells[column]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** A reference as rows name one another by it: compared as the API compares references, without regard to case or outer spaces. */
export const keyOf = (cell: ImportedCell): string => String(cell ?? '').trim().toUpperCase();

/** Says that rows name an item no row of its own sheet holds, so that they would otherwise be dropped without a word. */
export function orphanRows(
  groups: Map<string, SheetRow[]>,
  known: ReadonlySet<string>,
  column: string,
  what: string,
  problems: RowProblem[],
): void {
  for (const [key, rows] of groups) {
    if (known.has(key)) continue;
    for (const row of rows) {
      const named = row.cells[column];
      problems.push({
        at: row,
        column,
        message: named === null ? `names no ${what}: say which ${what} it belongs to` : `names ${what} '${String(named)}', which no row of its sheet holds`,
      });
    }
  }
}
