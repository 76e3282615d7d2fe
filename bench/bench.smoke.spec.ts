import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCHMARKS } from './benchmarks';
import { formatTable } from './report';

/**
 * Every benchmark at smoke size, so that none rots while the code under it changes. Timing is not
 * asserted: only that each ran end to end and produced a positive figure and a well-formed result.
 */
describe('benchmarks at smoke size', () => {
  it.each(BENCHMARKS.map((benchmark) => [benchmark.name, benchmark] as const))(
    '%s runs end to end and reports a positive figure',
    async (name, benchmark) => {
      const workDir = mkdtempSync(join(tmpdir(), `bench-smoke-${name}-`));
      try {
        const result = await benchmark.run({ size: 'smoke', workDir });

        expect(result.name).toBe(name);
        expect(Number.isFinite(result.figure)).toBe(true);
        expect(result.figure).toBeGreaterThan(0);
        expect(result.unit).not.toBe('');
        expect(result.goal).not.toBe('');
        if (result.baseline === null) {
          expect(result.ratio).toBeNull();
          expect(result.met).toBeNull();
        } else {
          expect(result.baseline).toBeGreaterThan(0);
          expect(result.ratio).toBeCloseTo(result.figure / result.baseline, 6);
          expect(typeof result.met).toBe('boolean');
        }
        expect(formatTable([result])).toContain(name);
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
