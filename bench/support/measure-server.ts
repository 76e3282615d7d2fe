import type { ServerKind } from './http-server';
import { type LoadResult, type LoadSpec, runLoad } from './load';
import { ServerProcess } from './server-process';

/** Warms up, then measures, one load against a server; the server only lives for the measurement. */
export async function measureLoad(
  server: ServerProcess,
  spec: Omit<LoadSpec, 'url' | 'durationSeconds'>,
  durations: { warmUpSeconds: number; seconds: number },
): Promise<LoadResult> {
  if (durations.warmUpSeconds > 0) await runLoad({ ...spec, url: server.url, durationSeconds: durations.warmUpSeconds });
  return runLoad({ ...spec, url: server.url, durationSeconds: durations.seconds });
}

/** Starts a bare baseline server, measures the load against it and stops it. */
export async function measureBareServer(
  kind: Exclude<ServerKind, 'api'>,
  spec: Omit<LoadSpec, 'url' | 'durationSeconds'>,
  durations: { warmUpSeconds: number; seconds: number },
): Promise<LoadResult> {
  const server = await ServerProcess.start(kind);
  try {
    return await measureLoad(server, spec, durations);
  } finally {
    await server.stop();
  }
}
