/**
 * `npm run demo`: enters the Hart 2023/24 Corporate Services plan through the HTTP API of a running
 * `npm start` (at API_URL, else http://127.0.0.1:<PORT>, PORT 3000 by default), then prints its
 * version-control table, the Q2 monitoring report and a short audit trail. Tokens are signed with
 * the embedded secret in DATA_DIR (default ./data), so run it on the server's machine with the
 * server's PORT and DATA_DIR.
 */
// First, before any dependency is loaded: an older Node would fail inside one with a misleading message.
import '@app/platform/runtime/exit-on-unsupported-node';
import { ConfigurationError, parseAppConfig } from '@app/platform/config/app-config';
import { formatValue, type MonitoringReport, type PlanHistoryEntry, type VersionTable } from '@app/projections';
import { loadEmbeddedSecret, signEmbeddedToken } from '../apps/api/src/auth/embedded-token';
import { HART_PLAN } from '../test/fixtures/hart-2023-24';
import { ApiError, PlanApiClient } from './demo/api-client';
import { DEMO_PEOPLE, hartYear, RESTATEMENT, type DemoPerson } from './demo/hart-year';
import { renderTable } from './demo/terminal-table';

export interface DemoSettings {
  apiUrl: string;
  /** The API's DATA_DIR, whose token secret signs the demo's tokens. */
  dataDir: string;
}

export interface DemoOptions extends DemoSettings {
  /** Where the demo's lines go. */
  write: (text: string) => void;
  /** Colour the RAG column with terminal escape codes. */
  colour?: boolean;
  /** The new plan's id; one of its own by default, so that the demo may run again on the same data. */
  planId?: string;
}

export interface DemoOutcome {
  planId: string;
  commands: number;
  versions: VersionTable;
  report: MonitoringReport;
  trail: PlanHistoryEntry[];
}

const REPORT_PERIOD = '2023/24-Q2';

const RAG_COLOURS: Record<string, string> = { green: '\x1b[32m', amber: '\x1b[33m', red: '\x1b[31m' };

export async function runDemo({ apiUrl, dataDir, write, colour = false, planId: chosenId }: DemoOptions): Promise<DemoOutcome> {
  const planId = chosenId ?? `hart-corporate-services-2023-24-${Date.now().toString(36)}`;
  const api = new PlanApiClient(apiUrl);
  const tokens = await mintTokens(dataDir);

  write(`Entering "${HART_PLAN.title}" at ${apiUrl} as plan ${planId}\n`);
  const steps = hartYear(planId);
  let stage: string | null = null;
  let stageCommands = 0;
  const closeStage = () => stage && write(`  ✓ ${stage}${stageCommands > 1 ? ` (${stageCommands} commands)` : ''}`);
  for (const step of steps) {
    if (step.stage !== stage) {
      closeStage();
      stage = step.stage;
      stageCommands = 0;
    }
    await api.command(tokens[step.as], step.method, step.path, step.body);
    stageCommands += 1;
  }
  closeStage();

  const auditor = tokens.auditor;
  const versions = await api.query<VersionTable>(auditor, `/v1/plans/${planId}/versions`);
  const report = await api.query<MonitoringReport>(auditor, `/v1/plans/${planId}/reports/${REPORT_PERIOD.replace('/', '-')}`);
  const trail = await api.query<{ items: PlanHistoryEntry[] }>(auditor, `/v1/plans/${planId}/history?ref=${RESTATEMENT.code}`);

  write(`\nVersion control (derived from the version events)\n${versionTable(versions)}`);
  write(`\nMonitoring report for ${report.period} (plan version ${report.planVersion})\n${indicatorTable(report, colour)}`);
  write(`\n${priorityTable(report)}`);
  write(
    `Plan ${report.rollups.plan.percentComplete}% complete, the mean of ${report.rollups.plan.items} priorities and milestones ` +
      `(rounding: ${report.rollups.rounding.toLowerCase()}).`,
  );
  write(`\nAudit trail of ${RESTATEMENT.code} (who, when, why)\n${trailTable(trail.items)}`);
  const links: Array<[string, string]> = [
    ['/docs', 'the API documentation'],
    [`/v1/plans/${planId}`, 'the plan'],
    [`/v1/plans/${planId}/history`, 'its audit trail'],
    [`/v1/plans/${planId}/versions/1/diff/2`, 'what changed after O&S'],
  ];
  const width = Math.max(...links.map(([path]) => api.url(path).length));
  write('\nOpen next (the /v1 routes need a bearer token):');
  for (const [path, what] of links) write(`  ${api.url(path).padEnd(width)}  ${what}`);
  // The token script reads DATA_DIR as the API does: named when it is not the default, so the line works as printed.
  const dataDirSetting = dataDir === parseAppConfig({}).dataDir ? '' : `DATA_DIR=${shellWord(dataDir)} `;
  const token = `$(${dataDirSetting}npm run -s token -- --role auditor --council ${HART_PLAN.council})`;
  write('For example, in this folder:');
  write(`  curl -H "Authorization: Bearer ${token}" ${shellWord(api.url(`/v1/plans/${planId}`))}`);
  return { planId, commands: steps.length, versions, report, trail: trail.items };
}

async function mintTokens(dataDir: string): Promise<Record<DemoPerson, string>> {
  const secret = loadEmbeddedSecret(dataDir);
  const entries = await Promise.all(
    (Object.keys(DEMO_PEOPLE) as DemoPerson[]).map(async (person) => {
      const { role, name, sub } = DEMO_PEOPLE[person];
      const token = await signEmbeddedToken(secret, { sub, name, roles: [role], council: HART_PLAN.council }, '1h');
      return [person, token] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<DemoPerson, string>;
}

/** A word the shell reads as written: as it is when plain, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** Long titles cut at a word, so that each priority keeps to one line. */
function clip(text: string, width: number): string {
  if (text.length <= width) return text;
  const cut = text.slice(0, width - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > width / 2 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** An ISO date as the plans write it: 02/10/2019. */
const ukDate = (isoDate: string): string => isoDate.split('-').reverse().join('/');

function versionTable({ rows }: VersionTable): string {
  return renderTable(
    [{ header: 'Version No.' }, { header: 'Date' }, { header: 'Reason', maxWidth: 44 }, { header: 'Made by' }, { header: 'Changes since the previous version', maxWidth: 44 }],
    rows.map((row) => [row.label, ukDate(row.date), row.reason, row.madeBy, row.changes.summary]),
  );
}

function indicatorTable(report: MonitoringReport, colour: boolean): string {
  const ragColumn = 4;
  return renderTable(
    [
      { header: 'Code' },
      { header: 'Indicator', maxWidth: 38 },
      { header: 'Target', align: 'right' },
      { header: 'Actual', align: 'right' },
      { header: 'RAG' },
      { header: 'Direction' },
      { header: 'Why', maxWidth: 40 },
    ],
    report.indicators.map((indicator) => [
      indicator.code,
      indicator.title,
      indicator.target?.value != null ? formatValue(indicator.target.value, indicator.unit) : '-',
      indicator.actual === null ? '-' : `${formatValue(indicator.actual, indicator.unit)}${indicator.restated ? ' (restated)' : ''}`,
      indicator.rag.toUpperCase(),
      indicator.direction,
      indicator.ragReason,
    ]),
    (text, row, column) => {
      const code = colour && column === ragColumn ? RAG_COLOURS[report.indicators[row].rag] : undefined;
      return code ? `${code}${text}\x1b[0m` : text;
    },
  );
}

function priorityTable(report: MonitoringReport): string {
  return renderTable(
    [
      { header: 'Ref', align: 'right' },
      { header: 'Priority', maxWidth: 60 },
      { header: '% done', align: 'right' },
      { header: 'Status' },
      { header: 'Commentary', maxWidth: 30 },
    ],
    report.priorities.map((priority) => [
      priority.ref,
      clip(priority.title, 60),
      priority.percentComplete === null ? '-' : `${priority.percentComplete}%`,
      priority.status ?? 'not reported',
      priority.commentary ?? '',
    ]),
  );
}

function trailTable(entries: PlanHistoryEntry[]): string {
  return renderTable(
    [{ header: 'Revision', align: 'right' }, { header: 'Recorded (UTC)' }, { header: 'Who' }, { header: 'What', maxWidth: 70 }],
    entries.map((entry) => [
      String(entry.revision),
      entry.recordedAt.slice(0, 19).replace('T', ' '),
      entry.actor ? `${entry.actor.name} (${entry.actor.role})` : 'unknown',
      entry.summary,
    ]),
  );
}

/**
 * Where the demo finds the API and its token secret, from the settings the API itself reads: API_URL
 * when set (an API elsewhere, e.g. behind a proxy), else this machine at the API's PORT.
 */
export function demoSettings(env: NodeJS.ProcessEnv): DemoSettings {
  const { port, dataDir } = parseAppConfig(env);
  return { apiUrl: env.API_URL?.trim() || `http://127.0.0.1:${port}`, dataDir };
}

async function main(): Promise<void> {
  await runDemo({
    ...demoSettings(process.env),
    write: (text) => process.stdout.write(`${text}\n`),
    colour: process.stdout.isTTY,
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const told = error instanceof ApiError || error instanceof ConfigurationError;
    const reason = told ? error.message : error instanceof Error ? error.stack : String(error);
    process.stderr.write(`\nThe demo stopped: ${reason}\n`);
    process.exitCode = 1;
  });
}
