import { directionOfTravel } from './direction';

describe('directionOfTravel', () => {
  it('reads a rise as improvement when higher is better, and a fall as decline', () => {
    expect(directionOfTravel({ current: 55.2, previous: 28.1, polarity: 'higher-is-better', target: 98 })).toBe(
      'improved',
    );
    expect(directionOfTravel({ current: 80, previous: 85, polarity: 'higher-is-better', target: null })).toBe(
      'declined',
    );
  });

  it('reads a fall as improvement when lower is better', () => {
    expect(directionOfTravel({ current: 31, previous: 44, polarity: 'lower-is-better', target: 40 })).toBe('improved');
    expect(directionOfTravel({ current: 44, previous: 31, polarity: 'lower-is-better', target: 40 })).toBe('declined');
  });

  it('reads getting closer to the target as improvement when on target is best', () => {
    expect(directionOfTravel({ current: 101, previous: 96, polarity: 'on-target-is-best', target: 100 })).toBe(
      'improved',
    );
    expect(directionOfTravel({ current: 92, previous: 104, polarity: 'on-target-is-best', target: 100 })).toBe(
      'declined',
    );
    expect(directionOfTravel({ current: 92, previous: 104, polarity: 'on-target-is-best', target: null })).toBe('none');
  });

  it('is unchanged for the same value and none without a previous actual', () => {
    expect(directionOfTravel({ current: 0.3, previous: 0.1 + 0.2, polarity: 'higher-is-better', target: null })).toBe(
      'unchanged',
    );
    expect(directionOfTravel({ current: 70, previous: null, polarity: 'higher-is-better', target: 70 })).toBe('none');
  });
});
