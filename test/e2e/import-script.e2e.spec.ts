import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { withoutShellSettings } from '../support/shell-settings';
import { startTestApp, type TestApp } from '../support/test-app';
import { authHeader, callerWithRole } from '../support/tokens';
import { download, enterHartWithProse, XLSX } from './imports.support';

const ROOT = resolve(__dirname, '../..');

/** `npm run -s import -- …` as the README shows it, against the test server; asynchronous, as the API answers in this process. */
async function npmRunImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '-s', 'import', '--', ...args], {
      cwd: ROOT,
      env: withoutShellSettings(process.env),
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('npm run import', () => {
  let api: TestApp;
  let url: string;
  let token: string;
  let folder: string;
  let workbookFile: string;

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    await api.app.listen(0, '127.0.0.1');
    url = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    token = (await authHeader(api.dataDir, callerWithRole('editor', HART_PLAN.council))).authorization.replace(/^Bearer /, '');
    const position = await enterHartWithProse(api, 'hart-for-the-script');
    folder = mkdtempSync(join(tmpdir(), 'plan-import-'));
    workbookFile = join(folder, 'hart.xlsx');
    writeFileSync(workbookFile, await download(api, `/v1/plans/hart-for-the-script?waitFor=${position}`, XLSX));
  });

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await api.close();
  });

  it('shows the problems of a faulty workbook as a table, sheet by sheet, and imports nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookFile);
    workbook.getWorksheet('Indicators')!.getRow(3).getCell(4).value = 'furlongs';
    const faulty = join(folder, 'faulty.xlsx');
    await workbook.xlsx.writeFile(faulty);

    const run = await npmRunImport([faulty, '--plan-id', 'hart-faulty', '--url', url, '--token', token]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[1/3] Read faulty.xlsx');
    expect(run.stdout).toContain('[2/3] Checking every row');
    expect(run.stdout).toMatch(/│ Indicators │ +3 │ Unit +│ unit: must be one of: percent/);
    expect(run.stdout).toContain('1 problem to put right; nothing was imported.');
    expect((await api.send({ method: 'GET', url: '/v1/plans/hart-faulty', as: 'editor' })).status).toBe(404);
  });

  it('imports a sound workbook after checking it, and refuses to import it over itself again', async () => {
    const run = await npmRunImport([workbookFile, '--plan-id', 'hart-by-script', '--url', url, '--token', token]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Plan hart-by-script: 35 commands, 35 events, no problems');
    expect(run.stdout).toContain('[3/3] Importing plan hart-by-script');
    expect(run.stdout).toContain('Imported plan hart-by-script: 35 events, at revision 34');

    const again = await npmRunImport([workbookFile, '--plan-id', 'hart-by-script', '--url', url, '--token', token]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/refused the file \(409\): A plan with the id 'hart-by-script' already exists/);
  });
});
