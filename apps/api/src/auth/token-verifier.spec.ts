import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigType } from '@nestjs/config';
import { jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '@app/platform/config/app-config';
import type { authConfig } from './auth-config';
import { EMBEDDED_ALGORITHM, loadOrCreateEmbeddedSecret, signEmbeddedToken } from './embedded-token';
import { TokenVerifier } from './token-verifier';

// jose's exports are read-only getters, so the signature check is observed through a module mock.
jest.mock('jose', () => {
  const actual = jest.requireActual<typeof import('jose')>('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
const signatureChecks = jwtVerify as jest.MockedFunction<typeof jwtVerify>;

const claims = { sub: 'u-17', name: 'Jo Bloggs', roles: ['officer' as const], council: 'hart', services: ['Corporate Services'] };
const caller = { id: 'u-17', name: 'Jo Bloggs', roles: ['officer'], council: 'hart', services: ['Corporate Services'] };

describe('TokenVerifier, remembering verified tokens', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-verifier-'));
  const secret = loadOrCreateEmbeddedSecret(dataDir);
  let verifier: TokenVerifier;

  const advanceSeconds = (seconds: number) => jest.setSystemTime(Date.now() + seconds * 1000);

  beforeEach(() => {
    // Only the clock is faked: jose and the cache both read it, and crypto's callbacks still run.
    jest.useFakeTimers({ now: Date.UTC(2026, 10, 23, 9, 0, 0), doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout'] });
    signatureChecks.mockClear();
    const config = { keys: { kind: 'embedded' }, metricsPublic: true, rateLimitPerMinute: 600 } as ConfigType<typeof authConfig>;
    verifier = new TokenVerifier(config, { dataDir } as AppConfig);
  });
  afterEach(() => {
    jest.useRealTimers();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('does not check the signature again when the same token comes back', async () => {
    const token = await signEmbeddedToken(secret, claims, '1h');

    await expect(verifier.verify(token)).resolves.toEqual(caller);
    await expect(verifier.verify(token)).resolves.toEqual(caller);

    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('checks the signature again once 60 seconds have passed since it was verified', async () => {
    const token = await signEmbeddedToken(secret, claims, '1h');
    await verifier.verify(token);

    advanceSeconds(60);
    await expect(verifier.verify(token)).resolves.toEqual(caller);

    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('refuses an expired token even though it was remembered while valid', async () => {
    const token = await signEmbeddedToken(secret, claims, '20s');
    await expect(verifier.verify(token)).resolves.toEqual(caller);

    // Past exp the cache no longer answers; jose still allows 30 s of clock tolerance.
    advanceSeconds(21);
    await expect(verifier.verify(token)).resolves.toEqual(caller);
    expect(signatureChecks).toHaveBeenCalledTimes(2);

    advanceSeconds(30);
    await expect(verifier.verify(token)).rejects.toThrow('The token has expired.');
  });

  it('does not remember a refusal: a token not valid yet is accepted once it is', async () => {
    const notBefore = Math.floor(Date.now() / 1000) + 120;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: EMBEDDED_ALGORITHM, typ: 'JWT' })
      .setNotBefore(notBefore)
      .setExpirationTime('1h')
      .sign(secret);

    await expect(verifier.verify(token)).rejects.toThrow('The token is not valid yet.');
    advanceSeconds(121);
    await expect(verifier.verify(token)).resolves.toEqual(caller);
  });

  it('checks a refused token afresh every time it comes back', async () => {
    const token = await signEmbeddedToken(secret, { ...claims, name: '' }, '1h');

    await expect(verifier.verify(token)).rejects.toThrow("The token's 'name' claim is missing or not valid.");
    await expect(verifier.verify(token)).rejects.toThrow("The token's 'name' claim is missing or not valid.");

    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });
});
