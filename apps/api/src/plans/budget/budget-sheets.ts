import { BUDGET_KINDS, type BudgetAmount, type BudgetKind } from '@app/domain';
import type { PlanView } from '@app/projections';
import type { Column, Row } from '../../exports/spreadsheet';
import { bodyOf, keyOf, rowsByKey, type ImportedCommand, type RowProblem, type SectionTemplate, type SheetRow } from '../../imports/template-sheet';
import { AddBudgetLineDto, SetPrintedBudgetTotalsDto } from './budget.dto';

const BUDGET = 'Budget';
const PRINTED_TOTALS = 'Budget totals';

const KIND_HEADERS: Record<BudgetKind, string> = {
  original: 'Original £',
  latest: 'Latest £',
  forecast: 'Forecast £',
  outturn: 'Outturn £',
};

const amountColumns: Column[] = BUDGET_KINDS.map((kind) => ({ key: kind, header: KIND_HEADERS[kind], kind: 'pounds', width: 16 }));

/** A row per year, a column per kind, as plans print their budget tables. */
function rowsPerYear(amounts: readonly BudgetAmount[]): Row[] {
  const years = [...new Set(amounts.map((amount) => amount.year))];
  return years.map((year) => ({
    year,
    ...Object.fromEntries(BUDGET_KINDS.map((kind) => [kind, amounts.find((a) => a.year === year && a.kind === kind)?.value ?? null])),
  }));
}

/** The amounts of rows laid out a year a row, a kind a column; each amount remembers its row, so that a fault in it is shown there. */
function amountsOf(rows: readonly SheetRow[]): { amounts: Record<string, unknown>[]; sources: Array<SheetRow & { columnOfField: Record<string, string> }> } {
  const amounts: Record<string, unknown>[] = [];
  const sources: Array<SheetRow & { columnOfField: Record<string, string> }> = [];
  for (const row of rows) {
    for (const kind of BUDGET_KINDS) {
      const value = row.cells[kind];
      if (value === null) continue;
      amounts.push(bodyOf({ year: row.cells.year, kind, value }));
      sources.push({ ...row, columnOfField: { value: kind, kind } });
    }
  }
  return { amounts, sources };
}

/** The budget as a row per cost centre and year, and the totals the plan prints, a row per year. */
export const BUDGET_TEMPLATE: SectionTemplate = {
  sheets: [
    {
      name: BUDGET,
      title: 'Budget: one row per cost centre or service and year, in pounds (income negative); a line over several years has a row for each',
      columns: [
        { key: 'code', header: 'Code', kind: 'text', width: 12 },
        { key: 'title', header: 'Cost centre or service', kind: 'text', width: 50 },
        { key: 'year', header: 'Year', kind: 'text', width: 10 },
        ...amountColumns,
        { key: 'note', header: 'Note', kind: 'text', width: 50 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.budget.lines.flatMap(({ code, title, note, amounts }) => {
          const years = rowsPerYear(amounts);
          return (years.length === 0 ? [{ year: null }] : years).map((year, index) => ({ code, title, ...year, note: index === 0 ? note : null }));
        }),
    },
    {
      name: PRINTED_TOTALS,
      title: 'Budget totals as the plan prints them, a row per year (the totals of the lines are computed)',
      columns: [{ key: 'year', header: 'Year', kind: 'text', width: 10 }, ...amountColumns],
      rowsOf: (plan: PlanView) =>
        rowsPerYear(plan.budget.totals.flatMap(({ year, kind, printed }) => (printed === null ? [] : [{ year, kind, value: printed }]))),
    },
  ],
  commandsOf(rows, problems: RowProblem[]): ImportedCommand[] {
    const lines = [...rowsByKey(rows[BUDGET] ?? [], 'code').values()].map((lineRows): ImportedCommand => {
      const [first] = lineRows;
      for (const row of lineRows.slice(1)) {
        if (keyOf(row.cells.title) !== keyOf(first.cells.title)) {
          problems.push({ at: row, column: 'title', message: `names line ${String(first.cells.code)} otherwise than its row ${first.row} does` });
        }
      }
      const { amounts, sources } = amountsOf(lineRows);
      const note = lineRows.map((row) => row.cells.note).find((cell) => cell !== null) ?? null;
      return {
        type: 'AddBudgetLine',
        dto: AddBudgetLineDto,
        row: first,
        body: bodyOf({ code: first.cells.code, title: first.cells.title, note, amounts: amounts.length === 0 ? null : amounts }),
        elements: { amounts: sources },
        columnOfField: { note: 'note' },
      };
    });
    const totalRows = rows[PRINTED_TOTALS] ?? [];
    if (totalRows.length === 0) return lines;
    const { amounts, sources } = amountsOf(totalRows);
    const totals: ImportedCommand = {
      type: 'SetPrintedBudgetTotals',
      dto: SetPrintedBudgetTotalsDto,
      row: totalRows[0],
      body: { totals: amounts },
      elements: { totals: sources },
    };
    return [...lines, totals];
  },
};
