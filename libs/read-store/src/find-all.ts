import type { FieldCondition, FindQuery, ReadDocument, ReadStore } from './read-store.port';
import { MAX_PAGE_SIZE } from './read-query';

/**
 * Every document of a collection matching `where`, page after page: a find answers one page at a time.
 * `sort` names the order of an index the conditions use: ordered by `id` alone, SQLite without
 * statistics walks the collection's key in order rather than seek the index, reading every document.
 */
export async function findAll<T extends ReadDocument = ReadDocument>(
  reads: ReadStore,
  collection: string,
  where: Record<string, FieldCondition> = {},
  sort?: FindQuery['sort'],
): Promise<T[]> {
  const found: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await reads.find<T>(collection, { where, sort, limit: MAX_PAGE_SIZE, cursor });
    found.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return found;
}
