import type { ReadDocument, ReadStore } from '@app/read-store';
import type { Projection } from './projection';

/**
 * One document per projection, `{ id: name, version }`: the version its stored documents were built
 * with. Kept as a document rather than in the checkpoint so that the read-store port stays small.
 */
export const PROJECTION_VERSIONS_COLLECTION = 'projection_versions';

interface ProjectionVersionDocument extends ReadDocument {
  version: number;
}

export async function readProjectionVersion(readStore: ReadStore, name: string): Promise<number | null> {
  const document = await readStore.get<ProjectionVersionDocument>(PROJECTION_VERSIONS_COLLECTION, name);
  return document?.version ?? null;
}

/**
 * Drops the projection's documents and checkpoint and records its current version, so that it is
 * built again from the first event. Indexes go with the dropped collections: ensure them afterwards.
 */
export async function resetProjectionState(readStore: ReadStore, projection: Projection): Promise<void> {
  await readStore.resetProjection(projection.name, projection.collections);
  await readStore.upsert(PROJECTION_VERSIONS_COLLECTION, { id: projection.name, version: projection.version });
}

export async function ensureProjectionIndexes(readStore: ReadStore, projection: Projection): Promise<void> {
  for (const [collection, indexes] of Object.entries(projection.indexes ?? {})) {
    await readStore.ensureIndexes(collection, indexes);
  }
}
