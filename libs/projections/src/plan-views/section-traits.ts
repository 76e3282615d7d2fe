import type { PlanEvent } from '@app/domain';
import type { ProjectedEvent } from '../projector/projection';
import type { PlanView } from './plan-view-shape';

/**
 * What each section of the projections declares of its event types, in tables typed over its own
 * event union: a type a section forgets does not compile. The plan's tables are the union of the
 * sections' (`plan-event-traits.ts`, `plan-view.ts`).
 */

/** The section item an event is about, which the history's `ref` filter finds it by. */
export type TouchedItem<RefKind extends string> = { kind: RefKind; ref: string };

/** A structural change as a version row counts and lists it. */
export type ChangeItemOf<ChangeKind extends string> = { kind: ChangeKind; ref: string; name: string };

/**
 * How a version row counts a kind of change: [kind, one, many] ("1 priority added", "2 priorities
 * added"), or [kind, phrase] for a change said once however often it was made ("workforce updated").
 */
export type ChangeKindWords<ChangeKind extends string> = ReadonlyArray<
  readonly [ChangeKind, string, string] | readonly [ChangeKind, string]
>;

/**
 * Which of a plan's returns (`plan_returns`, a document per period) events of a type can change:
 * none, the one of the period the event records for (`data.period`), or every period's.
 */
export type ReturnsTouched = 'none' | 'own-period' | 'every-period';

export type EventTraits<E extends PlanEvent, ChangeKind extends string, RefKind extends string> = {
  /** The one line a history list shows, written from the event alone. */
  summary: (event: E) => string;
  returns: ReturnsTouched;
  touches: (event: E) => TouchedItem<RefKind> | null;
  /** Declared by structural events (and only by them): the change the version table counts. */
  change?: (event: E) => ChangeItemOf<ChangeKind>;
};

export type EventTraitsTable<E extends PlanEvent, ChangeKind extends string, RefKind extends string> = {
  [K in E['type']]: EventTraits<Extract<E, { type: K }>, ChangeKind, RefKind>;
};

/** A section's part of the plan view's fold, one per event type it owns. */
export type ViewEvolvers<E extends PlanEvent> = {
  [K in E['type']]: (view: PlanView, event: Extract<E, { type: K }>, stored: ProjectedEvent) => PlanView;
};

/** A section's content as the diff between two versions compares it: each item by its key. */
export type DiffEntries = (view: PlanView) => Array<[key: string, content: unknown]>;
