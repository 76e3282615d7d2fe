import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routing: an address such as `/console/#/plans/hart/report/2023-24-Q2` names a page an auditor
 * can cite, while what follows `#` never reaches the server or its logs. A hash not starting with
 * `#/` (the skip link's `#main-content`) is an in-page jump, not a page.
 */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

export function routeOf(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search) };
}

export function href(path: string[], params: Record<string, string | undefined> = {}): string {
  const given = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  const search = given.length === 0 ? '' : `?${new URLSearchParams(given).toString()}`;
  return `#/${path.map(encodeURIComponent).join('/')}${search}`;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const follow = () => {
      if (location.hash === '' || location.hash.startsWith('#/')) setHash(location.hash);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return routeOf(hash);
}

export function go(path: string[], params: Record<string, string | undefined> = {}): void {
  location.hash = href(path, params);
}
