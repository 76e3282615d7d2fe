import type { AllFilter } from './event-store.port';

/**
 * Whether an event passes an `$all` filter: its stream starts with one of the prefixes AND its type is
 * one of the types. An absent or empty list does not restrict.
 */
export function matchesAllFilter(filter: AllFilter | undefined, streamId: string, type: string): boolean {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  return (
    (prefixes.length === 0 || prefixes.some((prefix) => streamId.startsWith(prefix))) &&
    (types.length === 0 || types.includes(type))
  );
}
