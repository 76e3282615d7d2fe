import { toCorporatePlanEvent } from '@app/domain';
import type { StoredEvent } from '@app/event-store';
import type { ProjectedEvent } from '../projector/projection';

/** The projector's decoder for a council's corporate plans stream: every event in its current schema. */
export function decodeCorporatePlanEvent(stored: StoredEvent): ProjectedEvent {
  return { ...stored, data: toCorporatePlanEvent(stored).data as unknown as Record<string, unknown> };
}
