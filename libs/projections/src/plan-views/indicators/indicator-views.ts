import type { Baseline, DataQualityNotes, Figure, IndicatorFields, Ownership, Rag, Target, TargetInForce, VerificationState } from '@app/domain';

/**
 * A target as decided: its figure, comparison and upper figure, and the plan's words beside them;
 * `setAt` is when it was recorded, so a report can say a target came after the actuals it follows.
 * `baselineFigure` is the figure its baseline has now (null when it has none, or the target has its
 * own figure): what an actual recorded now would be held to.
 */
export type TargetView = Target & { setAt: string; baselineFigure: number | null };

/**
 * The second officer's check of the figure shown: `by` and `at` (record time) once verified or
 * rejected, `reason` for a rejection. A restated figure is unverified again.
 */
export type ActualVerificationView = {
  state: VerificationState;
  by: string | null;
  at: string | null;
  reason: string | null;
};

/** `source`, `method` and `caveats`: the recorder's data-quality notes on this figure. */
export type ActualView = DataQualityNotes & {
  period: string;
  value: Figure;
  commentary: string | null;
  /** Rated once, against `assessedAgainst`, when recorded or restated: never recoloured. */
  rag: Rag;
  ragReason: string;
  assessedAgainst: TargetInForce;
  restated: boolean;
  restatementReason: string | null;
  recordedAt: string;
  /** The user id of who entered the figure; null for figures recorded before it was kept. */
  recordedBy: string | null;
  verification: ActualVerificationView;
};

/** A figure from before the plan, as recorded (or last corrected). */
export type BaselineView = Baseline & { recordedAt: string };

/** `owner` answers for its returns and `approver` verifies its actuals, by user id; null when nobody is named. */
export type IndicatorView = { code: string } & IndicatorFields & Ownership & {
  targets: TargetView[];
  actuals: ActualView[];
  /** Figures from before the plan, by period: for direction of travel, never monitoring returns. */
  baselines: BaselineView[];
  /** Refs of the priorities, projects and actions it measures. */
  priorityRefs: string[];
};

/** The plan view's indicators. */
export type IndicatorsPart = { indicators: IndicatorView[] };

export const emptyIndicatorsPart = (): IndicatorsPart => ({ indicators: [] });
