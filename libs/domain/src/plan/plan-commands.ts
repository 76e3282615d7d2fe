import type { Basis, Frequency, Polarity, ProgressStatus, Unit } from './plan-values';

/**
 * What officers, editors and governance ask of a plan. Values arrive validated for shape by the
 * edge (types, enums, required fields); the decider checks the rules. Periods may be written with
 * `-` for `/` ("2023-24-Q2"); the decider normalises them.
 *
 * `council` on DraftPlan comes from the caller's identity, not the body.
 */

export interface OutcomeInput {
  ref?: string;
  description: string;
  /** As the plan words it: "Oct 2023", "Ongoing", "Throughout the 23/24 year". */
  targetDate?: string;
}

export interface TargetInput {
  period: string;
  value?: number;
  text?: string;
}

interface Command<T extends string, D> {
  type: T;
  data: D;
}

export type DraftPlan = Command<
  'DraftPlan',
  {
    planId: string;
    council: string;
    title: string;
    service: string;
    /** "2023/24" or an explicit range of whole financial years. */
    period: string | { from: string; to: string };
    owner?: string;
  }
>;

export type AddPriority = Command<
  'AddPriority',
  { ref: string; title: string; themes: string[]; objective?: string; outcomes: OutcomeInput[] }
>;

/** Any of the fields; `outcomes`, when given, is the full new list (matched to the old by ref). */
export type RevisePriority = Command<
  'RevisePriority',
  {
    ref: string;
    title?: string;
    themes?: string[];
    objective?: string | null;
    outcomes?: OutcomeInput[];
    reason: string;
  }
>;

export type WithdrawPriority = Command<'WithdrawPriority', { ref: string; reason: string }>;

export type DefineIndicator = Command<
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
    targets: Array<{ period: string; value?: number; text?: string }>;
  }
>;

export type ReviseIndicator = Command<
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
    reason: string;
  }
>;

/** Sets a target for a period that has none (reason optional) or changes one (reason required). */
export type SetTarget = Command<
  'SetTarget',
  { code: string; period: string; value?: number; text?: string; reason?: string; authority?: string }
>;

/** A second actual for the same period is a restatement and needs a reason. */
export type RecordActual = Command<
  'RecordActual',
  { code: string; period: string; value: number; commentary?: string; reason?: string }
>;

export type RecordProgress = Command<
  'RecordProgress',
  {
    ref: string;
    period: string;
    percentComplete: number;
    status: ProgressStatus;
    position?: string;
    commentary?: string;
    milestone?: string;
  }
>;

export type SubmitForScrutiny = Command<'SubmitForScrutiny', { committee: string; meetingDate?: string }>;

export type RecordScrutiny = Command<
  'RecordScrutiny',
  { committee: string; meetingDate: string; minuteRef?: string; comments: string[] }
>;

export type PublishVersion = Command<'PublishVersion', { label?: string; reason: string; effectiveDate?: string }>;

export type ApprovePlan = Command<'ApprovePlan', { body: string; meetingDate: string; decisionRef?: string }>;

export type ReopenPlan = Command<'ReopenPlan', { reason: string }>;

export type ClosePlan = Command<'ClosePlan', { reason: string }>;

export type PlanCommand =
  | DraftPlan
  | AddPriority
  | RevisePriority
  | WithdrawPriority
  | DefineIndicator
  | ReviseIndicator
  | SetTarget
  | RecordActual
  | RecordProgress
  | SubmitForScrutiny
  | RecordScrutiny
  | PublishVersion
  | ApprovePlan
  | ReopenPlan
  | ClosePlan;

export type PlanCommandType = PlanCommand['type'];
