import { canonicalJson } from '@app/domain';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Projection } from '../../projector/projection';
import { allDocuments, project } from './plan-stream.fixture';
import { matchesAllFilter } from '@app/event-store/all-filter';
import { corporatePlansStream, HART_CORPORATE_PLAN_COMMANDS } from '../../corporate-plan/testing/corporate-plan-stream.fixture';
import { projectionVersionsStream } from './projection-versions.fixture';

/**
 * Each projection's output over `projectionVersionsStream` and Hart's corporate plans (each projection
 * given the events its filter reads, as the projector gives them) held against its `version`, so that a
 * change of output without a new version (which would leave deployed read models unrebuilt, in the
 * old shape) is caught. Written by `npm run projections:record-digests`, never by hand.
 */
export const PROJECTION_VERSIONS_FILE = join(__dirname, '..', 'projection-versions.json');

export const RECORD_COMMAND = 'npm run projections:record-digests';

export interface VersionedOutput {
  version: number;
  /** SHA-256 of the canonical JSON of every document the projection wrote, by collection and id. */
  outputDigest: string;
}

export type ProjectionVersions = Record<string, VersionedOutput>;

/** The version and output digest of each projection now. */
export async function currentVersions(projections: Projection[]): Promise<ProjectionVersions> {
  const events = [...projectionVersionsStream(), ...corporatePlansStream('hart', HART_CORPORATE_PLAN_COMMANDS)];
  const entries = await Promise.all(
    projections.map(async (projection): Promise<[string, VersionedOutput]> => {
      const read = events.filter((event) => matchesAllFilter(projection.filter, event.streamId, event.type));
      const readStore = await project(projection, read);
      const output: Record<string, unknown> = {};
      for (const collection of projection.collections) output[collection] = await allDocuments(readStore, collection);
      const outputDigest = createHash('sha256').update(canonicalJson(output)).digest('hex');
      return [projection.name, { version: projection.version, outputDigest }];
    }),
  );
  return Object.fromEntries(entries);
}

export function recordedVersions(): ProjectionVersions {
  return JSON.parse(readFileSync(PROJECTION_VERSIONS_FILE, 'utf8')) as ProjectionVersions;
}

export function recordVersions(versions: ProjectionVersions): void {
  writeFileSync(PROJECTION_VERSIONS_FILE, `${JSON.stringify(versions, null, 2)}\n`);
}

/** Output that changed while the version stayed: the one mistake recording must not paper over. */
export function unbumpedChanges(recorded: ProjectionVersions, current: ProjectionVersions): string[] {
  return Object.entries(current).flatMap(([name, now]) => {
    const then = recorded[name];
    if (then === undefined || then.version !== now.version || then.outputDigest === now.outputDigest) return [];
    return [
      `The output of projection ${name} changed, but its version is still ${now.version}: bump the version of projection ${name} ` +
        `(so that deployed read models are rebuilt), then record its new digest with \`${RECORD_COMMAND}\`.`,
    ];
  });
}

/** What differs between the recorded versions and the projections, each in a sentence saying what to do. */
export function versionProblems(recorded: ProjectionVersions, current: ProjectionVersions): string[] {
  const record = `record it with \`${RECORD_COMMAND}\``;
  const unrecorded = Object.entries(current).flatMap(([name, now]) => {
    const then = recorded[name];
    if (then === undefined) return [`Projection ${name} has no recorded output digest: ${record}.`];
    if (then.version === now.version) return [];
    return [
      `Projection ${name} is at version ${now.version}, but version ${then.version} is recorded: ` +
        `if its output was meant to change, ${record}.`,
    ];
  });
  const gone = Object.keys(recorded)
    .filter((name) => current[name] === undefined)
    .map((name) => `Projection ${name} is recorded but no longer registered: ${record}.`);
  return [...unbumpedChanges(recorded, current), ...unrecorded, ...gone];
}
