import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { ConfigurationError } from '@app/platform/config/app-config';
import type { Role } from './caller';

/** The only algorithm embedded tokens are signed and verified with. */
export const EMBEDDED_ALGORITHM = 'HS256';

const SECRET_FILE = 'jwt-secret';
const SECRET_BYTES = 32;

/**
 * The HS256 key of embedded mode, kept in `<dataDir>/jwt-secret` (base64url, readable by the owner
 * only). The first caller creates it; everyone after, the service and the token minters alike,
 * reads the same file, so tokens minted on this machine verify here and nowhere else.
 */
export function loadOrCreateEmbeddedSecret(dataDir: string): Buffer {
  const path = join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting together keep the first one's secret.
    writeFileSync(path, randomBytes(SECRET_BYTES).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (secret.length < SECRET_BYTES) {
    throw new ConfigurationError(`${path} must hold at least ${SECRET_BYTES} bytes in base64url; delete it to have a new one made.`);
  }
  return secret;
}

export interface EmbeddedTokenClaims {
  sub: string;
  name: string;
  roles: Role[];
  /** Absent only from the operator's token, which acts for no council. */
  council?: string;
  /** Absent: every service of the council. */
  services?: string[];
}

/** `expiresIn` is a span from now as jose reads it: "8h", "15 minutes", "-1h" (already expired). */
export function signEmbeddedToken(secret: Buffer, claims: EmbeddedTokenClaims, expiresIn: string): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: EMBEDDED_ALGORITHM, typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secret);
}
