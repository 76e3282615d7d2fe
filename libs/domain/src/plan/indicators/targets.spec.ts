import { buildTarget, targetComparison } from './targets';

describe('how a target compares', () => {
  it.each([
    ['no more than 40 bins per 100,000', 'higher-is-better', 'at-most'],
    ['Less than 18 days', 'higher-is-better', 'at-most'],
    ['at most 5 complaints', 'on-target-is-best', 'at-most'],
    ['Maximum 10', 'higher-is-better', 'at-most'],
    ['At least 90%', 'lower-is-better', 'at-least'],
    ['minimum of 70%', 'lower-is-better', 'at-least'],
    ['no less than 95%', 'lower-is-better', 'at-least'],
    ['100% by year end', 'higher-is-better', 'at-least'],
    ['£25', 'lower-is-better', 'at-most'],
    [null, 'on-target-is-best', 'exactly'],
  ] as const)('%p with %s is %s', (text, polarity, comparison) => {
    expect(targetComparison(text, polarity)).toBe(comparison);
  });

  it('takes the figure from the words when no value is given', () => {
    expect(buildTarget({ period: '2023/24', text: 'aims to miss no more than 40 bins per 100,000' }, 'lower-is-better')).toEqual({
      period: '2023/24',
      value: 40,
      text: 'aims to miss no more than 40 bins per 100,000',
      comparison: 'at-most',
    });
    expect(buildTarget({ period: '2023/24', text: 'TBA' }, 'higher-is-better').value).toBeNull();
    expect(buildTarget({ period: '2023/24', text: '1,250 visitors' }, 'higher-is-better').value).toBe(1250);
  });
});
