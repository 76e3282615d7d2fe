import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SignJWT } from 'jose';
import { ConfigurationError } from '@app/platform/config/app-config';
import type { Role } from './caller';

/** The only algorithm embedded tokens are signed and verified with. */
export const EMBEDDED_ALGORITHM = 'HS256';

const SECRET_FILE = 'jwt-secret';
const SECRET_BYTES = 32;
const GROUP_AND_OTHERS = 0o077;

/**
 * The HS256 key of embedded mode, kept in `<dataDir>/jwt-secret` (base64url, readable by the owner
 * only). The service creates it when it first starts; everyone after, the service and the token
 * minters alike, reads the same file, so tokens minted on this machine verify here and nowhere else.
 * Refused when other users may read or change it: whoever reads it can mint tokens for any council.
 */
export function loadOrCreateEmbeddedSecret(dataDir: string): Buffer {
  const path = secretPath(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails if the file exists, so two processes starting together keep the first one's secret.
    writeFileSync(path, randomBytes(SECRET_BYTES).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw secretFileError(path, 'created', error);
  }
  return loadEmbeddedSecret(dataDir);
}

/**
 * The key a running service signs with, for a token minter: never made here, since a secret the
 * service does not hold would only mint tokens it refuses (a bare 401).
 */
export function loadEmbeddedSecret(dataDir: string): Buffer {
  const path = secretPath(dataDir);
  let stored: string;
  try {
    stored = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw secretFileError(path, 'read', error);
    throw new ConfigurationError(
      `There is no token secret in ${path}: the API makes it when it first starts with DATA_DIR=${dataDir}. ` +
        'Start the API (npm start) first, or set DATA_DIR to the folder it runs with.',
    );
  }
  assertOwnerOnly(path);
  const secret = Buffer.from(stored.trim(), 'base64url');
  if (secret.length < SECRET_BYTES) {
    throw new ConfigurationError(`${path} must hold at least ${SECRET_BYTES} bytes in base64url; delete it to have a new one made.`);
  }
  return secret;
}

const secretPath = (dataDir: string): string => join(dataDir, SECRET_FILE);

function assertOwnerOnly(path: string): void {
  const { mode, uid } = statSync(path);
  if (mode & GROUP_AND_OTHERS) {
    throw new ConfigurationError(
      `${path} can be read or changed by other users (mode ${(mode & 0o777).toString(8)}), and whoever reads it ` +
        `can mint tokens for any council: run \`chmod 600 ${path}\`, and replace it if others may have read it.`,
    );
  }
  if (typeof process.getuid === 'function' && uid !== process.getuid()) {
    throw new ConfigurationError(
      `${path} belongs to another user (uid ${uid}), who can change it and so mint tokens for any council: ` +
        `delete it to have a new one made, or give it to the user the service runs as.`,
    );
  }
}

function secretFileError(path: string, doing: 'created' | 'read', error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') return error as Error;
  return new ConfigurationError(
    `${path} cannot be ${doing} (${(error as Error).message}): give the user the service runs as access to ` +
      `${dirname(path)} and its files, or set DATA_DIR to a folder it may write.`,
  );
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
