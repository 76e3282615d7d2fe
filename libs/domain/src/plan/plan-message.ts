/**
 * The shapes every section of a plan builds its commands and events from, and the one declaration
 * each event type must make: its schema version and the role it plays in the plan's life.
 */

export interface PlanEventOf<T extends string, D> {
  type: T;
  data: D & { planId: string };
}

export interface PlanCommandOf<T extends string, D> {
  type: T;
  data: D;
}

/**
 * `structure`: changes what the plan says (counted by the version table, marks the plan changed since
 * its last version, reopens an approved plan); `monitoring`: data recorded against the plan (moves an
 * approved plan into monitoring); `governance`: a step in the plan's lifecycle.
 */
export type EventRole = 'structure' | 'monitoring' | 'governance';

export interface EventDefinition {
  /** The current version of the event's data; older stored versions are upcast before anyone reads them. */
  schemaVersion: number;
  role: EventRole;
}

/** What a section declares of each of its event types; the plan's table is the union of the sections'. */
export type EventDefinitions<E extends { type: string }> = { [K in E['type']]: EventDefinition };
