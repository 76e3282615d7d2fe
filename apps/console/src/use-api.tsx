import { useEffect, useState } from 'preact/hooks';
import { apiGet, type ApiAnswer } from './api';

export type Loading<T> = { state: 'loading' } | { state: 'failed'; message: string; status: number } | { state: 'loaded'; answer: ApiAnswer<T> };

type Held<T> = { path: string; loading: Loading<T> };

/**
 * The answer of a GET, read again whenever the path changes; null reads nothing. An answer held for
 * another path counts as loading, so that a page never shows one address's banner over another's figures.
 */
export function useApi<T>(path: string | null): Loading<T> {
  const [held, setHeld] = useState<Held<T> | null>(null);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    apiGet<T>(path).then(
      (answer) => current && setHeld({ path, loading: { state: 'loaded', answer } }),
      (error: { status?: number; message: string }) =>
        current && setHeld({ path, loading: { state: 'failed', message: error.message, status: error.status ?? 0 } }),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return held !== null && held.path === path ? held.loading : { state: 'loading' };
}
