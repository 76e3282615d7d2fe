/**
 * `npm run bench [-- name ...] [-- --smoke]`: runs the benchmarks (all, or those named), each in a
 * fresh directory, prints one table and writes the results under `bench/results/`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCHMARKS } from './benchmarks';
import { type BenchResult, type BenchRun, type BenchSize, formatTable, machine, writeResults } from './report';

/** On the repository's own disk by default: a tmpfs /tmp would make every fsync free. */
const WORK_ROOT = process.env.BENCH_WORK_DIR ?? join(__dirname, '.work');

function parseArguments(argv: string[]): { size: BenchSize; names: string[] } {
  const size: BenchSize = argv.includes('--smoke') ? 'smoke' : 'full';
  const names = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    throw new Error(`No benchmark named ${unknown.join(', ')}; the benchmarks are ${BENCHMARKS.map((b) => b.name).join(', ')}.`);
  }
  return { size, names };
}

async function main(): Promise<void> {
  const { size, names } = parseArguments(process.argv.slice(2));
  const selected = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((benchmark) => names.includes(benchmark.name));
  const startedAt = new Date().toISOString();
  const log = (line: string) => process.stderr.write(`  ${line}\n`);
  mkdirSync(WORK_ROOT, { recursive: true });

  const results: BenchRun['results'] = [];
  for (const benchmark of selected) {
    const workDir = mkdtempSync(join(WORK_ROOT, `${benchmark.name}-`));
    const started = performance.now();
    process.stderr.write(`${benchmark.name} (${size})\n`);
    try {
      const reported: BenchResult[] = await benchmark.run({ size, workDir, log });
      const measuredAt = new Date().toISOString();
      results.push(...reported.map((result) => ({ ...result, measuredAt })));
      log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }

  process.stdout.write(`\n${formatTable(results)}\n\n`);
  const run: BenchRun = { startedAt, size, machine: machine(), results };
  const written = writeResults(run);
  process.stdout.write(`Results: ${[written.runFile, written.latestFile].filter(Boolean).join(' and ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
