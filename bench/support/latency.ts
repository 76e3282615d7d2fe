import { performance } from 'node:perf_hooks';

export interface LatencySummary {
  samples: number;
  p50: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentiles of latencies in milliseconds. */
export function summarise(latenciesMs: number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { samples: sorted.length, p50: at(0.5), p99: at(0.99), mean };
}

/** Latencies of answers, and how large the answers were: a figure compares like with like only if they are alike. */
export type SequentialGets = LatencySummary & { meanAnswerBytes: number };

/**
 * One request at a time for `durationMs`, timed to the microsecond (autocannon rounds latencies to
 * whole milliseconds, too coarse for requests that take a few). Fails on any answer but 200.
 */
export async function timeSequentialGets(
  baseUrl: string,
  pathFor: (n: number) => string,
  headers: Record<string, string>,
  durationMs: number,
): Promise<SequentialGets> {
  const latencies: number[] = [];
  let answerBytes = 0;
  const deadline = performance.now() + durationMs;
  for (let n = 0; performance.now() < deadline; n++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${pathFor(n)}`, { headers });
    const body = await response.text();
    latencies.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`GET ${pathFor(n)} answered ${response.status}: ${body.slice(0, 300)}`);
    answerBytes += Buffer.byteLength(body);
  }
  return { ...summarise(latencies), meanAnswerBytes: Math.round(answerBytes / Math.max(1, latencies.length)) };
}
