/** Routes under this prefix need a bearer token and an `@Access` operation; the rest stay open. */
export const API_PREFIX = '/v1';

export const METRICS_PATH = '/metrics';

export const HEALTH_PATH = '/health';

/** The path of a request URL or route, without query, duplicate or trailing slashes. */
export function normalPath(url: string): string {
  const path = url.split('?', 1)[0].replace(/\/{2,}/g, '/').replace(/\/$/, '');
  return path.startsWith('/') ? path : `/${path}`;
}

export function isApiPath(path: string): boolean {
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
}
