import type { ImportProblem } from '@app/application-errors';
import type { DraftPlan, PlanCommand, RefusalInSequence } from '@app/domain';
import { createValidationPipe } from '@app/platform';
import { BadRequestException } from '@nestjs/common';
import { DraftPlanDto } from '../plans/governance/governance.dto';
import { draftBodyOf, PLAN_SHEET } from '../plans/governance/plan-sheet';
import { PLAN_SECTIONS, templateSheetNamed } from './plan-template';
import { bodyOf, type ImportedCommand, type RowProblem, type SheetRow } from './template-sheet';
import type { ReadWorkbook } from './workbook-reading';

/**
 * From the rows of a plan's workbook to the commands the API runs: each validated by the DTO class
 * its route validates it with, in the same pipe (class-validator's sentences), each fault named by
 * the sheet, row and column it comes from.
 */

export interface PreparedImport {
  /** Null when the plan's own row is missing or invalid: then nothing else can be decided. */
  draft: DraftPlan | null;
  /** The commands after the draft whose rows are valid, in the order they are decided. */
  commands: PlanCommand[];
  /** Where each of `commands` comes from, by the same index. */
  sources: ImportedCommand[];
  problems: ImportProblem[];
}

const validation = createValidationPipe();

/** The DTO the body makes, or the pipe's sentences for each field at fault. */
async function validated(command: Pick<ImportedCommand, 'dto' | 'body'>): Promise<{ dto: object } | { faults: string[] }> {
  try {
    return { dto: (await validation.transform(command.body, { type: 'body', metatype: command.dto })) as object };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const { message } = error.getResponse() as { message: string | string[] };
    return { faults: Array.isArray(message) ? message : [message] };
  }
}

const headerOf = (sheet: string, key: string | null): string | null =>
  key === null ? null : (templateSheetNamed(sheet)?.columns.find((column) => column.key === key)?.header ?? null);

export function problemAt(at: RowProblem['at'], column: string | null, message: string): ImportProblem {
  return { sheet: at.sheet, row: at.row, column: headerOf(at.sheet, column), message };
}

const cellOf = ({ sheet, row, column }: ImportProblem): string => JSON.stringify([sheet, row, column]);

/** The field path a validation sentence starts with: `outcomes[1].description: must not be blank`. */
const pathOf = (fault: string): string => fault.split(': ')[0];

/** The body's own field a path is in: `outcomes` of `outcomes[1].description`. */
const fieldOf = (path: string): string => path.split(/[.[]/)[0];

const ELEMENT = /^(\w+)\[(\d+)\](?:\.(\w+))?/;

/** The cell a field of the command's body came from: an element of a list from its own row, any other field from the command's row. */
function sourceOf(command: ImportedCommand, fault: string): { row: SheetRow; column: string | null } {
  const path = pathOf(fault);
  const element = ELEMENT.exec(path);
  const elementRow = element ? command.elements?.[element[1]]?.[Number(element[2])] : undefined;
  if (element && elementRow) {
    const field = element[3] ?? null;
    return { row: elementRow, column: field === null ? null : (elementRow.columnOfField?.[field] ?? field) };
  }
  const field = fieldOf(path);
  return { row: command.row, column: command.columnOfField?.[path] ?? command.columnOfField?.[field] ?? field };
}

export async function prepareImport(workbook: ReadWorkbook, plan: { council: string; planId: (fromSheet: string | undefined) => string }): Promise<PreparedImport> {
  const rowProblems: RowProblem[] = [...workbook.problems];
  const problems: ImportProblem[] = [];
  const draft = await preparedDraft(workbook.rows[PLAN_SHEET.name] ?? [], plan, problems);
  const imported = PLAN_SECTIONS.flatMap((section) => section.commandsOf(workbook.rows, rowProblems));
  const commands: PlanCommand[] = [];
  const sources: ImportedCommand[] = [];
  for (const command of imported) {
    const outcome = await validated(command);
    if ('faults' in outcome) {
      for (const fault of outcome.faults) {
        const { row, column } = sourceOf(command, fault);
        problems.push(problemAt(row, column, fault));
      }
      continue;
    }
    commands.push({ type: command.type, data: { ...outcome.dto, ...command.fromPath } } as PlanCommand);
    sources.push(command);
  }
  const read = rowProblems.map(({ at, column, message }) => problemAt(at, column, message));
  // A cell that could not be read is left empty, which its field's validation would refuse again: once is enough.
  const unread = new Set(read.map(cellOf));
  return { draft, commands, sources, problems: sortedProblems([...read, ...problems.filter((problem) => !unread.has(cellOf(problem)))]) };
}

async function preparedDraft(
  rows: readonly SheetRow[],
  plan: { council: string; planId: (fromSheet: string | undefined) => string },
  problems: ImportProblem[],
): Promise<DraftPlan | null> {
  if (rows.length === 0) {
    problems.push({ sheet: PLAN_SHEET.name, row: null, column: null, message: "must hold the plan's row: its title, service and period" });
    return null;
  }
  for (const extra of rows.slice(1)) problems.push(problemAt(extra, null, 'is a second plan: a workbook holds one plan, in one row of this sheet'));
  const [row] = rows;
  const outcome = await validated({ dto: DraftPlanDto, body: bodyOf(draftBodyOf(row.cells)) });
  if ('faults' in outcome) {
    for (const fault of outcome.faults) problems.push(problemAt(row, fieldOf(pathOf(fault)), fault));
    return null;
  }
  const { title, service, period, owner, planId } = outcome.dto as DraftPlanDto;
  const id = plan.planId(planId);
  return { type: 'DraftPlan', data: { planId: id, council: plan.council, title, service, period, owner } };
}

/** The plan's rules' refusals of prepared commands, each at the row the command comes from. */
export function refusalProblems(prepared: PreparedImport, refusals: readonly RefusalInSequence[]): ImportProblem[] {
  return refusals.map(({ index, refusal }) => {
    // Index 0 is the draft, decided before the sections' commands.
    const source = index === 0 ? null : prepared.sources[index - 1];
    return source ? problemAt(source.row, null, refusal.message) : { sheet: PLAN_SHEET.name, row: null, column: null, message: refusal.message };
  });
}

const SHEET_ORDER = new Map([PLAN_SHEET, ...PLAN_SECTIONS.flatMap((section) => section.sheets)].map((sheet, index) => [sheet.name, index]));

/** In workbook order, then by row, so that an officer can work down the list sheet by sheet. */
export function sortedProblems(problems: ImportProblem[]): ImportProblem[] {
  const place = (problem: ImportProblem) => SHEET_ORDER.get(problem.sheet) ?? SHEET_ORDER.size;
  return [...problems].sort((a, b) => place(a) - place(b) || (a.row ?? 0) - (b.row ?? 0));
}
