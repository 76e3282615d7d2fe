import { CORPORATE_PLANS_STREAM_PREFIX } from '@app/domain';
import type { StoredEvent } from '@app/event-store';
import { decodeCorporatePlanEvent } from './corporate-plan';
import { decodePlanEvent } from './plan-views';
import type { ProjectedEvent } from './projector/projection';

/**
 * The projector's one decoder: each stream's events brought to their current schema by their own
 * kind's reader. Projections read service plans' streams and councils' corporate plans' streams.
 */
export function decodeStoredEvent(stored: StoredEvent): ProjectedEvent {
  return stored.streamId.startsWith(CORPORATE_PLANS_STREAM_PREFIX) ? decodeCorporatePlanEvent(stored) : decodePlanEvent(stored);
}
