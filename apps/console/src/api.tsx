/**
 * The console's one way to the API: the same /v1 routes with the caller's bearer token, so a page
 * shows only what its caller may read. The token is kept in sessionStorage (gone with the tab),
 * never in an address, which would reach logs and browser history.
 */
const TOKEN_KEY = 'plan-tracking-console-token';

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

export interface ApiAnswer<T> {
  body: T;
  headers: Headers;
}

export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function apiGet<T>(path: string): Promise<ApiAnswer<T>> {
  const token = tokenStore.get();
  const response = await fetch(path, { headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiRefusal(response.status, typeof body?.message === 'string' ? body.message : `The API answered ${response.status}.`);
  }
  return { body: (await response.json()) as T, headers: response.headers };
}

/** A query string of the given parameters, leaving out those without a value. */
export function query(params: Record<string, string | undefined>): string {
  const given = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  return given.length === 0 ? '' : `?${new URLSearchParams(given).toString()}`;
}
