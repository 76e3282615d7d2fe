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
  return runLoad({ ...spec, url: server.url, length: measured });
}

/** Starts a bare baseline server, measures the load against it and stops it. */
export async function measureBareServer(
  kind: Exclude<ServerKind, 'api'>,
  spec: Omit<LoadSpec, 'url' | 'length'>,
  durations: LoadLength,
): Promise<LoadResult> {
  const server = await ServerProcess.start(kind);
  try {
    return await measureLoad(server, spec, durations);
  } finally {
    await server.stop();
  }
}
