import { refusalOf } from '../testing/given-when-then';
import { POLARITIES, TARGET_COMPARISONS, type Polarity, type TargetComparison } from './indicator-values';
import { buildTarget, comparisonUnderPolarity, defaultComparison, describeTarget } from './targets';

const AGREEING: Record<Polarity, TargetComparison[]> = {
  'higher-is-better': ['at-least', 'more-than', 'between', 'equal'],
  'lower-is-better': ['at-most', 'less-than', 'between', 'equal'],
  'on-target-is-best': ['between', 'equal'],
};


describe('a target as stated', () => {
  it.each([
    ['higher-is-better', 'at-least'],
    ['lower-is-better', 'at-most'],
    ['on-target-is-best', 'equal'],
  ] as const)('a figure alone, with %s, is %s', (polarity, comparison) => {
    expect(defaultComparison(polarity)).toBe(comparison);
    expect(buildTarget({ period: '2023-24', value: 40 }, polarity, 'number')).toEqual({
      period: '2023/24',
      value: 40,
      upper: null,
      baseline: null,
      comparison,
      text: null,
    });
  });

  describe.each(POLARITIES)('with %s', (polarity) => {
    const agreeing = AGREEING[polarity];
    const contradicting = TARGET_COMPARISONS.filter((comparison) => !agreeing.includes(comparison));

    it.each(agreeing)('accepts %s', (comparison) => {
      const upper = comparison === 'between' ? 50 : undefined;
      expect(buildTarget({ period: '2023/24', value: 40, upper, comparison }, polarity, 'number')).toMatchObject({ comparison, value: 40 });
    });

    if (contradicting.length > 0) {
      it.each(contradicting)('refuses %s, saying it contradicts the polarity', (comparison) => {
        const error = refusalOf(() => buildTarget({ period: '2023/24', value: 40, comparison }, polarity, 'number'));
        expect(error.kind).toBe('rule-broken');
        expect(error.message).toMatch(new RegExp(`"${comparison} 40" for 2023/24 contradicts the indicator's polarity`));
      });
    }
  });

  it('keeps the words exactly as written and never takes a figure out of them', () => {
    const words = 'Target, as set in the Serco contract, aims to miss no more than 40 bins per 100,000 collected';
    expect(buildTarget({ period: '2023/24', text: words }, 'lower-is-better', 'number')).toEqual({
      period: '2023/24',
      value: null,
      upper: null,
      baseline: null,
      comparison: null,
      text: words,
    });
    for (const text of ['by the 26th of February 2020', 'above the previous year’s baseline', '1,250 visitors', 'Less than 18 days']) {
      expect(buildTarget({ period: '2023/24', text }, 'higher-is-better', 'number')).toMatchObject({ value: null, comparison: null, text });
    }
  });

  it('holds the figure to the stated comparison whatever the words say, and keeps the words beside it', () => {
    expect(buildTarget({ period: '2023/24', value: 18, comparison: 'less-than', text: 'Less than 18 days' }, 'lower-is-better', 'number')).toEqual({
      period: '2023/24',
      value: 18,
      upper: null,
      baseline: null,
      comparison: 'less-than',
      text: 'Less than 18 days',
    });
  });

  it.each(['TBA', 'New PI'])('takes "%s" alone as a target not yet set', (text) => {
    expect(buildTarget({ period: '2020/21', text }, 'higher-is-better', 'number')).toEqual({
      period: '2020/21',
      value: null,
      upper: null,
      baseline: null,
      comparison: null,
      text,
    });
  });

  it.each([
    [{ period: '2023/24' }, /needs a value, a baseline or words/],
    [{ period: '2023/24', text: '   ' }, /needs a value, a baseline or words/],
    [{ period: '2023/24', text: 'TBA', comparison: 'at-least' as const }, /words but no value, so it cannot have a comparison/],
    [{ period: '2023/24', text: 'TBA', upper: 5 }, /words but no value/],
    [{ period: '2023/24', value: 95, comparison: 'between' as const }, /needs its upper figure/],
    [{ period: '2023/24', value: 98, upper: 95, comparison: 'between' as const }, /upper figure cannot be below its value/],
    [{ period: '2023/24', value: 95, upper: 98 }, /upper figure belongs only to a target between two figures/],
    [{ period: '2023/24', value: Number.NaN }, /must be a number/],
  ])('refuses %p', (statement, message) => {
    expect(refusalOf(() => buildTarget(statement, 'higher-is-better', 'number')).message).toMatch(message);
  });

  it('accepts a range of one figure', () => {
    expect(buildTarget({ period: '2023/24', value: 95, upper: 95, comparison: 'between' }, 'on-target-is-best', 'number')).toMatchObject({
      value: 95,
      upper: 95,
    });
  });

  it.each([
    ['at-least', 'lower-is-better', 'at-most'],
    ['more-than', 'lower-is-better', 'less-than'],
    ['at-most', 'higher-is-better', 'at-least'],
    ['less-than', 'higher-is-better', 'more-than'],
    ['at-least', 'on-target-is-best', 'equal'],
    ['between', 'lower-is-better', 'between'],
    ['equal', 'higher-is-better', 'equal'],
    ['at-least', 'higher-is-better', 'at-least'],
  ] as const)('a target %s under a polarity corrected to %s becomes %s', (comparison, polarity, becomes) => {
    expect(comparisonUnderPolarity(comparison, polarity)).toBe(becomes);
  });

  it('is described with its comparison and words', () => {
    expect(describeTarget(buildTarget({ period: '2023/24', value: 98 }, 'higher-is-better', 'number'))).toBe('at least 98');
    expect(describeTarget(buildTarget({ period: '2023/24', value: 95, upper: 98, comparison: 'between' }, 'higher-is-better', 'number'))).toBe(
      'between 95 and 98',
    );
    expect(describeTarget(buildTarget({ period: '2023/24', value: 40, text: 'no more than 40' }, 'lower-is-better', 'number'))).toBe(
      'at most 40 ("no more than 40")',
    );
    expect(describeTarget(buildTarget({ period: '2023/24', text: 'TBA' }, 'lower-is-better', 'number'))).toBe('"TBA"');
  });
});
