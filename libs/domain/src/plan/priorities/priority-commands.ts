import type { PlanCommandOf } from '../plan-message';
import type { PriorityKind, ProgressStatus } from './priority-values';

export interface OutcomeInput {
  ref?: string;
  description: string;
  /** As the plan words it: "Oct 2023", "Ongoing", "Throughout the 23/24 year", "2020/21 Quarter 1". */
  targetDate?: string;
  /** A period ("2020/21-Q1") or a date ("2020-06-30"). */
  due?: string;
}

export type AddPriority = PlanCommandOf<
  'AddPriority',
  {
    ref: string;
    title: string;
    themes: string[];
    /** Themes of the corporate plan in force, by id: checked against it (see theme-links.ts). */
    themeIds?: string[];
    objective?: string;
    /** `priority` when absent. */
    kind?: PriorityKind;
    sponsor?: string;
    manager?: string;
    /** User id of the officer who reports its progress. */
    owner?: string;
    /** User id of who signs its progress off: never the owner. */
    approver?: string;
    outcomes: OutcomeInput[];
  }
>;

/** Any of the fields; `outcomes`, when given, is the full new list (matched to the old by ref). */
export type RevisePriority = PlanCommandOf<
  'RevisePriority',
  {
    ref: string;
    title?: string;
    themes?: string[];
    /** The whole new list; [] unlinks every theme. */
    themeIds?: string[];
    objective?: string | null;
    kind?: PriorityKind;
    /** null removes it. */
    sponsor?: string | null;
    manager?: string | null;
    /** null: nobody named any more. */
    owner?: string | null;
    approver?: string | null;
    outcomes?: OutcomeInput[];
    reason: string;
  }
>;

export type WithdrawPriority = PlanCommandOf<'WithdrawPriority', { ref: string; reason: string }>;

export type RecordProgress = PlanCommandOf<
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

export type PriorityCommand = AddPriority | RevisePriority | WithdrawPriority | RecordProgress;
