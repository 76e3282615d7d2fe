import type { FieldCondition, ReadStore } from '@app/read-store';
import { MAX_PAGE_SIZE } from '@app/read-store/read-query';

/** Every document of the collection meeting the conditions, over as many pages as they fill. */
export async function findEvery<T extends { id: string }>(reads: ReadStore, collection: string, where: Record<string, FieldCondition>): Promise<T[]> {
  const found: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await reads.find(collection, { where, limit: MAX_PAGE_SIZE, cursor });
    found.push(...(page.items as unknown as T[]));
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return found;
}
