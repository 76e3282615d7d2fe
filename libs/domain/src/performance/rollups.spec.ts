import {
  DEFAULT_ROLLUP_RULE,
  describeRollupRule,
  priorityPercentComplete,
  rollUpProgress,
  roundPercent,
  type PriorityProgress,
  type RollupRule,
} from './rollups';

const rule = (rounding: RollupRule['rounding'], milestoneWithoutEntry: RollupRule['milestoneWithoutEntry']): RollupRule => ({
  rounding,
  milestoneWithoutEntry,
});
/** An action tracked as a whole, at a percentage or without an entry. */
const action = (objective: string, percentComplete: number | null): PriorityProgress => ({ objective, percentComplete, milestones: [] });

describe('rollUpProgress', () => {
  it("averages an objective's milestones and counts a priority without milestone progress as one item", () => {
    const rollups = rollUpProgress(
      [
        { objective: '6.3 Tell residents', percentComplete: 90, milestones: [100, 50, null] },
        { objective: '6.3 Tell residents', percentComplete: 25, milestones: [] },
        { objective: 'Financially sound', percentComplete: 40, milestones: [null, null] },
      ],
      DEFAULT_ROLLUP_RULE,
    );
    // 6.3: (100 + 50 + 0 + 25) / 4 = 43.75; plan: (100 + 50 + 0 + 25 + 40) / 5 = 43
    expect(rollups.objectives).toEqual([
      { objective: '6.3 Tell residents', percentComplete: 44, items: 4, withoutEntry: 1 },
      { objective: 'Financially sound', percentComplete: 40, items: 1, withoutEntry: 0 },
    ]);
    expect(rollups.plan).toEqual({ percentComplete: 43, items: 5, withoutEntry: 1 });
    expect(rollups.rounding).toBe('Half up to whole percent after averaging unrounded values');
    expect(rollups.rule).toEqual({ rounding: 'half-up', milestoneWithoutEntry: 'zero' });
  });

  it('rounds once, after averaging, half up by default', () => {
    const rollups = rollUpProgress([action('a', 12.5), action('a', 12.5), action('a', 37.5), action('a', 37.5)], DEFAULT_ROLLUP_RULE);
    // rounding each first would give (13 + 13 + 38 + 38) / 4 = 25.5 → 26; the mean of 25 stays 25
    expect(rollups.plan.percentComplete).toBe(25);
  });

  it('has no plan percentage when there is nothing to roll up', () => {
    expect(rollUpProgress([], DEFAULT_ROLLUP_RULE).plan).toEqual({ percentComplete: null, items: 0, withoutEntry: 0 });
  });

  describe('a milestone without an entry', () => {
    const priorities = [
      { objective: 'Resilient', percentComplete: null, milestones: [100, 50, null] },
      action('Resilient', null),
    ];

    it('counts as 0% under `zero`, and so does a priority without any entry', () => {
      const rollups = rollUpProgress(priorities, rule('half-up', 'zero'));
      expect(rollups.objectives).toEqual([{ objective: 'Resilient', percentComplete: 38, items: 4, withoutEntry: 2 }]);
      expect(rollups.method).toMatch(/a milestone without one counts as 0%.*0% when none/);
    });

    it('is left out under `excluded`, and so is a priority without any entry', () => {
      const rollups = rollUpProgress(priorities, rule('half-up', 'excluded'));
      expect(rollups.objectives).toEqual([{ objective: 'Resilient', percentComplete: 75, items: 2, withoutEntry: 2 }]);
      expect(rollups.method).toMatch(/a milestone without one is left out.*left out when none/);
    });

    it('leaves an objective of nothing but items without entries with no percentage under `excluded`', () => {
      const rollups = rollUpProgress([action('Engaged', null), action('Sound', 40)], rule('half-up', 'excluded'));
      expect(rollups.objectives).toEqual([
        { objective: 'Engaged', percentComplete: null, items: 0, withoutEntry: 1 },
        { objective: 'Sound', percentComplete: 40, items: 1, withoutEntry: 0 },
      ]);
      expect(rollups.plan).toEqual({ percentComplete: 40, items: 1, withoutEntry: 1 });
    });

    it("changes a priority's own percentage the same way as the roll-ups it feeds", () => {
      const priority = { objective: null, percentComplete: 10, milestones: [100, null] };
      expect(priorityPercentComplete(priority, rule('half-up', 'zero'))).toBe(50);
      expect(priorityPercentComplete(priority, rule('half-up', 'excluded'))).toBe(100);
      expect(priorityPercentComplete(action('x', null), rule('half-up', 'zero'))).toBeNull();
    });
  });

  describe('rounding', () => {
    it.each([
      // value, half-up, half-even, down
      [62.5, 63, 62, 62],
      [63.5, 64, 64, 63],
      [62.49, 62, 62, 62],
      [62.51, 63, 63, 62],
      [62.9, 63, 63, 62],
      [(55 + 70) / 2, 63, 62, 62],
      [(33 + 50 + 100) / 3, 61, 61, 61],
      [0, 0, 0, 0],
      [100, 100, 100, 100],
    ])('brings %p to %p half up, %p half to even, %p down', (value, halfUp, halfEven, down) => {
      expect(roundPercent(value, 'half-up')).toBe(halfUp);
      expect(roundPercent(value, 'half-even')).toBe(halfEven);
      expect(roundPercent(value, 'down')).toBe(down);
    });

    it('is not misled by the float noise of a mean: a third of 300 is 100, down as well', () => {
      const thirds = (0.1 + 0.2) * 10 * 10; // 30.000000000000004
      expect(roundPercent(thirds, 'down')).toBe(30);
      expect(roundPercent(((0.7 + 0.1) * 100) / 1, 'down')).toBe(80); // 79.99999999999999
      expect(roundPercent(62.49999999999999, 'half-even')).toBe(62);
      expect(roundPercent(62.49999999999999, 'half-up')).toBe(63);
    });

    it('is stated in words with the rule it belongs to', () => {
      expect(describeRollupRule(rule('half-even', 'zero')).rounding).toBe(
        'Half to even to whole percent after averaging unrounded values (62.5 is 62, 63.5 is 64)',
      );
      expect(describeRollupRule(rule('down', 'excluded')).rounding).toBe('Down to whole percent after averaging unrounded values (62.9 is 62)');
      const rollups = rollUpProgress([action('a', 50), action('a', 75)], rule('half-even', 'zero'));
      expect(rollups).toMatchObject({ plan: { percentComplete: 62 }, rule: { rounding: 'half-even' } });
    });
  });
});
