import type {
  Basis,
  Frequency,
  Outcome,
  PlanPeriod,
  Polarity,
  ProgressStatus,
  Target,
  TargetInForce,
  Unit,
} from './plan-values';

/**
 * Every change to a service plan is one of these events on the stream `servicePlan-<council>/<planId>`.
 * Each carries enough to be read alone by an auditor: the before and after of a change, its reason,
 * for targets and actuals the indicator's unit and polarity when it was decided, and for actuals the
 * target that applied when it was recorded. Who, when and the request ids are in the event's
 * metadata, not here.
 *
 * Schema versions: `PLAN_EVENT_SCHEMA_VERSIONS` gives the current version of each type; older stored
 * versions are brought up to date by `upcastPlanEvent` before anyone reads them.
 */

export const PLAN_STREAM_PREFIX = 'servicePlan-';

/**
 * A plan's name in the stores: its council and the id the council chose, so plan ids are unique
 * within a council only, and a plan of another council is not found under the caller's council at
 * all. The council is URI-encoded, so the first '/' always ends it.
 */
export type PlanKey = string & { readonly planKey: unique symbol };

export const planKey = (council: string, planId: string): PlanKey => `${encodeURIComponent(council)}/${planId}` as PlanKey;

export const planStreamId = (key: PlanKey): string => `${PLAN_STREAM_PREFIX}${key}`;

/** The key of the plan a stream of `servicePlan-` holds. */
export const planKeyOfStream = (streamId: string): PlanKey => streamId.slice(PLAN_STREAM_PREFIX.length) as PlanKey;

interface Event<T extends string, D> {
  type: T;
  data: D & { planId: string };
}

export type PlanDrafted = Event<
  'PlanDrafted',
  { council: string; service: string; title: string; period: PlanPeriod; owner: string | null }
>;

export interface PriorityFields {
  title: string;
  themes: string[];
  objective: string | null;
}

export type PriorityAdded = Event<'PriorityAdded', { ref: string } & PriorityFields & { outcomes: Outcome[] }>;

/** Title, themes or objective changed; `previous` holds the old values of exactly the fields in `changes`. */
export type PriorityRevised = Event<
  'PriorityRevised',
  { ref: string; changes: Partial<PriorityFields>; previous: Partial<PriorityFields>; reason: string }
>;

export type PriorityWithdrawn = Event<'PriorityWithdrawn', { ref: string; title: string; reason: string }>;

export type OutcomeAdded = Event<'OutcomeAdded', { priorityRef: string; outcome: Outcome; reason: string }>;

export type OutcomeChanged = Event<
  'OutcomeChanged',
  { priorityRef: string; outcomeRef: string; before: Outcome; after: Outcome; reason: string }
>;

export type OutcomeRemoved = Event<'OutcomeRemoved', { priorityRef: string; outcome: Outcome; reason: string }>;

export interface IndicatorFields {
  title: string;
  description: string | null;
  unit: Unit;
  polarity: Polarity;
  basis: Basis;
  frequency: Frequency;
  /** Percent of the target within which a miss is amber rather than red. */
  tolerance: number;
}

export type IndicatorDefined = Event<'IndicatorDefined', { code: string } & IndicatorFields & { targets: Target[] }>;

export type IndicatorRevised = Event<
  'IndicatorRevised',
  { code: string; changes: Partial<IndicatorFields>; previous: Partial<IndicatorFields>; reason: string }
>;

/** A target for a period that had none. */
export type TargetSet = Event<
  'TargetSet',
  { code: string; unit: Unit; polarity: Polarity; target: Target; reason: string | null; authority: string | null }
>;

export type TargetChanged = Event<
  'TargetChanged',
  {
    code: string;
    unit: Unit;
    polarity: Polarity;
    period: string;
    previous: Target;
    target: Target;
    reason: string;
    authority: string | null;
  }
>;

/** `unit` and `polarity` are the indicator's when recorded: the actual is rated with them, never recoloured. */
export type ActualRecorded = Event<
  'ActualRecorded',
  {
    code: string;
    unit: Unit;
    polarity: Polarity;
    period: string;
    value: number;
    commentary: string | null;
    assessedAgainst: TargetInForce;
  }
>;

/** A corrected figure for a period that already had one: the earlier figure stays in the log. */
export type ActualRestated = Event<
  'ActualRestated',
  {
    code: string;
    unit: Unit;
    polarity: Polarity;
    period: string;
    previous: { value: number; commentary: string | null };
    value: number;
    commentary: string | null;
    reason: string;
    assessedAgainst: TargetInForce;
  }
>;

export type ProgressRecorded = Event<
  'ProgressRecorded',
  {
    priorityRef: string;
    /** An outcome ref of the priority, or null for the priority as a whole. */
    milestone: string | null;
    period: string;
    percentComplete: number;
    status: ProgressStatus;
    position: string | null;
    commentary: string | null;
  }
>;

export type PlanSubmittedForScrutiny = Event<
  'PlanSubmittedForScrutiny',
  { committee: string; meetingDate: string | null; versionLabel: string | null }
>;

export type ScrutinyCommentsRecorded = Event<
  'ScrutinyCommentsRecorded',
  { committee: string; meetingDate: string; minuteRef: string | null; comments: string[] }
>;

export type VersionPublished = Event<
  'VersionPublished',
  {
    label: string;
    reason: string;
    /** The date the version carries in the plan (ISO date); the recording date unless given. */
    effectiveDate: string | null;
  }
>;

export type PlanApproved = Event<
  'PlanApproved',
  { body: string; meetingDate: string; decisionRef: string | null; versionLabel: string | null }
>;

export type PlanReopenedForRevision = Event<'PlanReopenedForRevision', { reason: string }>;

export type PlanClosed = Event<'PlanClosed', { reason: string }>;

export type PlanEvent =
  | PlanDrafted
  | PriorityAdded
  | PriorityRevised
  | PriorityWithdrawn
  | OutcomeAdded
  | OutcomeChanged
  | OutcomeRemoved
  | IndicatorDefined
  | IndicatorRevised
  | TargetSet
  | TargetChanged
  | ActualRecorded
  | ActualRestated
  | ProgressRecorded
  | PlanSubmittedForScrutiny
  | ScrutinyCommentsRecorded
  | VersionPublished
  | PlanApproved
  | PlanReopenedForRevision
  | PlanClosed;

export type PlanEventType = PlanEvent['type'];

/**
 * Current schema version of each event type. IndicatorDefined is at 2: version 1 had no tolerance
 * (the default applied); `upcastPlanEvent` fills it in for events stored before.
 */
export const PLAN_EVENT_SCHEMA_VERSIONS: Record<PlanEventType, number> = {
  PlanDrafted: 1,
  PriorityAdded: 1,
  PriorityRevised: 1,
  PriorityWithdrawn: 1,
  OutcomeAdded: 1,
  OutcomeChanged: 1,
  OutcomeRemoved: 1,
  IndicatorDefined: 2,
  IndicatorRevised: 1,
  TargetSet: 1,
  TargetChanged: 1,
  ActualRecorded: 1,
  ActualRestated: 1,
  ProgressRecorded: 1,
  PlanSubmittedForScrutiny: 1,
  ScrutinyCommentsRecorded: 1,
  VersionPublished: 1,
  PlanApproved: 1,
  PlanReopenedForRevision: 1,
  PlanClosed: 1,
};

/** Every type of event a plan's stream may hold. */
export const PLAN_EVENT_TYPES = Object.keys(PLAN_EVENT_SCHEMA_VERSIONS) as PlanEventType[];

/** Events that change the plan's content, as opposed to monitoring data or governance steps. */
export const STRUCTURAL_EVENT_TYPES: ReadonlySet<PlanEventType> = new Set<PlanEventType>([
  'PriorityAdded',
  'PriorityRevised',
  'PriorityWithdrawn',
  'OutcomeAdded',
  'OutcomeChanged',
  'OutcomeRemoved',
  'IndicatorDefined',
  'IndicatorRevised',
  'TargetSet',
  'TargetChanged',
]);
