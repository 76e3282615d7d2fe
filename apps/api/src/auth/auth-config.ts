import { createPublicKey, KeyObject } from 'node:crypto';
import { registerAs } from '@nestjs/config';
import { ConfigurationError, flag, text, type Environment } from '@app/platform/config/env-settings';

/** Where the keys that verify bearer tokens come from. */
export type TokenKeySource =
  /** Single-node mode: HS256 with a secret kept in `DATA_DIR/jwt-secret`, minted by `npm run -s token`. */
  | { kind: 'embedded' }
  | { kind: 'jwks'; url: URL; issuer: string; audience: string }
  | { kind: 'public-key'; key: KeyObject; algorithm: 'RS256' | 'ES256'; issuer: string; audience: string };

export interface AuthConfig {
  keys: TokenKeySource;
  /** False closes `/metrics` to all but the `admin` role. */
  metricsPublic: boolean;
  /** Requests per minute allowed to one caller (council and token subject), all routes together; without a valid token, to one address. */
  rateLimitPerMinute: number;
}

/**
 * Reads the `JWT_*`, `METRICS_PUBLIC` and `RATE_LIMIT_PER_MINUTE` settings. With neither
 * `JWT_JWKS_URL` nor `JWT_PUBLIC_KEY` the service runs embedded; with one of them it trusts only
 * the identity provider's keys, and then `JWT_ISSUER` and `JWT_AUDIENCE` are required.
 */
export function parseAuthConfig(env: Environment): AuthConfig {
  return {
    keys: tokenKeySource(env),
    metricsPublic: flag(env, 'METRICS_PUBLIC', true),
    rateLimitPerMinute: positiveWholeNumber(env, 'RATE_LIMIT_PER_MINUTE', 600),
  };
}

export const authConfig = registerAs('auth', () => parseAuthConfig(process.env));

function tokenKeySource(env: Environment): TokenKeySource {
  const jwksUrl = text(env, 'JWT_JWKS_URL');
  const publicKeyPem = text(env, 'JWT_PUBLIC_KEY');
  if (jwksUrl === null && publicKeyPem === null) return { kind: 'embedded' };
  if (jwksUrl !== null && publicKeyPem !== null) {
    throw new ConfigurationError('Set JWT_JWKS_URL or JWT_PUBLIC_KEY, not both.');
  }
  const issuer = required(env, 'JWT_ISSUER');
  const audience = required(env, 'JWT_AUDIENCE');
  if (jwksUrl !== null) return { kind: 'jwks', url: keySetUrl(jwksUrl), issuer, audience };
  const key = publicKey(publicKeyPem as string);
  return { kind: 'public-key', key, algorithm: algorithmOf(key), issuer, audience };
}

function required(env: Environment, name: string): string {
  const value = text(env, name);
  if (value === null) {
    throw new ConfigurationError(`${name} must be set when tokens come from an identity provider (JWT_JWKS_URL or JWT_PUBLIC_KEY).`);
  }
  return value;
}

function keySetUrl(value: string): URL {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // reported below
  }
  throw new ConfigurationError(`JWT_JWKS_URL must be an http(s) URL, got '${value}'.`);
}

function publicKey(pem: string): KeyObject {
  try {
    // Environment files often carry a PEM on one line with literal "\n" separators.
    const key = createPublicKey(pem.replace(/\\n/g, '\n'));
    if (key.type === 'public') return key;
  } catch {
    // reported below
  }
  throw new ConfigurationError('JWT_PUBLIC_KEY must be a PEM-encoded RSA or P-256 public key.');
}

function algorithmOf(key: KeyObject): 'RS256' | 'ES256' {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new ConfigurationError(
    `JWT_PUBLIC_KEY must be an RSA or P-256 key (for RS256 or ES256), got a ${key.asymmetricKeyType} key.`,
  );
}

function positiveWholeNumber(env: Environment, name: string, fallback: number): number {
  const value = text(env, name);
  if (value === null) return fallback;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new ConfigurationError(`${name} must be a whole number above 0, got '${value}'.`);
  }
  return Number(value);
}
