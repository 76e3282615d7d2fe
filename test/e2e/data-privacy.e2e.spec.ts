/** Plan data and the token secret are the service user's alone: other local users can read neither. */
import { chmodSync, chownSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from '../support/test-app';
import { enterSmallPlan } from './plan-commands.support';

const modeOf = (path: string) => statSync(path).mode & 0o777;
/** A refused start-up is logged at error level on purpose; the tests read the refusal instead. */
const start = (dataDir: string) => startTestApp({ dataDir, env: { LOG_LEVEL: 'silent' } });

describe('the data folder', () => {
  let parent: string;

  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'data-privacy-'));
  });

  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('is created for the owner only, with the databases, their -wal and -shm files and the secret readable by the owner only', async () => {
    const dataDir = join(parent, 'new', 'data');
    const api = await start(dataDir);
    try {
      await enterSmallPlan(api);

      expect(modeOf(dataDir)).toBe(0o700);
      for (const store of ['events.db', 'read.db']) {
        for (const suffix of ['', '-wal', '-shm']) expect([store + suffix, modeOf(join(dataDir, store + suffix))]).toEqual([store + suffix, 0o600]);
      }
      expect(modeOf(join(dataDir, 'jwt-secret'))).toBe(0o600);
    } finally {
      await api.close();
    }
  });

  it('refuses to start when other users can read the token secret, saying how to fix it', async () => {
    const dataDir = join(parent, 'shared');
    const secret = join(dataDir, 'jwt-secret');
    const api = await start(dataDir);
    await api.close();
    chmodSync(dataDir, 0o777);
    chmodSync(secret, 0o666);

    await expect(start(dataDir)).rejects.toThrow(
      `${secret} can be read or changed by other users (mode 666), and whoever reads it can mint tokens for any council: ` +
        `run \`chmod 600 ${secret}\`, and replace it if others may have read it.`,
    );
  });

  it('refuses a token secret readable by its group too', async () => {
    const dataDir = join(parent, 'group');
    const secret = join(dataDir, 'jwt-secret');
    const api = await start(dataDir);
    await api.close();
    chmodSync(secret, 0o640);

    await expect(start(dataDir)).rejects.toThrow(`run \`chmod 600 ${secret}\``);
  });

  it('refuses a token secret that belongs to another user, who could change it', async () => {
    const dataDir = join(parent, 'foreign');
    const secret = join(dataDir, 'jwt-secret');
    const api = await start(dataDir);
    await api.close();
    // The tests run as root, who may give the file away; 65534 is nobody.
    chownSync(secret, 65534, 65534);

    await expect(start(dataDir)).rejects.toThrow(
      `${secret} belongs to another user (uid 65534), who can change it and so mint tokens for any council: ` +
        'delete it to have a new one made, or give it to the user the service runs as.',
    );
  });

  it('starts once the secret is the owner\'s alone again', async () => {
    const dataDir = join(parent, 'fixed');
    const secret = join(dataDir, 'jwt-secret');
    const first = await start(dataDir);
    await first.close();
    chmodSync(secret, 0o644);
    await expect(start(dataDir)).rejects.toThrow('can be read or changed by other users');
    chmodSync(secret, 0o600);

    const api = await start(dataDir);
    try {
      expect((await api.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await api.close();
    }
  });
});
