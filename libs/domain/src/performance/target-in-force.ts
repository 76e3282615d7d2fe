import { financialYearOf, parsePeriod } from '../periods/financial-periods';
import type { Basis, Figure, Target, TargetInForce } from '../plan/indicators/indicator-values';

export interface IndicatorTargets {
  basis: Basis;
  tolerance: number | null;
  toleranceAbsolute: number | null;
  targets: readonly Target[];
}

/** Bases whose year's target also holds in each quarter and month of the year; the others only at its end (Q4, M12). */
const YEAR_TARGET_IN_EVERY_PERIOD: ReadonlySet<Basis> = new Set<Basis>(['period', 'period-end-snapshot']);

/**
 * The target an actual for `period` is judged against. A quarter uses a target set for that
 * quarter if there is one; otherwise a period or snapshot indicator uses the year's target, while a
 * cumulative year-to-date or annual one uses it only at Q4: 24.5% collected by June is not a miss
 * of a 98% target for the year, and an annual figure is not due before the year ends. Their earlier
 * quarters need a profiled quarter target or have none. A month is judged the same way: its own
 * target, else the year's where it holds every month or the month is M12. A year uses the year's target.
 *
 * `source` says where it came from: `period` when set for exactly this period, `year` when a
 * quarter fell back to the year's. A target relative to a baseline ("more than the 2023/24
 * baseline") takes the figure `figureOf` knows for that period now (a baseline recorded for it, or
 * the plan's actual), which the actual keeps: a baseline corrected later never recolours it.
 */
export function targetInForce(indicator: IndicatorTargets, period: string, figureOf: (period: string) => Figure | null): TargetInForce {
  const applying = applyingTarget(indicator, period);
  return {
    ...applying,
    tolerancePercent: indicator.tolerance,
    toleranceAbsolute: indicator.toleranceAbsolute,
    baselineFigure: applying.target === null ? null : baselineFigureOf(applying.target, figureOf),
  };
}

/** The figure a target relative to a baseline is held to, as `figureOf` knows it; null for any other target, or a baseline not known. */
export function baselineFigureOf(target: Target, figureOf: (period: string) => Figure | null): number | null {
  if (target.baseline === null) return null;
  const figure = figureOf(target.baseline);
  return typeof figure === 'number' ? figure : null;
}

function applyingTarget(indicator: IndicatorTargets, period: string): Pick<TargetInForce, 'target' | 'source'> {
  const parsed = parsePeriod(period);
  const own = indicator.targets.find((target) => target.period === parsed.label);
  if (own) return { target: own, source: 'period' };
  const endsTheYear = (parsed.kind === 'quarter' && parsed.quarter === 4) || (parsed.kind === 'month' && parsed.month === 12);
  if (parsed.kind !== 'year' && (YEAR_TARGET_IN_EVERY_PERIOD.has(indicator.basis) || endsTheYear)) {
    const year = financialYearOf(parsed.label);
    const yearTarget = indicator.targets.find((target) => target.period === year);
    if (yearTarget) return { target: yearTarget, source: 'year' };
  }
  return { target: null, source: 'none' };
}
