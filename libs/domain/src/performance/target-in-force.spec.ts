import type { Basis, Target } from '../plan/indicators/indicator-values';
import { targetInForce } from './target-in-force';

const year: Target = { period: '2023/24', value: 98, text: null, upper: null, baseline: null, comparison: 'at-least' };
const q1: Target = { period: '2023/24-Q1', value: 24.5, text: null, upper: null, baseline: null, comparison: 'at-least' };
const indicator = (basis: Basis, targets: Target[] = [year, q1]) => ({ basis, tolerance: 5, toleranceAbsolute: null, targets });

describe('the target in force for a period', () => {
  it.each<Basis>(['cumulative-ytd', 'period', 'period-end-snapshot', 'annual'])(
    'uses a target set for the quarter itself (%s)',
    (basis) => {
      expect(targetInForce(indicator(basis), '2023-24-Q1', () => null)).toEqual({ target: q1, source: 'period', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
    },
  );

  it.each<Basis>(['period', 'period-end-snapshot'])("falls back to the year's target for %s", (basis) => {
    expect(targetInForce(indicator(basis), '2023/24-Q2', () => null)).toEqual({ target: year, source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
  });

  it.each<Basis>(['cumulative-ytd', 'annual'])("gives a %s indicator the year's target only at Q4", (basis) => {
    expect(targetInForce(indicator(basis), '2023/24-Q2', () => null)).toEqual({ target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
    expect(targetInForce(indicator(basis), '2023/24-Q3', () => null)).toEqual({ target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
    expect(targetInForce(indicator(basis), '2023/24-Q4', () => null)).toEqual({ target: year, source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
  });

  it.each<Basis>(['cumulative-ytd', 'annual'])("uses the year's target for the year (%s)", (basis) => {
    expect(targetInForce(indicator(basis), '2023/24', () => null)).toEqual({ target: year, source: 'period', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
  });

  it('has none where nothing was set', () => {
    expect(targetInForce(indicator('period', [q1]), '2023/24-Q2', () => null)).toEqual({ target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
    expect(targetInForce(indicator('period'), '2024/25-Q1', () => null).source).toBe('none');
  });

  describe('for a month', () => {
    const october: Target = { period: '2023/24-M07', value: 60, text: null, upper: null, baseline: null, comparison: 'at-least' };

    it('uses a target set for the month itself', () => {
      expect(targetInForce(indicator('cumulative-ytd', [year, october]), '2023/24-M07', () => null)).toEqual({ target: october, source: 'period', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
    });

    it.each<Basis>(['period', 'period-end-snapshot'])("falls back to the year's target every month for %s", (basis) => {
      expect(targetInForce(indicator(basis), '2023/24-M02', () => null)).toEqual({ target: year, source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
    });

    it.each<Basis>(['cumulative-ytd', 'annual'])("gives a %s indicator the year's target only at M12", (basis) => {
      expect(targetInForce(indicator(basis), '2023/24-M11', () => null).source).toBe('none');
      expect(targetInForce(indicator(basis), '2023/24-M12', () => null)).toEqual({ target: year, source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null });
    });
  });
});
