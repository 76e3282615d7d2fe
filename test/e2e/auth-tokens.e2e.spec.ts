import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Get, Module, Post, type Type } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { exportJWK, SignJWT } from 'jose';
import { Access } from '../../apps/api/src/auth/access-table';
import { Caller, CurrentCaller } from '../../apps/api/src/auth/caller';
import { loadOrCreateEmbeddedSecret } from '../../apps/api/src/auth/embedded-token';
import { describeAccess } from '../../apps/api/src/auth/openapi-access';
import { startTestApp, type TestApp } from '../support/test-app';
import { authHeader, mintTestToken, TestCaller } from '../support/tokens';

/** What the probe controller was asked to write: a refused request must leave this empty. */
const written: string[] = [];

@Controller('v1/probe')
class ProbeController {
  @Get()
  @Access('plans.read')
  read(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }

  @Post()
  @Access('plans.draft')
  draft(@Body() body: { title: string }): { ok: true } {
    written.push(body.title);
    return { ok: true };
  }
}

/** The API on `dataDir` with the probe's routes beside its own. */
function startApi(dataDir: string, env: Record<string, string> = {}, controllers: Type[] = [ProbeController]): Promise<TestApp> {
  @Module({ controllers })
  class ProbeModule {}
  return startTestApp({ dataDir, env, modules: [ProbeModule] });
}

function unauthorized(message: string) {
  return { statusCode: 401, error: 'Unauthorized', message };
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('Bearer tokens in embedded mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auth-e2e-'));
  let app: TestApp;
  const hartOfficer: TestCaller = { role: 'officer', council: 'hart', services: ['Corporate Services'], name: 'Jo Bloggs', sub: 'u-17' };

  beforeAll(async () => {
    app = await startApi(dataDir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    written.length = 0;
  });

  const draft = (headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/v1/probe', headers, payload: { title: 'Service plan 2023/24' } });

  it('keeps the signing secret in DATA_DIR, readable by its owner only', () => {
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('lets a valid token through and hands the handler the caller it names', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/probe', headers: await authHeader(dataDir, hartOfficer) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'u-17', name: 'Jo Bloggs', roles: ['officer'], council: 'hart', services: ['Corporate Services'] });
  });

  it('reads a token without services as a caller for every service of the council', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/probe', headers: await authHeader(dataDir, { role: 'reporting', council: 'hart' }) });
    expect(response.json()).toMatchObject({ roles: ['reporting'], services: null });
  });

  it('writes for a caller holding the operation role', async () => {
    const response = await draft(await authHeader(dataDir, { role: 'editor', council: 'hart' }));
    expect(response.statusCode).toBe(201);
    expect(written).toEqual(['Service plan 2023/24']);
  });

  const otherSecret = new Uint8Array(32).fill(7);
  const claims = { name: 'Jo Bloggs', roles: ['editor'], council: 'hart' };
  const signed = (payload: object, sign: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
    sign(new SignJWT({ ...payload }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-17').setIssuedAt());

  const badTokens: [string, () => Promise<Record<string, string>>, string][] = [
    ['no Authorization header', async () => ({}), 'A bearer token is required.'],
    ['another scheme', async () => ({ authorization: 'Basic am86c2VjcmV0' }), "The Authorization header must read 'Bearer <token>'."],
    ['a malformed token', async () => ({ authorization: 'Bearer not.a-token' }), 'The token is not valid.'],
    ['an expired token', async () => authHeader(dataDir, { role: 'editor', council: 'hart', expiresIn: '-1h' }), 'The token has expired.'],
    [
      'a token not valid yet',
      async () => ({ authorization: `Bearer ${await signed(claims, (jwt) => jwt.setExpirationTime('2h').setNotBefore('1h')).sign(loadOrCreateEmbeddedSecret(dataDir))}` }),
      'The token is not valid yet.',
    ],
    [
      'a token signed with another secret',
      async () => ({ authorization: `Bearer ${await signed(claims, (jwt) => jwt.setExpirationTime('1h')).sign(otherSecret)}` }),
      'The token is not valid.',
    ],
    [
      "an unsigned token (alg 'none')",
      async () => ({ authorization: `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, sub: 'u-17', exp: Math.floor(Date.now() / 1000) + 3600 })}.` }),
      'The token is not valid.',
    ],
    [
      'a token without an expiry',
      async () => ({ authorization: `Bearer ${await signed(claims).sign(loadOrCreateEmbeddedSecret(dataDir))}` }),
      "The token's 'exp' claim is missing or not valid.",
    ],
    [
      'a token without a council',
      async () => ({ authorization: `Bearer ${await signed({ name: 'Jo', roles: ['editor'] }, (jwt) => jwt.setExpirationTime('1h')).sign(loadOrCreateEmbeddedSecret(dataDir))}` }),
      "The token's 'council' claim is missing or not valid.",
    ],
    [
      'a token with a role the API does not know',
      async () => ({ authorization: `Bearer ${await signed({ ...claims, roles: ['editor', 'superuser'] }, (jwt) => jwt.setExpirationTime('1h')).sign(loadOrCreateEmbeddedSecret(dataDir))}` }),
      "The token's 'roles' claim is missing or not valid.",
    ],
    [
      'a token whose services are not a list of names',
      async () => ({ authorization: `Bearer ${await signed({ ...claims, services: 'Corporate Services' }, (jwt) => jwt.setExpirationTime('1h')).sign(loadOrCreateEmbeddedSecret(dataDir))}` }),
      "The token's 'services' claim is missing or not valid.",
    ],
  ];

  it.each(badTokens)('refuses %s with 401 and writes nothing', async (_, headers, message) => {
    const response = await draft(await headers());
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual(unauthorized(message));
    expect(written).toEqual([]);
  });

  it('refuses a caller without the operation role with 403 naming the role, and writes nothing', async () => {
    const response = await draft(await authHeader(dataDir, hartOfficer));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: "This needs the 'editor' role." });
    expect(written).toEqual([]);
  });

  it('names every role an operation allows when the caller holds none of them', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/probe', headers: await authHeader(dataDir, { role: 'admin', council: 'hart' }) });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe("This needs one of the roles 'officer', 'editor', 'governance', 'auditor' or 'reporting'.");
  });

  it('leaves /health and /metrics open', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });

  it('shows in the OpenAPI document which roles may call each route', () => {
    const document = describeAccess(SwaggerModule.createDocument(app.app, new DocumentBuilder().addBearerAuth().build()));
    const read = document.paths['/v1/probe'].get;
    expect(read).toMatchObject({ 'x-roles': ['officer', 'editor', 'governance', 'auditor', 'reporting'], security: [{ bearer: [] }] });
    expect(read?.description).toBe('Roles allowed: officer, editor, governance, auditor, reporting.');
    expect(document.paths['/v1/probe'].post?.description).toBe('Roles allowed: editor.');
    expect(document.paths['/health'].get?.description).toBeUndefined();
  });

  it('keeps the secret across restarts, so tokens minted before still verify', async () => {
    const token = await mintTestToken(dataDir, { role: 'auditor', council: 'hart' });
    const restarted = await startApi(dataDir);
    try {
      const response = await restarted.inject({ method: 'GET', url: '/v1/probe', headers: { authorization: `Bearer ${token}` } });
      expect(response.statusCode).toBe(200);
    } finally {
      await restarted.close();
    }
  });
});

describe('Settings around the token check', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auth-e2e-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('closes /metrics to all but the operator when METRICS_PUBLIC=false, a council admin included', async () => {
    const app = await startApi(dataDir, { METRICS_PUBLIC: 'false' });
    try {
      const scrape = async (headers: Record<string, string>) => (await app.inject({ method: 'GET', url: '/metrics', headers })).statusCode;
      expect(await scrape({})).toBe(401);
      expect(await scrape(await authHeader(dataDir, { role: 'auditor', council: 'hart' }))).toBe(403);
      expect(await scrape(await authHeader(dataDir, { role: 'admin', council: 'hart' }))).toBe(403);
      expect(await scrape(await authHeader(dataDir, { role: 'operator' }))).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses to start when a /v1 route names no operation', async () => {
    @Controller('v1/forgotten')
    class ForgottenController {
      @Get(':id')
      read(): string {
        return 'open to all';
      }
    }
    await expect(startApi(dataDir, {}, [ProbeController, ForgottenController])).rejects.toThrow(
      'Every /v1 route must name its operation with @Access(...); these do not: ForgottenController.read (GET /v1/forgotten/:id).',
    );
  });

  it('limits each caller to RATE_LIMIT_PER_MINUTE requests, counting callers apart', async () => {
    const app = await startApi(dataDir, { RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const read = async (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/v1/probe', headers });
      const jo = await authHeader(dataDir, { role: 'officer', council: 'hart', sub: 'jo' });
      expect((await read(jo)).statusCode).toBe(200);
      expect((await read(jo)).statusCode).toBe(200);
      const refused = await read(jo);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(/^Too many requests: at most 2 a minute\. Try again in \d+ seconds\.$/),
      });
      expect((await read(await authHeader(dataDir, { role: 'officer', council: 'hart', sub: 'sam' }))).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('Bearer tokens from an identity provider', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auth-e2e-'));
  const issuer = 'https://login.hart.gov.uk';
  const audience = 'plan-tracking';
  const claims = { name: 'Jo Bloggs', roles: ['officer'], council: 'hart' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const tokenFrom = (key: KeyObject, alg: string, overrides: { iss?: string; aud?: string; kid?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg, kid: overrides.kid })
      .setSubject('u-17')
      .setIssuer(overrides.iss ?? issuer)
      .setAudience(overrides.aud ?? audience)
      .setExpirationTime('1h')
      .sign(key);

  const read = (app: TestApp, token: string) =>
    app.inject({ method: 'GET', url: '/v1/probe', headers: { authorization: `Bearer ${token}` } });

  describe('with JWT_PUBLIC_KEY', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    let app: TestApp;
    beforeAll(async () => {
      const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      app = await startApi(dataDir, { JWT_PUBLIC_KEY: pem, JWT_ISSUER: issuer, JWT_AUDIENCE: audience });
    });
    afterAll(() => app.close());

    it('accepts an ES256 token from the issuer for this audience', async () => {
      const response = await read(app, await tokenFrom(privateKey, 'ES256'));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: 'u-17', council: 'hart' });
    });

    it('refuses a token for another audience or from another issuer', async () => {
      for (const token of [await tokenFrom(privateKey, 'ES256', { aud: 'payroll' }), await tokenFrom(privateKey, 'ES256', { iss: 'https://evil.example' })]) {
        const response = await read(app, token);
        expect(response.json()).toEqual(unauthorized('The token was not issued for this service.'));
      }
    });

    it('refuses an embedded token and an HS256 token keyed with the public key itself', async () => {
      const embedded = await mintTestToken(dataDir, { role: 'officer', council: 'hart' });
      const confused = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-17')
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime('1h')
        .sign(Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })));
      for (const token of [embedded, confused]) {
        expect((await read(app, token)).json()).toEqual(unauthorized('The token is not valid.'));
      }
    });
  });

  describe('with JWT_JWKS_URL', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    let server: Server;
    let app: TestApp;
    beforeAll(async () => {
      const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
      server = createServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
      app = await startApi(dataDir, { JWT_JWKS_URL: url, JWT_ISSUER: issuer, JWT_AUDIENCE: audience });
    });
    afterAll(async () => {
      await app.close();
      await new Promise((resolve) => server.close(resolve));
    });

    it('accepts an RS256 token signed with a key of the set', async () => {
      expect((await read(app, await tokenFrom(privateKey, 'RS256', { kid: 'k1' }))).statusCode).toBe(200);
    });

    it('refuses a token signed with a key outside the set', async () => {
      const response = await read(app, await tokenFrom(stranger, 'RS256', { kid: 'k1' }));
      expect(response.json()).toEqual(unauthorized('The token is not valid.'));
    });
  });

  it('refuses to start in production mode without JWT_ISSUER and JWT_AUDIENCE', async () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await expect(startApi(dataDir, { JWT_PUBLIC_KEY: pem })).rejects.toThrow(
      'JWT_ISSUER must be set when tokens come from an identity provider (JWT_JWKS_URL or JWT_PUBLIC_KEY).',
    );
  });
});
