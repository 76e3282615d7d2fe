import type { BenchResult } from '../report';
import type { ServerKind } from './http-server';
import { type LoadLength, type LoadResult, type LoadSpec, runLoad } from './load';
import { ServerProcess } from './server-process';

/** Warms up, then measures, one load against a server; the server only lives for the measurement. */
export async function measureLoad(
  server: ServerProcess,
  spec: Omit<LoadSpec, 'url' | 'length'>,
  { warmUpSeconds, ...measured }: LoadLength,
): Promise<LoadResult> {
  if (warmUpSeconds > 0) await runLoad({ ...spec, url: server.url, length: { seconds: warmUpSeconds } });
  const { result, cpuMicrosPerAnswer } = await server.cpuPerAnswer(
    () => runLoad({ ...spec, url: server.url, length: measured }),
    ({ requests }) => requests,
  );
  return cpuMicrosPerAnswer === null ? result : { ...result, serverCpuMicrosPerAnswer: cpuMicrosPerAnswer };
}

/** Starts a bare baseline server, measures the load against it and stops it. */
export async function measureBareServer(
  kind: Exclude<ServerKind, 'api' | 'projector'>,
  spec: Omit<LoadSpec, 'url' | 'length'>,
  durations: LoadLength,
  env: Record<string, string> = {},
): Promise<LoadResult> {
  const server = await ServerProcess.start(kind, env);
  try {
    return await measureLoad(server, spec, durations);
  } finally {
    await server.stop();
  }
}

/**
 * One row of an HTTP benchmark: our rate against a baseline's, both measured in this run; any
 * non-2xx answer of ours fails the goal, whatever the rate.
 */
export function rateAgainst(
  name: string,
  ours: LoadResult,
  baseline: LoadResult,
  { unit, goal, details }: { unit: string; goal: number; details: Record<string, unknown> },
): BenchResult {
  const ratio = ours.perSecond / baseline.perSecond;
  return {
    name,
    figure: ours.perSecond,
    unit,
    baseline: baseline.perSecond,
    baselineUnit: 'requests/s',
    ratio,
    goal: `ratio ≥ ${goal}`,
    met: ratio >= goal && ours.non2xx === 0,
    details: { ...details, latencyMs: ours.latencyMs, cpuRatio: cpuRatio(ours, baseline), ours, baseline },
  };
}

/**
 * The baseline's server CPU per answer over ours: the ratio the rates would have if each server had a
 * core to itself, which a shared machine's rates only approach. Null where CPU time cannot be read.
 */
export function cpuRatio(ours: LoadResult, baseline: LoadResult): number | null {
  if (ours.serverCpuMicrosPerAnswer === undefined || baseline.serverCpuMicrosPerAnswer === undefined) return null;
  return baseline.serverCpuMicrosPerAnswer / ours.serverCpuMicrosPerAnswer;
}
