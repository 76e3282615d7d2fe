import {
  comparePeriods,
  directionOfFigures,
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
  sameCode,
  sameTarget,
  targetInForce,
  type Basis,
  type BudgetAmount,
  type BudgetTotal,
  type Direction,
  type Figure,
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
import { knownFigures } from './indicators/indicator-view-evolution';

/**
 * The monitoring report for a business period, built from a plan view: the live one, or one folded
 * to an instant so that the report a committee was shown can be produced again. Actuals keep the
 * RAG they were given when recorded.
 */

export type ReportTarget = {
  /** The period the target was set for: the quarter's own, or the year's it fell back to. */
  period: string;
  value: Figure | null;
  upper: Figure | null;
  /** The period of the baseline a target relative to one is held to ("more than the 2023/24 baseline"), else null. */
  baseline: string | null;
  /**
   * The figure of that baseline the target was resolved to: as known when the actual was recorded,
   * or, with no actual yet, as known now; null when not relative to a baseline or not known.
   */
  baselineFigure: number | null;
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
  actual: Figure | null;
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
  previousActual: Figure | null;
  /**
   * Where the compared figure comes from: one of the plan's actuals, an actual of the same indicator
   * in the service's plan before this one (`previousPlan` names it), or a baseline from before the
   * plan; null when there is none.
   */
  previousFrom: 'actual' | 'earlier-plan' | 'baseline' | null;
  /** The earlier plan the compared figure was recorded in, when `previousFrom` is `earlier-plan`; else null. */
  previousPlan: EarlierPlanRef | null;
  commentary: string | null;
  /**
   * What a reader must know beside the target: "Target to be set" while it is words alone ("TBA"),
   * that the target now in force was set after the actual, which keeps the rating it had, or that
   * the baseline a target is relative to was not recorded ("Baseline 2023/24 not recorded").
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
  /**
   * The service's plan before this one, at the revision its figures were read at, which direction of
   * travel compares with for periods before this plan; null when the service has none.
   */
  earlierPlan: (EarlierPlanRef & { revision: number }) | null;
  priorities: ReportPriority[];
  /** Objective and plan percentages, with the council's roll-up rule they were made with. */
  rollups: Rollups<RollupRuleInForce>;
  /** The council's rule for figures not yet verified the indicators were rated with. */
  unverifiedFigures: UnverifiedFiguresRuleInForce;
  budget: ReportBudget;
  risks: ReportRisk[];
};

/** Which earlier plan a figure was recorded in: its id and its period's label ("2023/24"). */
export type EarlierPlanRef = { planId: string; period: string };

/**
 * The same service's plan that ends the day before a plan begins: the plan of the year before, whose
 * actuals direction of travel compares with where the period before lies before the plan (a Q1, a
 * first month, an annual figure, a cumulative figure's same quarter a year earlier).
 */
export type EarlierPlan = EarlierPlanRef & {
  /** Its stream's revision, which the ETag of an answer compared with it carries: a restated figure there changes the answer. */
  revision: number;
  indicators: IndicatorView[];
};

/** What of a plan its report is built from: the council-wide reports keep exactly this of each plan. */
export type ReportInputs = Pick<
  PlanView,
  'planId' | 'title' | 'service' | 'periodRange' | 'version' | 'revision' | 'indicators' | 'priorities' | 'budget' | 'risks'
> & {
  /**
   * The service's plan before this one, as it stood at the report's instant, when there is one. The
   * reader attaches it (from the `indicator_series` projection): one plan's projection cannot see another's.
   */
  earlierPlan?: EarlierPlan | null;
};

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
    reportIndicator(indicator, reportPeriod, view.periodRange.from, view.earlierPlan ?? null, unverifiedFigures.unverifiedFigures),
  );
  const measuresOf = (ref: string): ReportMeasure[] =>
    indicators
      .filter((_indicator, index) => view.indicators[index].priorityRefs.includes(ref))
      .map(({ code, title, unit, actual, rag, direction }) => ({ code, title, unit, actual, rag, direction }));
  const progress = prioritiesAtPeriodEnd(view.priorities, reportPeriod, rollupRule, measuresOf);
  const earlier = view.earlierPlan ?? null;
  return {
    planId: view.planId,
    title: view.title,
    service: view.service,
    period: reportPeriod,
    planVersion: view.version,
    revision: view.revision,
    indicators,
    earlierPlan: earlier && { planId: earlier.planId, period: earlier.period, revision: earlier.revision },
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
  earlierPlan: EarlierPlan | null,
  unverifiedFigures: UnverifiedFiguresRule,
): ReportIndicator {
  const actual = returnFor(indicator, period);
  const unrated = actual ? whyUnrated(actual, unverifiedFigures) : null;
  const travel = travelOf(indicator, period, actual, planStart, earlierPlan);
  const inForce = actual ? actual.assessedAgainst : targetInForce(indicator, period, knownFigures(indicator));
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
    direction: travel.direction,
    previousPeriod: travel.compared.period,
    previousActual: travel.compared.value,
    previousFrom: travel.compared.from,
    previousPlan: travel.compared.plan,
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
  const inForce = targetInForce(indicator, period, knownFigures(indicator)).target;
  const current = inForce && indicator.targets.find((target) => target.period === inForce.period);
  const ratedAgainst = actual ? actual.assessedAgainst.target : current;
  if (actual && current && current.setAt > actual.recordedAt && !(ratedAgainst && sameTarget(ratedAgainst, current))) {
    const { unit, polarity } = indicator;
    return (
      `Target ${formatTarget(current, unit, polarity)} set on ${current.setAt.slice(0, 10)}, after this actual was recorded ` +
      `on ${actual.recordedAt.slice(0, 10)}: the actual keeps the rating it was given then`
    );
  }
  if (!ratedAgainst) return null;
  if (ratedAgainst.comparison === null) return 'Target to be set';
  const baselineFigure = actual ? actual.assessedAgainst.baselineFigure : (current?.baselineFigure ?? null);
  if (ratedAgainst.baseline !== null && baselineFigure === null) {
    return `Baseline ${ratedAgainst.baseline} not recorded${actual ? ' when the actual was recorded' : ''}`;
  }
  return null;
}

/** The figure direction of travel compared with, and where it was recorded. */
export type ComparedFigure = {
  period: string;
  value: Figure | null;
  from: ReportIndicator['previousFrom'];
  plan: EarlierPlanRef | null;
};

/**
 * How the period's actual moved against the figure before it, as a report for the period shows it:
 * also what the series across years shows beside each actual, so that both say the same.
 */
export function travelOf(
  indicator: IndicatorView,
  period: string,
  actual: ActualView | undefined,
  planStart: string,
  earlierPlan: EarlierPlan | null,
): { direction: Direction; compared: ComparedFigure } {
  const compared = comparedFigure(indicator, period, planStart, earlierPlan);
  if (!actual) return { direction: 'none', compared };
  const target = reportTarget(actual.assessedAgainst);
  const heldTo = target?.baselineFigure ?? target?.value ?? null;
  return {
    direction: directionOfFigures({ unit: indicator.unit, current: actual.value, previous: compared.value, polarity: indicator.polarity, target: heldTo }),
    compared,
  };
}

/**
 * The figure direction of travel compares with. A cumulative year-to-date figure restarts each
 * April, so Q1 against last year's Q4 (24.5% against 98%) would always read as a decline: it is
 * compared with the same quarter of the previous year instead, and has no direction when that
 * quarter has no figure. Other bases compare with the period before. Either is the plan's actual;
 * else, for a period before the plan, the same indicator's actual in the service's plan of the years
 * before (a plan's Q1 against the last plan's Q4); else a baseline for that period; and where the
 * period before is before the plan (a Q1 or the first year), with no figure of its own, the latest
 * baseline up to it stands in: Three Rivers' 2020/21 compares with its printed 2018/19 actual,
 * 2019/20's not being known when the plan was written.
 */
function comparedFigure(indicator: IndicatorView, period: string, planStart: string, earlierPlan: EarlierPlan | null): ComparedFigure {
  const compared = indicator.basis === 'cumulative-ytd' ? samePeriodLastYear(period) : previousPeriod(period);
  const actual = returnFor(indicator, compared);
  if (actual) return { period: compared, value: actual.value, from: 'actual', plan: null };
  const comparedEnd = periodBounds(compared).to;
  const before = comparedEnd < planStart ? earlierActual(earlierPlan, indicator.code, compared) : null;
  if (before) return { period: compared, value: before.actual.value, from: 'earlier-plan', plan: before.plan };
  const baseline = indicator.baselines.find((b) => b.period === compared);
  if (baseline) return { period: compared, value: baseline.value, from: 'baseline', plan: null };
  if (indicator.basis !== 'cumulative-ytd' && comparedEnd < planStart) {
    const earlier = indicator.baselines.filter((b) => periodBounds(b.period).to <= comparedEnd).at(-1);
    if (earlier) return { period: earlier.period, value: earlier.value, from: 'baseline', plan: null };
  }
  return { period: compared, value: null, from: null, plan: null };
}

/** The earlier plan's return for the period of the indicator with this code, and which plan it is; null when it has none. */
function earlierActual(earlierPlan: EarlierPlan | null, code: string, period: string): { actual: ActualView; plan: EarlierPlanRef } | null {
  const indicator = earlierPlan?.indicators.find((candidate) => sameCode(candidate.code, code));
  const actual = indicator && returnFor(indicator, period);
  return earlierPlan && actual ? { actual, plan: { planId: earlierPlan.planId, period: earlierPlan.period } } : null;
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
  const { period, value, upper, baseline, comparison, text } = inForce.target;
  return { period, value, upper, baseline, baselineFigure: inForce.baselineFigure, comparison, text, source: inForce.source };
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
