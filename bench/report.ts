import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export type BenchSize = 'full' | 'smoke';

export interface BenchOptions {
  size: BenchSize;
  /** A fresh directory the benchmark owns; the runner removes it afterwards. */
  workDir: string;
  /** Progress lines for a person watching; silent when absent. */
  log?: (line: string) => void;
}

export interface BenchResult {
  name: string;
  /** Our figure, in `unit`. */
  figure: number;
  unit: string;
  /** The baseline measured in the same run, in `baselineUnit` (default `unit`); null when there is none. */
  baseline: number | null;
  baselineUnit?: string;
  /** figure / baseline, or null when there is no baseline. */
  ratio: number | null;
  /** The goal in words, e.g. "ratio ≥ 0.8". */
  goal: string;
  /** Null when the goal is only to report the figure. */
  met: boolean | null;
  details: Record<string, unknown>;
}

/**
 * A benchmark reports one result per goal: its first is named as the benchmark, any other as
 * `<benchmark>/<what differs>` (the same figure against another baseline, say).
 */
export interface Benchmark {
  name: string;
  run(options: BenchOptions): Promise<BenchResult[]>;
}

export interface BenchRun {
  startedAt: string;
  size: BenchSize;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryMb: number };
  results: Array<BenchResult & { measuredAt: string }>;
}

export const RESULTS_DIR = join(__dirname, 'results');
export const LATEST_RESULTS = join(RESULTS_DIR, 'latest.json');

export function machine(): BenchRun['machine'] {
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryMb: Math.round(totalmem() / 2 ** 20),
  };
}

/** Three significant figures, with thousands separated, so the table reads at a glance. */
export function formatNumber(value: number | null): string {
  if (value === null) return '-';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-GB');
  return Number(value.toPrecision(3)).toString();
}

export function formatTable(results: BenchResult[]): string {
  const header = ['benchmark', 'figure', 'baseline', 'ratio', 'goal', 'met'];
  const rows = results.map((result) => [
    result.name,
    `${formatNumber(result.figure)} ${result.unit}`,
    result.baseline === null ? '-' : `${formatNumber(result.baseline)} ${result.baselineUnit ?? result.unit}`,
    result.ratio === null ? '-' : result.ratio.toFixed(2),
    result.goal,
    result.met === null ? 'reported' : result.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/**
 * Writes this run to `results/run-<time>.json`. A full-size run also merges its results into
 * `results/latest.json` (the committed figures), so that re-running one benchmark refreshes its entry
 * and keeps the others'; each result says when it was measured.
 */
export function writeResults(run: BenchRun): { runFile: string; latestFile: string | null } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const runFile = join(RESULTS_DIR, `run-${run.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(runFile, `${JSON.stringify(run, null, 2)}\n`);
  if (run.size !== 'full') return { runFile, latestFile: null };

  const previous: BenchRun | null = existsSync(LATEST_RESULTS) ? JSON.parse(readFileSync(LATEST_RESULTS, 'utf8')) : null;
  const kept = previous?.results.filter((old) => !run.results.some((result) => result.name === old.name)) ?? [];
  const latest: BenchRun = { ...run, results: [...kept, ...run.results] };
  writeFileSync(LATEST_RESULTS, `${JSON.stringify(latest, null, 2)}\n`);
  return { runFile, latestFile: LATEST_RESULTS };
}
