/**
 * How the plan view keeps a keyed section's items: a list in a stable order (by key, so that time
 * travel and the live view agree whatever order the items were added in), one item per key.
 */

export function upsertByKey<T>(items: readonly T[], keyOf: (item: T) => string, item: T): T[] {
  const key = keyOf(item);
  return [...items.filter((existing) => keyOf(existing) !== key), item].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
}

export function updateByKey<T>(items: readonly T[], keyOf: (item: T) => string, key: string, change: (item: T) => T): T[] {
  return items.map((item) => (keyOf(item) === key ? change(item) : item));
}

export const removeByKey = <T>(items: readonly T[], keyOf: (item: T) => string, key: string): T[] =>
  items.filter((item) => keyOf(item) !== key);

/** Natural order, so that "2" comes before "10" and "R2" before "R10". */
export const compareKeys = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
