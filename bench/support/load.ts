import autocannon from 'autocannon';

/** How long a measured load runs: for some seconds, or until some requests have been answered. */
export type LoadLength = { warmUpSeconds: number } & ({ seconds: number } | { requests: number });

export function describeLoadLength(length: LoadLength): string {
  return 'seconds' in length ? `${length.seconds} s` : `${length.requests} requests`;
}

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  /** Seconds, or a number of requests to send, however long they take. */
  length: { seconds: number } | { requests: number };
  headers?: Record<string, string>;
  /** The n-th request's path, so requests spread over many plans. */
  pathFor: (n: number) => string;
  bodyFor?: (n: number) => unknown;
  /** Requests per second across all connections; unset: as fast as the server answers. */
  overallRate?: number;
}

export interface LoadResult {
  /** Successful (2xx) answers per second. */
  perSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
  latencyMs: { p50: number; p99: number; mean: number };
  /** Bytes received per answer, headers included: whether two routes sent the same bytes. */
  bytesPerAnswer: number;
  /** The server's CPU time per answer, in µs, when it can be read: the cost other load does not blur. */
  serverCpuMicrosPerAnswer?: number;
}

/** One autocannon run. Only 2xx answers count towards the rate; the others are reported. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let sent = 0;
  const headers = { ...spec.headers, ...(spec.bodyFor ? { 'content-type': 'application/json' } : {}) };
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    ...('seconds' in spec.length ? { duration: spec.length.seconds } : { amount: spec.length.requests }),
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    requests: [
      {
        method: spec.method,
        headers,
        setupRequest: (request) => {
          const n = sent++;
          return {
            ...request,
            path: spec.pathFor(n),
            ...(spec.bodyFor ? { body: JSON.stringify(spec.bodyFor(n)) } : {}),
          };
        },
      },
    ],
  });
  return {
    perSecond: result['2xx'] / result.duration,
    requests: result['2xx'] + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean },
    bytesPerAnswer: result.throughput.total / Math.max(1, result['2xx'] + result.non2xx),
  };
}
