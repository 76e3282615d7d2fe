/**
 * Settings that what a test starts must not inherit from the shell, so that it runs embedded and
 * open unless the test says otherwise; `scripts/test-servers/with-ferretdb.sh` sets `MONGODB_URI`
 * for the whole run.
 */
export const SHELL_SETTINGS = [
  'EVENTSTORE_CONNECTION_STRING',
  'MONGODB_URI',
  'PROJECTOR_MODE',
  'JWT_JWKS_URL',
  'JWT_PUBLIC_KEY',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'METRICS_PUBLIC',
  'RATE_LIMIT_PER_MINUTE',
];

/** A copy of `env` without the shell settings, for a child process. */
export function withoutShellSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of SHELL_SETTINGS) delete copy[name];
  return copy;
}
