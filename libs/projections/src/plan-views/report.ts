import {
  comparePeriods,
  directionOfTravel,
  dueDateOf,
  financialYearOf,
  fourthQuarterOf,
  normalisePeriod,
  periodBounds,
  previousPeriod,
  priorityPercentComplete,
  progressSourceOf,
  rollUpProgress,
  samePeriodLastYear,
  sameTarget,
  targetInForce,
  type Basis,
  type BudgetAmount,
  type BudgetTotal,
  type Direction,
  type Polarity,
  type PriorityKind,
  type PriorityProgress,
  type ProgressSource,
  type ProgressStatus,
  type Rag,
  type RollupRule,
  DEFAULT_ROLLUP_RULE_IN_FORCE,
  DEFAULT_UNVERIFIED_FIGURES_RULE_IN_FORCE,
  type RollupRuleInForce,
  type UnverifiedFiguresRule,
  type UnverifiedFiguresRuleInForce,
  type Rollups,
  type AssessedScore,
  type TargetComparison,
  type TargetInForce,
  type Unit,
} from '@app/domain';
import {
  latestProgress,
  latestReview,
  type ActualVerificationView,
  type ActualView,
  type IndicatorView,
  type PlanView,
  type PriorityView,
  type RiskReviewView,
  type RiskView,
} from './plan-view';
import type { BudgetLineView } from './budget/budget-views';
import { formatTarget } from './format-value';

/**
 * The monitoring report for a business period, built from a plan view: the live one, or one folded
 * to an instant so that the report a committee was shown can be produced again. Actuals keep the
 * RAG they were given when recorded.
 */

export type ReportTarget = {
  /** The period the target was set for: the quarter's own, or the year's it fell back to. */
  period: string;
  value: number | null;
  upper: number | null;
  comparison: TargetComparison | null;
  text: string | null;
  source: 'period' | 'year';
};

export type ReportIndicator = {
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  basis: Basis;
  target: ReportTarget | null;
  actual: number | null;
  /**
   * The period of the return the actual comes from: the report's own or, for a year of a cumulative
   * year-to-date indicator, its fourth quarter, whose figure is the year's. Null with no actual.
   */
  actualPeriod: string | null;
  restated: boolean;
  actualRecordedAt: string | null;
  /** Who entered the figure shown; null with no actual, or for one recorded before this was kept. */
  actualRecordedBy: string | null;
  /** The figure's data-quality notes as its recorder gave them: where it comes from, how it was made, what it leaves out. */
  actualSource: string | null;
  actualMethod: string | null;
  actualCaveats: string | null;
  /** The second officer's check of the figure shown (by whom, when, why rejected); null with no actual. */
  verification: ActualVerificationView | null;
  /**
   * The figure's rating, unless it was rejected, or is not yet verified and the council's rule shows
   * such figures as awaiting verification: then `none`, and `ragReason` says why.
   */
  rag: Rag;
  ragReason: string;
  direction: Direction;
  /** The period direction of travel compared with: the one before (a cumulative indicator's a year before), or the latest baseline before the plan. */
  previousPeriod: string;
  previousActual: number | null;
  /** Whether the compared figure is one of the plan's actuals or a baseline from before the plan; null when there is none. */
  previousFrom: 'actual' | 'baseline' | null;
  commentary: string | null;
  /**
   * What a reader must know beside the target: "Target to be set" while it is words alone ("TBA"),
   * or that the target now in force was set after the actual, which keeps the rating it had.
   */
  targetNote: string | null;
};

export type ReportMilestone = {
  ref: string;
  description: string;
  /** The day it falls due: its entered due, else the date its words name; null when neither says one. */
  due: string | null;
  percentComplete: number | null;
  status: ProgressStatus | null;
  /**
   * Due before the last day of the report's period and not complete: its latest entry up to the
   * period is not `completed` (or there is none). Due on the last day itself is not yet overdue.
   */
  overdue: boolean;
};

export type ReportPriority = {
  ref: string;
  kind: PriorityKind;
  title: string;
  objective: string | null;
  /** Its roll-up: of its milestones once any has an entry, else its own entry's; null with neither. */
  percentComplete: number | null;
  /** Which entries `percentComplete` comes from. */
  percentFrom: ProgressSource | null;
  /** Its own latest entry's, for the priority as a whole; a milestone's entries never stand for it. */
  status: ProgressStatus | null;
  position: string | null;
  commentary: string | null;
  /** The period of its own entry shown: the report's own or, when none was made for it, an earlier one. */
  reportedFor: string | null;
  milestones: ReportMilestone[];
  /** The indicators that measure it, as the report rates them for the period, beside its progress. */
  measures: ReportMeasure[];
};

/** An indicator beside the priority, project or action it measures. */
export type ReportMeasure = Pick<ReportIndicator, 'code' | 'title' | 'unit' | 'actual' | 'rag' | 'direction'>;

/** A budget line's amounts for the report's year. */
export type ReportBudgetLine = Pick<BudgetLineView, 'code' | 'title' | 'note'> & { amounts: BudgetAmount[] };

/** The budget for the financial year the report's period falls in: the lines with amounts for it, and its totals. */
export type ReportBudget = {
  year: string;
  lines: ReportBudgetLine[];
  totals: BudgetTotal[];
};

/**
 * A risk as it stood at the end of the period: scored and banded by its latest review up to the
 * period, else by its residual score in the register, each as banded when it was recorded.
 */
export type ReportRisk = {
  ref: string;
  title: string;
  owner: string | null;
  standing: AssessedScore;
  /** Where the standing comes from: the latest review up to the period, or the register's residual score. */
  standingFrom: 'review' | 'register';
  latestReview: RiskReviewView | null;
};

export type MonitoringReport = {
  planId: string;
  title: string;
  service: string;
  period: string;
  /** The plan version and stream revision the report was built from. */
  planVersion: string | null;
  revision: number;
  indicators: ReportIndicator[];
  priorities: ReportPriority[];
  /** Objective and plan percentages, with the council's roll-up rule they were made with. */
  rollups: Rollups<RollupRuleInForce>;
  /** The council's rule for figures not yet verified the indicators were rated with. */
  unverifiedFigures: UnverifiedFiguresRuleInForce;
  budget: ReportBudget;
  risks: ReportRisk[];
};

/** What of a plan its report is built from: the council-wide reports keep exactly this of each plan. */
export type ReportInputs = Pick<
  PlanView,
  'planId' | 'title' | 'service' | 'periodRange' | 'version' | 'revision' | 'indicators' | 'priorities' | 'budget' | 'risks'
>;

/** The council's rules a report is made with, in force at the instant it is made for. */
export type ReportRules = { rollupRule: RollupRuleInForce; unverifiedFigures: UnverifiedFiguresRuleInForce };

/** What a council that never set a rule reports with. */
export const DEFAULT_REPORT_RULES: ReportRules = {
  rollupRule: DEFAULT_ROLLUP_RULE_IN_FORCE,
  unverifiedFigures: DEFAULT_UNVERIFIED_FIGURES_RULE_IN_FORCE,
};

/**
 * `rules` are the council's, in force at the instant the report is made for (now, or its `asOf`),
 * which the caller reads from the council's settings: the plan's events do not hold them.
 */
export function buildMonitoringReport(view: ReportInputs, period: string, { rollupRule, unverifiedFigures }: ReportRules): MonitoringReport {
  const reportPeriod = normalisePeriod(period);
  const indicators = view.indicators.map((indicator) =>
    reportIndicator(indicator, reportPeriod, view.periodRange.from, unverifiedFigures.unverifiedFigures),
  );
  const measuresOf = (ref: string): ReportMeasure[] =>
    indicators
      .filter((_indicator, index) => view.indicators[index].priorityRefs.includes(ref))
      .map(({ code, title, unit, actual, rag, direction }) => ({ code, title, unit, actual, rag, direction }));
  const progress = prioritiesAtPeriodEnd(view.priorities, reportPeriod, rollupRule, measuresOf);
  return {
    planId: view.planId,
    title: view.title,
    service: view.service,
    period: reportPeriod,
    planVersion: view.version,
    revision: view.revision,
    indicators,
    priorities: progress.map(({ report }) => report),
    rollups: rollUpProgress(progress.map(({ rollup }) => rollup), rollupRule),
    unverifiedFigures,
    budget: reportBudget(view, financialYearOf(reportPeriod)),
    risks: view.risks.map((risk) => reportRisk(risk, reportPeriod)),
  };
}

function reportRisk(risk: RiskView, period: string): ReportRisk {
  const review = latestReview(risk, period);
  return {
    ref: risk.ref,
    title: risk.title,
    owner: risk.owner,
    standing: review ? review.residual : risk.residual,
    standingFrom: review ? 'review' : 'register',
    latestReview: review,
  };
}

/**
 * Each priority as a report for the period shows it, with what it adds to the roll-ups, so that a
 * roll-up across plans (per theme, per service) counts the same items as each plan's own.
 */
export function prioritiesAtPeriodEnd(
  priorities: PriorityView[],
  period: string,
  rollupRule: RollupRule,
  measuresOf: (ref: string) => ReportMeasure[] = () => [],
): Array<{ report: ReportPriority; rollup: PriorityProgress }> {
  const periodEnd = periodBounds(period).to;
  return priorities.map((priority) => priorityProgressFor(priority, period, periodEnd, rollupRule, measuresOf(priority.ref)));
}

function reportBudget(view: ReportInputs, year: string): ReportBudget {
  const lines = view.budget.lines.flatMap(({ code, title, note, amounts }) => {
    const ofYear = amounts.filter((amount) => amount.year === year);
    return ofYear.length > 0 ? [{ code, title, note, amounts: ofYear }] : [];
  });
  return { year, lines, totals: view.budget.totals.filter((total) => total.year === year) };
}

function reportIndicator(
  indicator: IndicatorView,
  period: string,
  planStart: string,
  unverifiedFigures: UnverifiedFiguresRule,
): ReportIndicator {
  const actual = returnFor(indicator, period);
  const unrated = actual ? whyUnrated(actual, unverifiedFigures) : null;
  const compared = comparedFigure(indicator, period, planStart);
  const inForce = actual ? actual.assessedAgainst : targetInForce(indicator, period);
  const target = reportTarget(inForce);
  return {
    code: indicator.code,
    title: indicator.title,
    unit: indicator.unit,
    polarity: indicator.polarity,
    basis: indicator.basis,
    target,
    actual: actual?.value ?? null,
    actualPeriod: actual?.period ?? null,
    restated: actual?.restated ?? false,
    actualRecordedAt: actual?.recordedAt ?? null,
    actualRecordedBy: actual?.recordedBy ?? null,
    actualSource: actual?.source ?? null,
    actualMethod: actual?.method ?? null,
    actualCaveats: actual?.caveats ?? null,
    verification: actual?.verification ?? null,
    rag: unrated === null ? (actual?.rag ?? 'none') : 'none',
    ragReason: unrated ?? actual?.ragReason ?? `No actual recorded for ${period}`,
    direction: actual
      ? directionOfTravel({
          current: actual.value,
          previous: compared.value,
          polarity: indicator.polarity,
          target: target?.value ?? null,
        })
      : 'none',
    previousPeriod: compared.period,
    previousActual: compared.value,
    previousFrom: compared.from,
    commentary: actual?.commentary ?? null,
    targetNote: targetNote(indicator, period, actual),
  };
}

/** Why a recorded figure goes unrated: rejected, or awaiting verification under the council's rule; null when it is rated. */
function whyUnrated({ verification }: ActualView, unverifiedFigures: UnverifiedFiguresRule): string | null {
  if (verification.state === 'rejected') {
    return `Not rated: the figure was rejected on ${verification.at?.slice(0, 10)} (${verification.reason})`;
  }
  if (verification.state === 'unverified' && unverifiedFigures === 'awaiting-verification') {
    return 'Not rated: the figure is awaiting verification';
  }
  return null;
}

function targetNote(indicator: IndicatorView, period: string, actual: ActualView | undefined): string | null {
  const inForce = targetInForce(indicator, period).target;
  const current = inForce && indicator.targets.find((target) => target.period === inForce.period);
  const ratedAgainst = actual ? actual.assessedAgainst.target : current;
  if (actual && current && current.setAt > actual.recordedAt && !(ratedAgainst && sameTarget(ratedAgainst, current))) {
    const { unit, polarity } = indicator;
    return (
      `Target ${formatTarget(current, unit, polarity)} set on ${current.setAt.slice(0, 10)}, after this actual was recorded ` +
      `on ${actual.recordedAt.slice(0, 10)}: the actual keeps the rating it was given then`
    );
  }
  return ratedAgainst && ratedAgainst.value === null ? 'Target to be set' : null;
}

type ComparedFigure = { period: string; value: number | null; from: 'actual' | 'baseline' | null };

/**
 * The figure direction of travel compares with. A cumulative year-to-date figure restarts each
 * April, so Q1 against last year's Q4 (24.5% against 98%) would always read as a decline: it is
 * compared with the same quarter of the previous year instead, and has no direction when that
 * quarter has no figure. Other bases compare with the period before. Either is the plan's actual,
 * else a baseline for that period; and where the period before is before the plan (a Q1 or the first
 * year), with no figure of its own, the latest baseline up to it stands in: Three Rivers' 2020/21
 * compares with its printed 2018/19 actual, 2019/20's not being known when the plan was written.
 */
function comparedFigure(indicator: IndicatorView, period: string, planStart: string): ComparedFigure {
  const compared = indicator.basis === 'cumulative-ytd' ? samePeriodLastYear(period) : previousPeriod(period);
  const actual = returnFor(indicator, compared);
  if (actual) return { period: compared, value: actual.value, from: 'actual' };
  const baseline = indicator.baselines.find((b) => b.period === compared);
  if (baseline) return { period: compared, value: baseline.value, from: 'baseline' };
  const comparedEnd = periodBounds(compared).to;
  if (indicator.basis !== 'cumulative-ytd' && comparedEnd < planStart) {
    const earlier = indicator.baselines.filter((b) => periodBounds(b.period).to <= comparedEnd).at(-1);
    if (earlier) return { period: earlier.period, value: earlier.value, from: 'baseline' };
  }
  return { period: compared, value: null, from: null };
}

const actualFor = (indicator: IndicatorView, period: string): ActualView | undefined =>
  indicator.actuals.find((actual) => actual.period === period);

/**
 * The return that gives the period's figure: its own or, for a year of a cumulative year-to-date
 * indicator, returned quarter by quarter, the fourth quarter's: its year-to-date figure is the year's
 * (and was judged against the year's target, which applies at Q4).
 */
function returnFor(indicator: IndicatorView, period: string): ActualView | undefined {
  const own = actualFor(indicator, period);
  if (own || indicator.basis !== 'cumulative-ytd') return own;
  const fourthQuarter = fourthQuarterOf(period);
  return fourthQuarter === null ? undefined : actualFor(indicator, fourthQuarter);
}

function reportTarget(inForce: TargetInForce): ReportTarget | null {
  if (inForce.target === null || inForce.source === 'none') return null;
  const { period, value, upper, comparison, text } = inForce.target;
  return { period, value, upper, comparison, text, source: inForce.source };
}

/**
 * A priority's standing at the end of the period, from its latest entries for the period or an
 * earlier one. Its status, position and commentary are its own entry's, each milestone's its own;
 * its percentage is its roll-up (milestones when they have progress, else its own entry), so that it
 * agrees with the objective's and the plan's, and `percentFrom` says which.
 */
function priorityProgressFor(
  priority: PriorityView,
  period: string,
  periodEnd: string,
  rollupRule: RollupRule,
  measures: ReportMeasure[],
): { report: ReportPriority; rollup: PriorityProgress } {
  const reported = priority.progressHistory.filter((entry) => comparePeriods(entry.period, period) <= 0);
  const whole = latestProgress(reported.filter((entry) => entry.milestone === null));
  const milestones = priority.outcomes.map((outcome) => ({
    outcome,
    entry: latestProgress(reported.filter((entry) => entry.milestone === outcome.ref)),
  }));
  const rollup: PriorityProgress = {
    objective: priority.objective,
    percentComplete: whole?.percentComplete ?? null,
    milestones: milestones.map(({ entry }) => entry?.percentComplete ?? null),
  };
  const percentFrom = progressSourceOf(rollup);
  return {
    report: {
      ref: priority.ref,
      kind: priority.kind,
      title: priority.title,
      objective: priority.objective,
      percentComplete: priorityPercentComplete(rollup, rollupRule),
      percentFrom,
      status: whole?.status ?? null,
      position: whole?.position ?? null,
      commentary: whole?.commentary ?? null,
      reportedFor: whole?.period ?? null,
      milestones: milestones.map(({ outcome, entry }) => {
        const due = dueDateOf(outcome);
        return {
          ref: outcome.ref,
          description: outcome.description,
          due,
          percentComplete: entry?.percentComplete ?? null,
          status: entry?.status ?? null,
          overdue: due !== null && due < periodEnd && entry?.status !== 'completed',
        };
      }),
      measures,
    },
    rollup,
  };
}
