/** Reading settings from the environment, shared by every part's configuration. */

/** A setting that is missing or malformed; the message is one sentence naming the setting. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

export type Environment = Record<string, string | undefined>;

/** A value that is absent or blank counts as not set. */
export function text(env: Environment, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

export function flag(env: Environment, name: string, fallback: boolean): boolean {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new ConfigurationError(`${name} must be true or false, got '${env[name]}'.`);
}
