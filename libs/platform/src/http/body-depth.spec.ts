import { nestsDeeperThan } from './body-depth';

function nested(levels: number): unknown {
  let value: unknown = 'r';
  for (let level = 0; level < levels; level++) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('the nesting depth of a body', () => {
  it('counts the body as the first level and each object or list inside as one more', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan({ reason: 'r', outcomes: [{ ref: '1' }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ reason: 'r', outcomes: [{ ref: '1' }] }, 2)).toBe(true);
  });

  it('measures a body nested far beyond what a recursive walk survives', () => {
    expect(nestsDeeperThan(nested(200_000), 32)).toBe(true);
  });

  it('leaves values that are not objects alone', () => {
    expect(nestsDeeperThan('text', 1)).toBe(false);
    expect(nestsDeeperThan(null, 1)).toBe(false);
  });
});
