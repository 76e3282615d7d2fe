/**
 * Prints a bearer token for the API in embedded mode, signed with the secret the API keeps in its
 * DATA_DIR, so run it with the same DATA_DIR as the API (`-s` keeps npm's own lines off stdout):
 *   npm run -s token -- --role officer --council hart --services "Corporate Services" [--name ... --sub ... --expires 8h]
 *   npm run -s token -- --role operator      (the service's operator: no council)
 * `--role` and `--services` may be repeated; without `--services` the caller may work on every service.
 * stdout holds the token alone, for `$(…)`; stderr says which DATA_DIR's secret signed it.
 */
// First, before any dependency is loaded: an older Node would fail inside one with a misleading message.
import '@app/platform/runtime/exit-on-unsupported-node';
import { parseArgs } from 'node:util';
import { parseAppConfig } from '@app/platform/config/app-config';
import { parseAuthConfig } from '../apps/api/src/auth/auth-config';
import { OPERATOR_ROLE, Role, ROLES } from '../apps/api/src/auth/caller';
import { loadEmbeddedSecret, signEmbeddedToken } from '../apps/api/src/auth/embedded-token';

const USAGE =
  `Usage: npm run -s token -- --role <${ROLES.filter((role) => role !== OPERATOR_ROLE).join('|')}> --council <council> ` +
  `[--services <service>]... [--name <name>] [--sub <user id>] [--expires 8h]\n` +
  `   or: npm run -s token -- --role ${OPERATOR_ROLE} [--name <name>] [--sub <user id>] [--expires 8h]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      council: { type: 'string' },
      services: { type: 'string', multiple: true },
      name: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      `${USAGE}\nPrints a bearer token signed with the secret the API keeps in its DATA_DIR (default ./data): ` +
        'run it with the DATA_DIR the API runs with, or the API refuses the token.\n',
    );
    return;
  }
  const roles = (values.role ?? []).flatMap((role) => role.split(',')).map((role) => role.trim());
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  const operator = roles.includes(OPERATOR_ROLE);
  if (roles.length === 0 || unknown.length > 0 || (!operator && !values.council)) {
    const problem = unknown.length > 0 ? `Unknown role ${unknown.join(', ')}.` : 'A --role and a --council are needed.';
    throw new Error(`${problem}\n${USAGE}`);
  }
  if (operator && (roles.length > 1 || values.council !== undefined || values.services !== undefined)) {
    throw new Error(`The ${OPERATOR_ROLE} acts for no council: give --role ${OPERATOR_ROLE} alone, without --council or --services.\n${USAGE}`);
  }
  if (parseAuthConfig(process.env).keys.kind !== 'embedded') {
    throw new Error('JWT_JWKS_URL or JWT_PUBLIC_KEY is set: tokens come from the identity provider, not from this script.');
  }
  const sub = values.sub ?? (operator ? OPERATOR_ROLE : `${roles[0]}@${values.council}`);
  const { dataDir } = parseAppConfig(process.env);
  const token = await signEmbeddedToken(
    loadEmbeddedSecret(dataDir),
    { sub, name: values.name ?? sub, roles: roles as Role[], council: values.council, services: values.services },
    values.expires,
  );
  process.stdout.write(`${token}\n`);
  process.stderr.write(`Token for ${sub}, valid ${values.expires}, signed with the secret of DATA_DIR=${dataDir}: the API must run with the same.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
