import type { FieldCondition, ReadDocument, ReadStore } from './read-store.port';
import { MAX_PAGE_SIZE } from './read-query';

/** Every document of a collection matching `where`, page after page: a find answers one page at a time. */
export async function findAll<T extends ReadDocument = ReadDocument>(
  reads: ReadStore,
  collection: string,
  where: Record<string, FieldCondition> = {},
): Promise<T[]> {
  const found: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await reads.find<T>(collection, { where, limit: MAX_PAGE_SIZE, cursor });
    found.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return found;
}
