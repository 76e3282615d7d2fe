import { satisfies } from 'semver';

/**
 * The Node versions this service runs on; `engines` in package.json says the same. The floor is set
 * by the dependencies: `mongodb` 7 and `@nestjs/throttler` need 20.19, and `content-disposition`
 * (under `@fastify/static`) is an ES module that only Node 20.19+, 22.12+ and 24+ can `require`.
 */
export const SUPPORTED_NODE = '^20.19.0 || ^22.12.0 || >=24.0.0';

/** The sentence refusing a Node version (`process.versions.node`), or null when this service runs on it. */
export function unsupportedNodeMessage(version: string): string | null {
  if (satisfies(version, SUPPORTED_NODE)) return null;
  return (
    `This service needs Node 20.19 or later (20.19+, 22.12+ or 24+), but this is Node ${version}: ` +
    'install a newer Node (for example `nvm install 22`) and run it again.'
  );
}
