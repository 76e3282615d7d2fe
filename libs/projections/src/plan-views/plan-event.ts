import type { EventActor, StoredEvent } from '@app/event-store';
import { PLAN_EVENT_SCHEMA_VERSIONS, planKeyOfStream, upcastPlanEvent, type PlanEvent, type PlanKey } from '@app/domain';
import type { ProjectedEvent } from '../projector/projection';

/** The projector's decoder for plan streams: every event in its current schema, whenever it was stored. */
export function decodePlanEvent(stored: StoredEvent): ProjectedEvent {
  return { ...stored, data: upcastPlanEvent(stored.type, stored.metadata.schemaVersion, stored.data) };
}

/**
 * The plan event an already decoded event carries, or null for a type this code does not know.
 * It only narrows the type of the event it is given, which it returns as it is: decoding (bringing
 * stored data to the current schema) is the projector's, done once before any projection sees the
 * event (see `ProjectedEvent`), so there is no second decoder here to drift from the first.
 */
export function planEventOf(event: ProjectedEvent): PlanEvent | null {
  return Object.prototype.hasOwnProperty.call(PLAN_EVENT_SCHEMA_VERSIONS, event.type)
    ? (event as ProjectedEvent & PlanEvent)
    : null;
}

export const planIdOf = (event: ProjectedEvent): string => String(event.data.planId);

/** The key of the event's plan, which every document of a plan is named by (a plan id is unique within its council only). */
export const planKeyOf = (event: ProjectedEvent): PlanKey => planKeyOfStream(event.streamId);

/** EventStoreDB event ids are unique within a stream only, so a document per event is keyed by where the event sits. */
export const eventEntryId = (event: ProjectedEvent): string => `${event.streamId}@${event.revision}`;

export const actorOf = (event: ProjectedEvent): EventActor | null => event.metadata.actor ?? null;

/** Who made a change as a version table names them: the actor's name, else their id. */
export const actorName = (event: ProjectedEvent): string => {
  const actor = actorOf(event);
  return actor?.name || actor?.id || 'unknown';
};

/** The ISO date (yyyy-mm-dd) of the event's recording. */
export const recordedDate = (event: ProjectedEvent): string => event.recordedAt.slice(0, 10);

/** What a stored document holds beside a projection's own fields: its id and the engine's position. */
export const STORED_DOCUMENT_FIELDS = ['id', 'projectedPosition'];

/** A projection's own fields of a stored document, without the `STORED_DOCUMENT_FIELDS`. */
export function documentBody<T>(document: { id: string; [field: string]: unknown }): T {
  const { id: _id, projectedPosition: _position, ...body } = document;
  return body as T;
}
