import type { Figure, Target, TargetComparison, TargetInForce } from '../plan/indicators/indicator-values';
import { assessRag, type Rag } from './rag';

const target = (comparison: TargetComparison | null, value: number | null, upper: number | null = null): Target => ({
  period: '2023/24',
  value,
  upper,
  baseline: null,
  comparison,
  text: null,
});
const percentTolerance = (t: Target | null, percent = 5): TargetInForce => ({
  target: t,
  source: t ? 'year' : 'none',
  tolerancePercent: percent,
  toleranceAbsolute: null,
  baselineFigure: null,
});
const absoluteTolerance = (t: Target, amount: number): TargetInForce => ({
  target: t,
  source: 'year',
  tolerancePercent: null,
  toleranceAbsolute: amount,
  baselineFigure: null,
});
const rate = (actual: number, assessedAgainst: TargetInForce, formatValue?: (value: Figure) => string) =>
  assessRag({ actual, unit: 'number', assessedAgainst, period: '2023/24', formatValue });
const percent = (value: Figure) => `${String(value)}%`;
const days = (value: Figure) => `${String(value)} days`;

describe('assessRag', () => {
  type Row = [actual: number, rag: Rag];

  describe.each([
    // at least 40, 5% (2): the target itself is met; a miss of 2 is amber, beyond it red.
    ['at-least', 40, null, [[40.01, 'green'], [40, 'green'], [39.99, 'amber'], [38, 'amber'], [37.99, 'red']]],
    // more than 40: 40 itself is a miss, within tolerance.
    ['more-than', 40, null, [[40.01, 'green'], [40, 'amber'], [39.99, 'amber'], [38, 'amber'], [37.99, 'red']]],
    // at most 40 ("no more than 40 per 100,000"): 40 green, 41 and 42 amber, 45 red.
    ['at-most', 40, null, [[39.99, 'green'], [40, 'green'], [40.01, 'amber'], [41, 'amber'], [42, 'amber'], [42.01, 'red'], [45, 'red']]],
    // less than 18 days: 18 is not green; 5% of 18 is 0.9.
    ['less-than', 18, null, [[17.99, 'green'], [18, 'amber'], [18.9, 'amber'], [18.91, 'red']]],
    // between 95 and 98 inclusive: 5% of the bound missed, 4.75 below and 4.9 above.
    ['between', 95, 98, [[94.99, 'amber'], [95, 'green'], [96.5, 'green'], [98, 'green'], [98.01, 'amber'], [90.25, 'amber'], [90.24, 'red'], [102.9, 'amber'], [102.91, 'red']]],
    // exactly 100: amber within 5 either side.
    ['equal', 100, null, [[100, 'green'], [99.99, 'amber'], [100.01, 'amber'], [95, 'amber'], [105, 'amber'], [94.99, 'red'], [105.01, 'red']]],
  ] as Array<[TargetComparison, number, number | null, Row[]]>)('%s %d (upper %p) with a 5%% tolerance', (comparison, value, upper, rows) => {
    it.each(rows)('rates %d %s', (actual, rag) => {
      expect(rate(actual, percentTolerance(target(comparison, value, upper))).rag).toBe(rag);
    });
  });

  describe.each([
    // An amount in the unit: 1 either way.
    ['at-least', 40, null, [[40, 'green'], [39, 'amber'], [38.99, 'red']]],
    ['more-than', 40, null, [[40.01, 'green'], [40, 'amber'], [39, 'amber'], [38.99, 'red']]],
    ['at-most', 40, null, [[40, 'green'], [41, 'amber'], [41.01, 'red']]],
    ['less-than', 18, null, [[17.99, 'green'], [18, 'amber'], [19, 'amber'], [19.01, 'red']]],
    ['between', 95, 98, [[94, 'amber'], [93.99, 'red'], [95, 'green'], [98, 'green'], [99, 'amber'], [99.01, 'red']]],
    ['equal', 100, null, [[100, 'green'], [99, 'amber'], [101, 'amber'], [98.99, 'red'], [101.01, 'red']]],
  ] as Array<[TargetComparison, number, number | null, Row[]]>)('%s %d (upper %p) with an absolute tolerance of 1', (comparison, value, upper, rows) => {
    it.each(rows)('rates %d %s', (actual, rag) => {
      expect(rate(actual, absoluteTolerance(target(comparison, value, upper), 1)).rag).toBe(rag);
    });
  });

  it.each([
    ['at-least', 40, null, 39.99],
    ['more-than', 40, null, 40],
    ['less-than', 18, null, 18],
    ['between', 95, 98, 98.01],
    ['equal', 100, null, 100.01],
  ] as Array<[TargetComparison, number, number | null, number]>)('with no tolerance, %s %d misses at %d and is red', (comparison, value, upper, actual) => {
    expect(rate(actual, percentTolerance(target(comparison, value, upper), 0)).rag).toBe('red');
    expect(rate(actual, absoluteTolerance(target(comparison, value, upper), 0)).rag).toBe('red');
  });

  it('keeps an actual exactly on the tolerance edge amber despite floating-point noise', () => {
    expect(rate(93.1, percentTolerance(target('at-least', 98))).rag).toBe('amber');
  });

  describe('says why, in the unit', () => {
    it('for a target met', () => {
      expect(rate(98, percentTolerance(target('at-least', 98)), percent)).toEqual({ rag: 'green', reason: 'At or above the target of 98%' });
      expect(rate(41, percentTolerance(target('more-than', 40)))).toEqual({ rag: 'green', reason: 'Above the target of 40' });
      expect(rate(40, percentTolerance(target('at-most', 40)))).toEqual({ rag: 'green', reason: 'At or below the target of 40' });
      expect(rate(17, percentTolerance(target('less-than', 18)), days)).toEqual({ rag: 'green', reason: 'Below the target of 18 days' });
      expect(rate(96, percentTolerance(target('between', 95, 98)), percent)).toEqual({
        rag: 'green',
        reason: 'Within the target range of 95% to 98%',
      });
      expect(rate(100, percentTolerance(target('equal', 100)))).toEqual({ rag: 'green', reason: 'On the target of 100' });
    });

    it('for a miss within the tolerance, as a percent or an amount', () => {
      expect(rate(97.9, percentTolerance(target('at-least', 98)), percent)).toEqual({
        rag: 'amber',
        reason: 'Below the target of 98%, within the 5% tolerance',
      });
      expect(rate(18, percentTolerance(target('less-than', 18)), days)).toEqual({
        rag: 'amber',
        reason: 'Not below the target of 18 days, within the 5% tolerance',
      });
      expect(rate(40, absoluteTolerance(target('more-than', 40), 2))).toEqual({
        rag: 'amber',
        reason: 'Not above the target of 40, within the tolerance of 2',
      });
      expect(rate(99, absoluteTolerance(target('between', 95, 98), 1.5), percent)).toEqual({
        rag: 'amber',
        reason: 'Above the target range of 95% to 98%, within the tolerance of 1.5%',
      });
      expect(rate(95, percentTolerance(target('equal', 100)))).toEqual({
        rag: 'amber',
        reason: 'Below the target of 100, within the 5% tolerance',
      });
    });

    it('for a miss beyond the tolerance, or with none', () => {
      expect(rate(45, percentTolerance(target('at-most', 40)))).toEqual({
        rag: 'red',
        reason: 'Above the target of 40 by more than the 5% tolerance',
      });
      expect(rate(18, percentTolerance(target('less-than', 18), 0), days)).toEqual({
        rag: 'red',
        reason: 'Not below the target of 18 days, with no tolerance',
      });
    });
  });

  describe('no target, or a target not yet set', () => {
    it('gives no RAG and names the period when no target applies', () => {
      expect(rate(24, { ...percentTolerance(null), source: 'none' })).toEqual({
        rag: 'none',
        reason: 'No target set for 2023/24',
      });
    });

    it.each(['TBA', 'New PI'])('gives no RAG for a target stated only in words (%s), and says it is to be set', (text) => {
      expect(rate(3, percentTolerance({ ...target(null, null), period: '2020/21', text }))).toEqual({
        rag: 'none',
        reason: `Target to be set for 2020/21 ("${text}"), so the actual is not rated`,
      });
    });
  });
});
