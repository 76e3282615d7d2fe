/**
 * Imported first by every entry point, for its effect: on an older Node a dependency fails to load
 * with a misleading message ("@fastify/static is missing"), so the version is checked before any of
 * them is loaded, and the process ends with one sentence saying what to do.
 */
import { unsupportedNodeMessage } from './supported-node';

const refusal = unsupportedNodeMessage(process.versions.node);
if (refusal !== null) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
