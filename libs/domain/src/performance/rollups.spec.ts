import { rollUpProgress, roundHalfUp } from './rollups';

describe('rollUpProgress', () => {
  it("averages an objective's milestones and counts a priority without milestone progress as one item", () => {
    const rollups = rollUpProgress([
      { objective: '6.3 Tell residents', percentComplete: 90, milestones: [100, 50, null] },
      { objective: '6.3 Tell residents', percentComplete: 25, milestones: [] },
      { objective: 'Financially sound', percentComplete: 40, milestones: [null, null] },
    ]);
    // 6.3: (100 + 50 + 0 + 25) / 4 = 43.75; plan: (100 + 50 + 0 + 25 + 40) / 5 = 43
    expect(rollups.objectives).toEqual([
      { objective: '6.3 Tell residents', percentComplete: 44, items: 4 },
      { objective: 'Financially sound', percentComplete: 40, items: 1 },
    ]);
    expect(rollups.plan).toEqual({ percentComplete: 43, items: 5 });
    expect(rollups.rounding).toBe('Half up to whole percent after averaging unrounded values');
  });

  it('rounds once, after averaging, half up', () => {
    const rollups = rollUpProgress([
      { objective: null, percentComplete: 12.5, milestones: [] },
      { objective: null, percentComplete: 12.5, milestones: [] },
      { objective: null, percentComplete: 37.5, milestones: [] },
      { objective: null, percentComplete: 37.5, milestones: [] },
    ]);
    // rounding each first would give (13 + 13 + 38 + 38) / 4 = 25.5 → 26; the mean of 25 stays 25
    expect(rollups.plan.percentComplete).toBe(25);
    expect(roundHalfUp(62.5)).toBe(63);
    expect(roundHalfUp((55 + 70) / 2)).toBe(63);
    expect(roundHalfUp(62.49)).toBe(62);
  });

  it('has no plan percentage when there is nothing to roll up', () => {
    expect(rollUpProgress([]).plan).toEqual({ percentComplete: null, items: 0 });
  });
});
