import { upcastPlanEvent } from '@app/domain';
import type { StoredEvent } from '@app/event-store';
import type { ProjectedEvent } from '@app/projections';

/** Projections read every event in its current schema, whenever it was stored. */
export function decodePlanEvent(stored: StoredEvent): ProjectedEvent {
  return { ...stored, data: upcastPlanEvent(stored.type, stored.metadata.schemaVersion, stored.data) };
}
