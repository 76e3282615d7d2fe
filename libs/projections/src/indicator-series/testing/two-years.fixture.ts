import type { Target, TargetInForce } from '@app/domain';
import type { ProjectedEvent } from '../../projector/projection';
import { OFFICER, PlanStream } from '../../plan-views/testing/plan-stream.fixture';

/**
 * Two years of one service of Hart, each its own plan with Council Tax collection (CP7, cumulative)
 * and missed bins (CP10, per quarter), and another council's plan of the same service and code. The
 * figures are ILLUSTRATIVE; the 2024/25 plan holds a baseline for 2023/24-Q4 that differs from the
 * 2023/24 plan's actual, to show which one direction of travel takes.
 */
export const SERVICE = 'Corporate Services';

const yearTarget = (period: string, value: number, comparison: Target['comparison']): TargetInForce => ({
  target: { period, value, upper: null, baseline: null, comparison, text: null },
  source: 'year',
  tolerancePercent: 5,
  toleranceAbsolute: null,
  baselineFigure: null,
});

function servicePlan(planId: string, year: string, start: string, firstPosition: number, council = 'hart'): PlanStream {
  const plan = new PlanStream(planId, start, firstPosition, council);
  const from = `${year.slice(0, 4)}-04-01`;
  const to = `${Number(year.slice(0, 4)) + 1}-03-31`;
  plan.add('PlanDrafted', { council, service: SERVICE, title: `${SERVICE} ${year}`, period: { kind: 'financial-year', label: year, from, to }, owner: null });
  const common = { description: null, frequency: 'quarterly', tolerance: 5, toleranceAbsolute: null, themeId: null } as const;
  plan.add('IndicatorDefined', {
    ...common,
    code: 'CP7',
    title: 'Percentage of Council Tax collected',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'cumulative-ytd',
    targets: [{ period: year, value: 98, upper: null, baseline: null, comparison: 'at-least', text: null }],
  });
  plan.add('IndicatorDefined', {
    ...common,
    code: 'CP10',
    title: 'Missed collections per 100,000',
    unit: 'rate-per-100k',
    polarity: 'lower-is-better',
    basis: 'period',
    targets: [{ period: year, value: 40, upper: null, baseline: null, comparison: 'at-most', text: null }],
  });
  return plan;
}

const NO_TARGET: TargetInForce = { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null };

/** Rated as the decider rates it: a cumulative year's target applies at Q4 only, a per-quarter one every quarter. */
function record(plan: PlanStream, code: 'CP7' | 'CP10', period: string, value: number): void {
  const year = period.slice(0, 7);
  const [unit, polarity, assessedAgainst] =
    code === 'CP7'
      ? (['percent', 'higher-is-better', period.endsWith('Q4') ? yearTarget(year, 98, 'at-least') : NO_TARGET] as const)
      : (['rate-per-100k', 'lower-is-better', yearTarget(year, 40, 'at-most')] as const);
  plan.add('ActualRecorded', { code, unit, polarity, period, value, commentary: null, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst }, { actor: OFFICER });
}

export type TwoYears = { earlier: PlanStream; later: PlanStream; otherCouncil: PlanStream; events: ProjectedEvent[] };

export function twoYearsOfOneService(): TwoYears {
  const earlier = servicePlan('cs-2023-24', '2023/24', '2023-04-03T09:00:00.000Z', 1000);
  record(earlier, 'CP7', '2023/24-Q1', 28.1);
  record(earlier, 'CP10', '2023/24-Q4', 33);
  record(earlier, 'CP7', '2023/24-Q4', 97.6);

  const later = servicePlan('cs-2024-25', '2024/25', '2024-04-02T09:00:00.000Z', 5000);
  later.add('BaselineRecorded', {
    code: 'CP10',
    unit: 'rate-per-100k',
    baseline: { period: '2023/24-Q4', value: 50, source: 'Estimate printed in the draft plan', note: null },
    previous: null,
    reason: null,
  });
  record(later, 'CP7', '2024/25-Q1', 29.3);
  record(later, 'CP10', '2024/25-Q1', 35);
  record(later, 'CP10', '2024/25-Q2', 30);

  const otherCouncil = servicePlan('cs-2023-24', '2023/24', '2023-04-04T09:00:00.000Z', 9000, 'rushmoor');
  record(otherCouncil, 'CP7', '2023/24-Q4', 99.9);
  return { earlier, later, otherCouncil, events: [...earlier.events, ...later.events, ...otherCouncil.events].sort((a, b) => a.position - b.position) };
}
