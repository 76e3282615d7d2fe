import { RAG_STATUSES, UNITS, type Rag, type Unit } from '@app/domain';

/**
 * A table as a spreadsheet user reads it: typed columns, so that a date is a date cell, a figure a
 * number in its unit and a RAG a coloured cell, rather than text that merely looks like one.
 */

export type ColumnKind =
  | { kind: 'text' }
  /** A figure in an indicator's unit; `unitFrom` names the column of the same row that holds the unit. */
  | { kind: 'figure'; unitFrom: string }
  | { kind: 'whole-number' }
  /** A percentage as the contract writes it (60 is 60%), such as progress. */
  | { kind: 'percent' }
  | { kind: 'pounds' }
  /** An ISO date ("2023-09-30"). */
  | { kind: 'date' }
  /** An ISO instant, shown in UTC. */
  | { kind: 'instant' }
  /** A period in the contract's form ("2023/24-Q2"), shown as a plan prints it ("2023/24 Q2"). */
  | { kind: 'period' }
  | { kind: 'rag' };

export type Column = { key: string; header: string; width?: number } & ColumnKind;

export type CellValue = string | number | boolean | null;

export type Row = Record<string, CellValue>;

export interface Sheet {
  /** The sheet's name in a workbook, and the `sheet` a CSV export asks for. */
  name: string;
  /** The line above the headers in a workbook ("Corporate Services: monitoring report 2023/24 Q2"). */
  title: string;
  columns: Column[];
  rows: Row[];
}

export const periodAsPrinted = (period: string): string => period.replace('-', ' ');

export const isUnit = (value: CellValue): value is Unit => (UNITS as readonly CellValue[]).includes(value);

export const isRag = (value: CellValue): value is Rag => (RAG_STATUSES as readonly CellValue[]).includes(value);
