/**
 * Records each registered projection's version and output digest in
 * libs/projections/src/plan-views/projection-versions.json:
 *   npm run projections:record-digests
 * Run it once a projection's version was bumped for a change of its output. It refuses while an
 * output changed under the same version: deployed read models would keep their old shape, as the
 * projector rebuilds a projection only when its version changes.
 */
import { planProjections } from '@app/projections';
import { relative } from 'node:path';
import {
  currentVersions,
  PROJECTION_VERSIONS_FILE,
  recordedVersions,
  recordVersions,
  unbumpedChanges,
} from '@app/projections/plan-views/testing/projection-digests';

async function main(): Promise<void> {
  const recorded = recordedVersions();
  const current = await currentVersions(planProjections);
  const refusals = unbumpedChanges(recorded, current);
  if (refusals.length > 0) {
    process.stderr.write(`${refusals.join('\n')}\nNothing was recorded.\n`);
    process.exit(1);
  }
  const changed = Object.entries(current)
    .filter(([name, now]) => recorded[name]?.version !== now.version || recorded[name]?.outputDigest !== now.outputDigest)
    .map(([name, now]) => `${name} at version ${now.version}`);
  const dropped = Object.keys(recorded).filter((name) => current[name] === undefined);
  recordVersions(current);
  const file = relative(process.cwd(), PROJECTION_VERSIONS_FILE);
  const recordedNow = [...changed, ...dropped.map((name) => `${name} dropped`)];
  process.stdout.write(
    recordedNow.length === 0
      ? `${file} already holds every projection's version and output.\n`
      : `Recorded in ${file}: ${recordedNow.join(', ')}.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
