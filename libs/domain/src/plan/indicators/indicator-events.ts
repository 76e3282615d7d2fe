import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { Ownership } from '../ownership';
import type { Baseline, Basis, DataQualityNotes, Figure, Frequency, Polarity, Target, TargetInForce, Unit } from './indicator-values';

export interface IndicatorFields {
  title: string;
  description: string | null;
  unit: Unit;
  polarity: Polarity;
  basis: Basis;
  frequency: Frequency;
  /** Percent of the target within which a miss is amber rather than red; null when `toleranceAbsolute` is given. */
  tolerance: number | null;
  /** An amount in the indicator's unit within which a miss is amber rather than red; null when the tolerance is a percent. */
  toleranceAbsolute: number | null;
  /** The theme of the council's corporate plan in force when linked, by its id there; null when none. */
  themeId: string | null;
}

export type IndicatorDefined = PlanEventOf<'IndicatorDefined', { code: string } & IndicatorFields & { targets: Target[] }>;

export type IndicatorRevised = PlanEventOf<
  'IndicatorRevised',
  { code: string; changes: Partial<IndicatorFields>; previous: Partial<IndicatorFields>; reason: string }
>;

/** A target for a period that had none. */
export type TargetSet = PlanEventOf<
  'TargetSet',
  { code: string; unit: Unit; polarity: Polarity; target: Target; reason: string | null; authority: string | null }
>;

export type TargetChanged = PlanEventOf<
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

/**
 * `unit` and `polarity` are the indicator's when recorded: the actual is rated with them, never
 * recoloured. Its data-quality notes (source, method, caveats) are the recorder's, of this figure.
 */
export type ActualRecorded = PlanEventOf<
  'ActualRecorded',
  DataQualityNotes & {
    code: string;
    unit: Unit;
    polarity: Polarity;
    period: string;
    /** In the unit beside it: a number, an ISO date for a date indicator, true or false for a yes/no one. */
    value: Figure;
    commentary: string | null;
    assessedAgainst: TargetInForce;
    /** The user id of the officer who entered it: never the one who verifies it. Null when recorded before this was kept. */
    recordedBy: string | null;
  }
>;

/** A corrected figure for a period that already had one: the earlier figure stays in the log. */
export type ActualRestated = PlanEventOf<
  'ActualRestated',
  DataQualityNotes & {
    code: string;
    unit: Unit;
    polarity: Polarity;
    period: string;
    previous: { value: Figure; commentary: string | null };
    value: Figure;
    commentary: string | null;
    reason: string;
    assessedAgainst: TargetInForce;
    /** As for ActualRecorded; a restated figure needs verifying again, even one verified before. */
    recordedBy: string | null;
  }
>;

/** A second officer checked the period's figure (`value` in `unit`, the one checked) and found it right. */
export type ActualVerified = PlanEventOf<
  'ActualVerified',
  { code: string; unit: Unit; period: string; value: Figure; verifiedBy: string }
>;

/** A second officer checked the period's figure and found it wrong, saying why; it stands until restated. */
export type ActualRejected = PlanEventOf<
  'ActualRejected',
  { code: string; unit: Unit; period: string; value: Figure; rejectedBy: string; reason: string }
>;

/** A figure from before the plan; `previous` is the one it corrects for the same period, with `reason`. */
export type BaselineRecorded = PlanEventOf<
  'BaselineRecorded',
  {
    code: string;
    unit: Unit;
    baseline: Baseline;
    previous: Baseline | null;
    reason: string | null;
  }
>;

/**
 * The priorities, projects or actions an indicator measures, by ref, replacing `previous`. An event
 * of its own rather than a field of the definition, so that indicators defined before links existed
 * read as they were, unlinked, with no new schema for their definition.
 */
export type IndicatorLinked = PlanEventOf<
  'IndicatorLinked',
  { code: string; priorityRefs: string[]; previous: string[]; reason: string | null }
>;

/**
 * Who answers for the indicator's returns (`owner`) and who verifies its actuals (`approver`), by user
 * id, replacing `previous`. An event of its own, as links are, so that indicators defined before
 * owners were named read as they were, with nobody named, and a change of owner reads alone.
 */
export type IndicatorOwnershipAssigned = PlanEventOf<
  'IndicatorOwnershipAssigned',
  { code: string } & Ownership & { previous: Ownership; reason: string | null }
>;

export type IndicatorEvent =
  | IndicatorDefined
  | IndicatorRevised
  | TargetSet
  | TargetChanged
  | ActualRecorded
  | ActualRestated
  | ActualVerified
  | ActualRejected
  | BaselineRecorded
  | IndicatorLinked
  | IndicatorOwnershipAssigned;

/**
 * IndicatorDefined version 1 had no tolerance (the default applied). Up to IndicatorDefined 2 and
 * version 1 of the others, a target's comparison was only shown: every actual was rated by the
 * indicator's polarity, a target had no upper figure and the tolerance was always a percent.
 * IndicatorDefined 3 linked no theme. Actuals up to version 2 did not say who entered them (the stored
 * event's metadata does). Up to IndicatorDefined 4, TargetSet and TargetChanged 2 and actuals 3, no
 * target was relative to a baseline. `upcastPlanEvent` brings events stored before to these versions.
 * Dates and yes/no results came with units of their own and changed no event: numbers stay numbers.
 */
export const INDICATOR_EVENT_DEFINITIONS: EventDefinitions<IndicatorEvent> = {
  IndicatorDefined: { schemaVersion: 5, role: 'structure' },
  IndicatorRevised: { schemaVersion: 1, role: 'structure' },
  TargetSet: { schemaVersion: 3, role: 'structure' },
  TargetChanged: { schemaVersion: 3, role: 'structure' },
  ActualRecorded: { schemaVersion: 5, role: 'monitoring' },
  ActualRestated: { schemaVersion: 5, role: 'monitoring' },
  ActualVerified: { schemaVersion: 1, role: 'monitoring' },
  ActualRejected: { schemaVersion: 1, role: 'monitoring' },
  // Structure, not monitoring: the plan prints its baselines ("2018/19 Actual") beside its targets.
  BaselineRecorded: { schemaVersion: 1, role: 'structure' },
  IndicatorLinked: { schemaVersion: 1, role: 'structure' },
  // Structure: the plan prints who is responsible for each indicator, and its template carries it.
  IndicatorOwnershipAssigned: { schemaVersion: 1, role: 'structure' },
};
