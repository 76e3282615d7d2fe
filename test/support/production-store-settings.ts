export type ProductionStoreSetting = 'EVENTSTORE_CONNECTION_STRING' | 'MONGODB_URI';

/**
 * The connection setting of a production store, for a suite that runs only when it is set and
 * skips otherwise. `REQUIRE_PRODUCTION_STORES` (a comma-separated list of these settings; `.ci/run`
 * names `MONGODB_URI`, which its FerretDB provides) turns that skip into a failure, so that "runs on
 * every CI run" is checked rather than assumed.
 */
export function productionStoreSetting(name: ProductionStoreSetting): string | undefined {
  const value = process.env[name];
  if (value) return value;
  const required = (process.env.REQUIRE_PRODUCTION_STORES ?? '').split(',').map((setting) => setting.trim());
  if (required.includes(name)) {
    throw new Error(`${name} is not set, yet REQUIRE_PRODUCTION_STORES says this run must test against it.`);
  }
  return undefined;
}
