import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { demoSettings, runDemo, type DemoOutcome } from '../../scripts/demo';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { PlanApi } from './plan-queries.support';

describe('npm run demo, against the API on a real port', () => {
  let api: PlanApi;
  let outcome: DemoOutcome;
  const lines: string[] = [];

  beforeAll(async () => {
    api = await PlanApi.start();
    const { port } = new URL(await api.listen());
    // As `PORT=… DATA_DIR=… npm run demo` would find the API: the settings `npm start` was given.
    const settings = demoSettings({ PORT: port, DATA_DIR: api.dataDir });
    outcome = await runDemo({ ...settings, write: (text) => lines.push(text), planId: 'hart-demo' });
  }, 120_000);

  afterAll(() => api.close());

  it('enters the whole year through the API and prints the version-control table the plan ends with', async () => {
    expect(outcome.commands).toBe(165);
    expect(outcome.versions.rows.map(({ label, reason, madeBy, changes }) => [label, reason, madeBy, changes.summary])).toEqual([
      ['1', 'Version to be considered by O&S Committee', 'Priya Shah', '19 priorities added, 13 indicators added'],
      ['2', 'Version updated to reflect O&S comments', 'Priya Shah', '1 target changed'],
    ]);
    const printed = lines.join('\n');
    expect(printed).toContain('Version No.');
    expect(printed).toMatch(/│ 2 +│ \d\d\/\d\d\/\d{4} │ Version updated to reflect O&S comments/);
  });

  it('prints the Q2 report with the restated figure and the RAG each actual was given', () => {
    const byCode = Object.fromEntries(outcome.report.indicators.map((indicator) => [indicator.code, indicator]));
    expect(outcome.report.period).toBe('2023/24-Q2');
    expect(byCode.CP7).toMatchObject({ actual: 57.6, restated: true, rag: 'none', target: null });
    expect(byCode.CP5).toMatchObject({ actual: 71, rag: 'red', target: { value: 75 } });
    expect(byCode.CP10).toMatchObject({ actual: 45, rag: 'red', direction: 'declined' });
    expect(byCode.CP2).toMatchObject({ actual: 88, rag: 'amber' });
    expect(byCode.CP3).toMatchObject({ actual: 91, rag: 'green', direction: 'improved' });
    const printed = lines.join('\n');
    expect(printed).toContain('Monitoring report for 2023/24-Q2');
    expect(printed).toMatch(/│ CP7 .*│ +- │ +57\.6% \(restated\) │ NONE/);
    expect(printed).toContain('Plan 49% complete, the mean of 19 priorities and milestones (rounding: half up');
  });

  it('prints the audit trail of the restated indicator and where to look next', () => {
    expect(outcome.trail.map((entry) => entry.type)).toEqual([
      'IndicatorDefined',
      'ActualRecorded',
      'ActualRecorded',
      'ActualRecorded',
      'ActualRestated',
      'ActualRecorded',
    ]);
    expect(outcome.trail[4]).toMatchObject({
      actor: { name: 'Sam Patel', role: 'officer' },
      reason: 'Q2 figure corrected after the reconciliation with the revenues contractor',
    });
    const printed = lines.join('\n');
    expect(printed).toContain('Sam Patel (officer)');
    expect(printed).toMatch(/│ +Revision │ Recorded \(UTC\) +│ Who/);
    expect(printed).toContain('/docs');
    expect(printed).toContain('/v1/plans/hart-demo/history');
  });

  it('prints a curl line that works exactly as printed, from the project folder', async () => {
    const curl = lines.join('\n').split('\n').find((line) => line.trimStart().startsWith('curl '));
    expect(curl).toBeDefined();
    // Asynchronously: the API answering curl runs in this process.
    const { stdout } = await promisify(execFile)('sh', ['-c', `${curl} --silent --show-error --fail`], {
      cwd: resolve(__dirname, '../..'),
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toMatchObject({ planId: 'hart-demo', title: HART_PLAN.title });
  });
});
