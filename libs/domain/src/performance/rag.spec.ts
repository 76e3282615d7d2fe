import type { Target, TargetInForce } from '../plan/indicators/indicator-values';
import { assessRag } from './rag';

const target = (value: number | null, text: string | null = null, period = '2023/24'): Target => ({
  period,
  value,
  text,
  comparison: 'at-least',
});
const inForce = (t: Target | null, tolerancePercent = 5): TargetInForce => ({
  target: t,
  source: t ? 'year' : 'none',
  tolerancePercent,
});
const percent = (value: number) => `${value}%`;

describe('assessRag', () => {
  describe('higher is better (Council Tax collected, target 98%)', () => {
    const rate = (actual: number, tolerancePercent = 5) =>
      assessRag({
        actual,
        polarity: 'higher-is-better',
        assessedAgainst: inForce(target(98), tolerancePercent),
        period: '2023/24',
        formatValue: percent,
      });

    it('is green at the target and above it', () => {
      expect(rate(98)).toEqual({ rag: 'green', reason: 'At or above the target of 98%' });
      expect(rate(99.1).rag).toBe('green');
    });

    it('is amber below the target down to the tolerance edge, edge included', () => {
      expect(rate(97.9)).toEqual({ rag: 'amber', reason: 'Below the target of 98%, within the 5% tolerance' });
      expect(rate(93.1).rag).toBe('amber');
    });

    it('is red beyond the tolerance', () => {
      expect(rate(93.09)).toEqual({
        rag: 'red',
        reason: 'Below the target of 98% by more than the 5% tolerance',
      });
    });

    it('uses the tolerance of the indicator, not the default', () => {
      expect(rate(96, 1).rag).toBe('red');
      expect(rate(96, 3).rag).toBe('amber');
    });
  });

  describe('lower is better (missed bins, no more than 40 per 100,000)', () => {
    const rate = (actual: number) =>
      assessRag({
        actual,
        polarity: 'lower-is-better',
        assessedAgainst: inForce(target(40, 'no more than 40 per 100,000')),
        period: '2023/24-Q2',
      });

    it('is green at or below the target', () => {
      expect(rate(40).rag).toBe('green');
      expect(rate(12).reason).toBe('At or below the target of 40');
    });

    it('is amber above it within tolerance, edge included, and red beyond', () => {
      expect(rate(42)).toEqual({ rag: 'amber', reason: 'Above the target of 40, within the 5% tolerance' });
      expect(rate(42.01).rag).toBe('red');
    });
  });

  describe('on target is best', () => {
    const rate = (actual: number) =>
      assessRag({ actual, polarity: 'on-target-is-best', assessedAgainst: inForce(target(100)), period: '2023/24' });

    it('is green only on the target', () => {
      expect(rate(100)).toEqual({ rag: 'green', reason: 'On the target of 100' });
    });

    it('is amber within the tolerance on either side and red beyond', () => {
      expect(rate(95).rag).toBe('amber');
      expect(rate(105)).toEqual({ rag: 'amber', reason: 'Above the target of 100, within the 5% tolerance' });
      expect(rate(94.9).rag).toBe('red');
      expect(rate(105.1).reason).toBe('Above the target of 100 by more than the 5% tolerance');
    });
  });

  describe('no target', () => {
    it('gives no RAG and names the period when no target applies', () => {
      expect(
        assessRag({ actual: 24, polarity: 'higher-is-better', assessedAgainst: inForce(null), period: '2023/24-Q1' }),
      ).toEqual({ rag: 'none', reason: 'No target set for 2023/24-Q1' });
    });

    it('gives no RAG for a target stated only in words', () => {
      const result = assessRag({
        actual: 3,
        polarity: 'higher-is-better',
        assessedAgainst: inForce(target(null, 'TBA', '2020/21')),
        period: '2020/21',
      });
      expect(result).toEqual({
        rag: 'none',
        reason: 'The target for 2020/21 has no figure ("TBA"), so the actual cannot be rated',
      });
    });
  });
});
