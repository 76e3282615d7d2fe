import type { PlanCommandOf } from '../plan-message';
import type { Basis, Figure, Frequency, Polarity, Unit } from './indicator-values';
import type { TargetStatement } from './targets';

export type DefineIndicator = PlanCommandOf<
  'DefineIndicator',
  {
    code: string;
    title: string;
    description?: string;
    unit: Unit;
    polarity: Polarity;
    basis: Basis;
    frequency: Frequency;
    tolerance?: number;
    toleranceAbsolute?: number;
    /** A theme of the corporate plan in force, by id: checked against it (see theme-links.ts). */
    themeId?: string;
    targets: TargetStatement[];
    /** The priorities, projects or actions it measures, by ref. */
    priorityRefs?: string[];
    /** User id of the officer responsible for its returns. */
    owner?: string;
    /** User id of who verifies its actuals: never the owner. */
    approver?: string;
  }
>;

export type ReviseIndicator = PlanCommandOf<
  'ReviseIndicator',
  {
    code: string;
    title?: string;
    description?: string | null;
    unit?: Unit;
    polarity?: Polarity;
    basis?: Basis;
    frequency?: Frequency;
    tolerance?: number;
    toleranceAbsolute?: number;
    /** null unlinks it. */
    themeId?: string | null;
    /** null: nobody named any more. */
    owner?: string | null;
    approver?: string | null;
    reason: string;
  }
>;

/** Sets a target for a period that has none (reason optional) or changes one (reason required). */
export type SetTarget = PlanCommandOf<
  'SetTarget',
  TargetStatement & { code: string; reason?: string; authority?: string }
>;

/**
 * A second actual for the same period is a restatement and needs a reason. `source`, `method` and
 * `caveats` are the figure's data-quality notes; a restatement states its own.
 */
export type RecordActual = PlanCommandOf<
  'RecordActual',
  { code: string; period: string; value: Figure; commentary?: string; source?: string; method?: string; caveats?: string; reason?: string }
>;

/**
 * A second officer's check of the period's figure: `verified`, or `rejected` with a reason.
 * `byPerformanceTeam`: the caller checks figures for the whole council, so may check those of an
 * indicator whose approver is someone else.
 */
export type VerifyActual = PlanCommandOf<
  'VerifyActual',
  { code: string; period: string; outcome: string; reason?: string; byPerformanceTeam: boolean }
>;

/**
 * A figure from before the plan (an earlier year's actual, a baseline survey): for direction of
 * travel and to be shown beside the plan's targets, never a monitoring return. A period that already
 * has one is corrected with a reason.
 */
export type RecordBaseline = PlanCommandOf<
  'RecordBaseline',
  { code: string; period: string; value: Figure; source?: string; note?: string; reason?: string }
>;

/**
 * The priorities, projects or actions an indicator measures, all at once (an empty list unlinks it);
 * changing links it already has needs a reason.
 */
export type LinkIndicator = PlanCommandOf<'LinkIndicator', { code: string; priorityRefs: string[]; reason?: string }>;

export type IndicatorCommand =
  | DefineIndicator
  | ReviseIndicator
  | SetTarget
  | RecordActual
  | VerifyActual
  | RecordBaseline
  | LinkIndicator;
