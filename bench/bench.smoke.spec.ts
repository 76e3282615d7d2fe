import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCHMARKS } from './benchmarks';
import { formatTable } from './report';

/**
 * Every benchmark at smoke size, so that none rots while the code under it changes. Timing is not
 * asserted: only that each ran end to end and produced positive figures and well-formed results.
 */
describe('benchmarks at smoke size', () => {
  it.each(BENCHMARKS.map((benchmark) => [benchmark.name, benchmark] as const))(
    '%s runs end to end and reports positive figures',
    async (name, benchmark) => {
      const workDir = mkdtempSync(join(tmpdir(), `bench-smoke-${name}-`));
      try {
        const results = await benchmark.run({ size: 'smoke', workDir });

        expect(results.length).toBeGreaterThan(0);
        expect(results[0].name).toBe(name);
        for (const [index, result] of results.entries()) {
          if (index > 0) expect(result.name).toMatch(new RegExp(`^${name}/[a-z-]+$`));
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
        }
        expect(new Set(results.map((result) => result.name)).size).toBe(results.length);
        expect(formatTable(results)).toContain(name);
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    },
    // An HTTP benchmark starts up to three servers, each compiled by ts-node: minutes on a busy machine.
    900_000,
  );
});
