import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Runs an entry point as `npm start`, `npm run token` and the rest would, on a Node that says it is 20.12. */
function runOnNode2012(entry: string, args: string[] = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-tracking-node-'));
  try {
    return spawnSync(
      process.execPath,
      ['-r', './test/support/as-node-20.12.js', '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry, ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: '39999', PROJECTOR_PORT: '39998' }, encoding: 'utf8', timeout: 60_000 },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('On a Node older than the service needs', () => {
  it.each([
    ['the API', 'apps/api/src/main.ts', []],
    ['the projector', 'apps/projector/src/main.ts', []],
    ['the token script', 'scripts/mint-token.ts', ['--role', 'auditor', '--council', 'hart']],
  ])('%s stops at once with one sentence saying which Node it needs, loading nothing else', (_, entry, args) => {
    const run = runOnNode2012(entry, args);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'This service needs Node 20.19 or later (20.19+, 22.12+ or 24+), but this is Node 20.12.0: ' +
        'install a newer Node (for example `nvm install 22`) and run it again.\n',
    });
  });
});
