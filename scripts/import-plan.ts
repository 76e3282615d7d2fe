/**
 * `npm run import -- <file> [--plan-id <id>] [--dry-run] [--url <api>] [--token <bearer token>]`:
 * brings a plan in from a workbook laid out as the plan template (.xlsx), a CSV of its sheets (.csv)
 * or a plan's JSON (.json) through a running API's `POST /v1/imports`. It checks every row first (a
 * dry run) and prints the problems as a table, sheet by sheet; only a plan without any is imported,
 * all at once (run again, it is refused: the plan exists). The token is an editor's (`npm run -s token -- --role editor --council <council>`), or
 * PLAN_API_TOKEN; the API is at --url, else API_URL, else http://127.0.0.1:<PORT>.
 * Exit status: 0 imported (or, with --dry-run, importable), 1 problems found, 2 refused or unreachable, 3 anything else.
 */
// First, before any dependency is loaded: an older Node would fail inside one with a misleading message.
import '@app/platform/runtime/exit-on-unsupported-node';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportProblem } from '@app/application-errors';
import type { PlanImportAnswer } from '../apps/api/src/imports/import-plan.command';
import { IMPORT_MEDIA_TYPES } from '../apps/api/src/imports/import-bodies';
import { renderTable } from './demo/terminal-table';

const USAGE = 'Usage: npm run import -- <file.xlsx|file.csv|file.json> [--plan-id <id>] [--dry-run] [--url <api>] [--token <bearer token>]';

const FORMAT_OF_EXTENSION: Record<string, keyof typeof IMPORT_MEDIA_TYPES> = { '.xlsx': 'xlsx', '.csv': 'csv', '.json': 'json' };

class Refusal extends Error {}

interface Answer {
  status: number;
  body: (Partial<PlanImportAnswer> & { message?: string | string[]; problems?: ImportProblem[] }) | null;
}

async function post(url: string, token: string, file: Buffer, contentType: string): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: file,
    });
  } catch (error) {
    throw new Refusal(`Could not reach the API at ${url} (${(error as { cause?: { code?: string } }).cause?.code ?? String(error)}): start it with \`npm start\`, or give --url.`);
  }
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function problemsTable(problems: readonly ImportProblem[]): string {
  return renderTable(
    [{ header: 'Sheet' }, { header: 'Row', align: 'right' }, { header: 'Column', maxWidth: 28 }, { header: 'Problem', maxWidth: 70 }],
    problems.map(({ sheet, row, column, message }) => [sheet, row === null ? '' : String(row), column ?? '', message]),
  );
}

async function main(write: (text: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'plan-id': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      url: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    write(`${USAGE}\n`);
    return 0;
  }
  const [path] = positionals;
  const format = path ? FORMAT_OF_EXTENSION[extname(path).toLowerCase()] : undefined;
  if (!path || positionals.length > 1 || !format) throw new Refusal(`Give one file ending .xlsx, .csv or .json.\n${USAGE}`);
  const token = values.token ?? process.env.PLAN_API_TOKEN;
  if (!token) throw new Refusal(`Give an editor's token with --token (npm run -s token -- --role editor --council <council>), or set PLAN_API_TOKEN.\n${USAGE}`);
  const apiUrl = values.url ?? process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

  const file = readFileSync(path);
  write(`[1/3] Read ${basename(path)}: ${(file.length / 1024).toFixed(1)} KB of ${format.toUpperCase()}\n`);
  const query = (dryRun: boolean) => `${new URL('/v1/imports', apiUrl)}?dryRun=${dryRun}${values['plan-id'] ? `&planId=${encodeURIComponent(values['plan-id'])}` : ''}`;

  write(`[2/3] Checking every row against ${apiUrl} (a dry run: nothing is written)\n`);
  const checked = await post(query(true), token, file, IMPORT_MEDIA_TYPES[format]);
  if (checked.status !== 200 || checked.body === null) throw new Refusal(`The API refused the file (${checked.status}): ${String(checked.body?.message ?? '')}`);
  const { problems = [], commands = 0, events = 0, planId } = checked.body;
  if (problems.length > 0) {
    write(`${problemsTable(problems)}\n${problems.length} problem${problems.length === 1 ? '' : 's'} to put right; nothing was imported.\n`);
    return 1;
  }
  write(`      Plan ${planId}: ${commands} commands, ${events} events, no problems\n`);
  if (values['dry-run']) {
    write('[3/3] Dry run only: nothing was imported\n');
    return 0;
  }

  write(`[3/3] Importing plan ${planId}\n`);
  const imported = await post(query(false), token, file, IMPORT_MEDIA_TYPES[format]);
  if (imported.status !== 201 || !imported.body?.written) {
    if (imported.body?.problems?.length) write(`${problemsTable(imported.body.problems)}\n`);
    throw new Refusal(`The API refused the import (${imported.status}): ${String(imported.body?.message ?? '')}`);
  }
  write(`      Imported plan ${planId}: ${events} events, at revision ${imported.body.written.revision}\n`);
  return 0;
}

main((text) => process.stdout.write(text)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof Refusal ? 2 : 3;
  },
);
