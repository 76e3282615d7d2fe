import {
  assessRag,
  baselineFigureOf,
  NOBODY_NAMED,
  comparePeriods,
  type ActualRecorded,
  type ActualRestated,
  type Figure,
  type IndicatorEvent,
  type Target,
  type TargetInForce,
} from '@app/domain';
import type { ProjectedEvent } from '../../projector/projection';
import { formatValue } from '../format-value';
import type { PlanView } from '../plan-view-shape';
import type { ViewEvolvers } from '../section-traits';
import type { ActualVerificationView, ActualView, IndicatorView, TargetView } from './indicator-views';

export const INDICATOR_VIEW_EVOLVERS: ViewEvolvers<IndicatorEvent> = {
  IndicatorDefined: (view, { data }, stored) => {
    const indicator: IndicatorView = {
      code: data.code,
      title: data.title,
      description: data.description,
      unit: data.unit,
      polarity: data.polarity,
      basis: data.basis,
      frequency: data.frequency,
      tolerance: data.tolerance,
      toleranceAbsolute: data.toleranceAbsolute,
      themeId: data.themeId,
      ...NOBODY_NAMED,
      targets: sortByPeriod(data.targets.map((target) => targetView(target, stored.recordedAt))),
      actuals: [],
      baselines: [],
      priorityRefs: [],
    };
    return { ...view, indicators: [...view.indicators.filter((i) => i.code !== data.code), withBaselineFigures(indicator)] };
  },
  IndicatorRevised: (view, { data: { code, changes } }) =>
    updateIndicator(view, code, (indicator) => ({
      ...indicator,
      title: changes.title ?? indicator.title,
      description: changes.description !== undefined ? changes.description : indicator.description,
      unit: changes.unit ?? indicator.unit,
      polarity: changes.polarity ?? indicator.polarity,
      basis: changes.basis ?? indicator.basis,
      frequency: changes.frequency ?? indicator.frequency,
      tolerance: changes.tolerance !== undefined ? changes.tolerance : indicator.tolerance,
      toleranceAbsolute: changes.toleranceAbsolute !== undefined ? changes.toleranceAbsolute : indicator.toleranceAbsolute,
      themeId: changes.themeId !== undefined ? changes.themeId : indicator.themeId,
    })),
  TargetSet: (view, { data }, stored) => withTarget(view, data.code, targetView(data.target, stored.recordedAt)),
  TargetChanged: (view, { data }, stored) => withTarget(view, data.code, targetView(data.target, stored.recordedAt)),
  ActualRecorded: withActual,
  ActualRestated: withActual,
  ActualVerified: (view, { data }, stored) =>
    withVerification(view, data.code, data.period, { state: 'verified', by: data.verifiedBy, at: stored.recordedAt, reason: null }),
  ActualRejected: (view, { data }, stored) =>
    withVerification(view, data.code, data.period, {
      state: 'rejected',
      by: data.rejectedBy,
      at: stored.recordedAt,
      reason: data.reason,
    }),
  BaselineRecorded: (view, { data: { code, baseline } }, stored) =>
    updateIndicator(view, code, (indicator) => ({
      ...indicator,
      baselines: sortByPeriod([
        ...indicator.baselines.filter((b) => b.period !== baseline.period),
        { period: baseline.period, value: baseline.value, source: baseline.source, note: baseline.note, recordedAt: stored.recordedAt },
      ]),
    })),
  IndicatorLinked: (view, { data: { code, priorityRefs } }) =>
    updateIndicator(view, code, (indicator) => ({ ...indicator, priorityRefs: [...priorityRefs] })),
  IndicatorOwnershipAssigned: (view, { data: { code, owner, approver } }) =>
    updateIndicator(view, code, (indicator) => ({ ...indicator, owner, approver })),
};

function withTarget(view: PlanView, code: string, target: TargetView): PlanView {
  return updateIndicator(view, code, (indicator) => ({
    ...indicator,
    targets: sortByPeriod([...indicator.targets.filter((t) => t.period !== target.period), target]),
  }));
}

function withActual(view: PlanView, planEvent: ActualRecorded | ActualRestated, stored: ProjectedEvent): PlanView {
  const { data } = planEvent;
  // Rated against the target the event carries, in the unit it carries, so a later revision of the
  // indicator never recolours an actual already recorded.
  const assessment = assessRag({
    actual: data.value,
    unit: data.unit,
    assessedAgainst: data.assessedAgainst,
    period: data.period,
    formatValue: (value) => formatValue(value, data.unit),
  });
  return updateIndicator(view, data.code, (indicator) => {
    const actual: ActualView = {
      period: data.period,
      value: data.value,
      commentary: data.commentary,
      source: data.source,
      method: data.method,
      caveats: data.caveats,
      rag: assessment.rag,
      ragReason: assessment.reason,
      assessedAgainst: copyTargetInForce(data.assessedAgainst),
      restated: planEvent.type === 'ActualRestated',
      restatementReason: planEvent.type === 'ActualRestated' ? planEvent.data.reason : null,
      recordedAt: stored.recordedAt,
      recordedBy: data.recordedBy,
      verification: UNVERIFIED,
    };
    return {
      ...indicator,
      actuals: sortByPeriod([...indicator.actuals.filter((a) => a.period !== data.period), actual]),
    };
  });
}

const UNVERIFIED: ActualVerificationView = { state: 'unverified', by: null, at: null, reason: null };

function withVerification(view: PlanView, code: string, period: string, verification: ActualVerificationView): PlanView {
  return updateIndicator(view, code, (indicator) => ({
    ...indicator,
    actuals: indicator.actuals.map((actual) => (actual.period === period ? { ...actual, verification } : actual)),
  }));
}

function updateIndicator(view: PlanView, code: string, change: (indicator: IndicatorView) => IndicatorView): PlanView {
  if (!view.indicators.some((i) => i.code === code)) return view;
  return { ...view, indicators: view.indicators.map((i) => (i.code === code ? withBaselineFigures(change(i)) : i)) };
}

/** Each target relative to a baseline with the figure its baseline has now, as a baseline or an actual arrives or is corrected. */
function withBaselineFigures(indicator: IndicatorView): IndicatorView {
  const figureOf = knownFigures(indicator);
  return {
    ...indicator,
    targets: indicator.targets.map((target) => ({ ...target, baselineFigure: baselineFigureOf(target, figureOf) })),
  };
}

/** The figure the view knows for a period: a baseline recorded for it, or the plan's actual for it. */
export function knownFigures(indicator: Pick<IndicatorView, 'baselines' | 'actuals'>): (period: string) => Figure | null {
  return (period) =>
    (indicator.baselines.find((baseline) => baseline.period === period) ?? indicator.actuals.find((actual) => actual.period === period))
      ?.value ?? null;
}

const targetView = (target: Target, setAt: string): TargetView => ({ ...copyTarget(target), setAt, baselineFigure: null });

const copyTarget = (target: Target): Target => ({
  period: target.period,
  value: target.value,
  upper: target.upper,
  baseline: target.baseline,
  comparison: target.comparison,
  text: target.text,
});

const copyTargetInForce = (inForce: TargetInForce): TargetInForce => ({
  target: inForce.target ? copyTarget(inForce.target) : null,
  source: inForce.source,
  tolerancePercent: inForce.tolerancePercent,
  toleranceAbsolute: inForce.toleranceAbsolute,
  baselineFigure: inForce.baselineFigure,
});

function sortByPeriod<T extends { period: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => comparePeriods(a.period, b.period));
}
