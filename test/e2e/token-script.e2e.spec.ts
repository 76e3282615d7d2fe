import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');

/** `npm run -s token -- …` as the README shows it, with DATA_DIR set; asynchronous, as the API answers in this process. */
async function npmRunToken(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '-s', 'token', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('npm run -s token', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(() => api.close());

  it('prints the token alone on stdout, says on stderr whose DATA_DIR signed it, and the API on that DATA_DIR takes it', async () => {
    const minted = await npmRunToken(api.dataDir, ['--role', 'auditor', '--council', 'hart']);
    expect(minted.code).toBe(0);
    expect(minted.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(minted.stderr).toBe(
      `Token for auditor@hart, valid 8h, signed with the secret of DATA_DIR=${api.dataDir}: the API must run with the same.\n`,
    );
    const answer = await api.inject({ method: 'GET', url: '/v1/plans', headers: { authorization: `Bearer ${minted.stdout.trim()}` } });
    expect(answer.statusCode).toBe(200);
  });

  it('refuses, saying why, when DATA_DIR holds no secret of a running API, and makes none', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'plan-tracking-no-api-'));
    try {
      const minted = await npmRunToken(elsewhere, ['--role', 'auditor', '--council', 'hart']);
      expect(minted).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `There is no token secret in ${join(elsewhere, 'jwt-secret')}: the API makes it when it first starts with DATA_DIR=${elsewhere}. ` +
          'Start the API (npm start) first, or set DATA_DIR to the folder it runs with.\n',
      });
      expect(existsSync(join(elsewhere, 'jwt-secret'))).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
