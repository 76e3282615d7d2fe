import { DomainError } from '../domain-error';
import { changedFields } from './decision-rules';
import { entryOf } from './plan-state';
import { codeKey } from './written-text';

/**
 * The rules every keyed section of a plan follows (budget lines by code, risks, contracts, key posts
 * and skills by ref, narrative sections by key, contributions by theme): an item is added under a
 * key not in use, revised or removed under one that is, and a revision that changes nothing is
 * refused. `noun` names the kind of item as an officer reads it ("Contract", "Budget line").
 */

export function requireNewKey<T>(items: Record<string, T>, key: string, noun: string): void {
  refuseTakenKey(items, key, key, noun);
}

export function requireItem<T>(items: Record<string, T>, key: string, noun: string): T {
  return itemOrNotFound(items, key, key, noun);
}

/**
 * The same rules for a section whose items are kept by `codeKey` (codes compared without regard to
 * case: "cs01" is "CS01"), quoting the code as the officer wrote it.
 */
export function requireNewCode<T>(items: Record<string, T>, code: string, noun: string): void {
  refuseTakenKey(items, codeKey(code), code, noun);
}

export function requireItemByCode<T>(items: Record<string, T>, code: string, noun: string): T {
  return itemOrNotFound(items, codeKey(code), code, noun);
}

function refuseTakenKey<T>(items: Record<string, T>, key: string, written: string, noun: string): void {
  if (entryOf(items, key) !== undefined) {
    throw DomainError.ruleBroken(`${noun} '${written}' is already in this plan: choose another reference, or revise it.`);
  }
}

function itemOrNotFound<T>(items: Record<string, T>, key: string, written: string, noun: string): T {
  const item = entryOf(items, key);
  if (item === undefined) throw DomainError.notFound(`${noun} '${written}' is not in this plan.`);
  return item;
}

/** The fields a revision changes, with their old values; refused when it would change nothing. */
export function revisedFields<F extends object>(
  current: F,
  requested: { [K in keyof F]?: F[K] },
  noun: string,
  key: string,
): { changes: Partial<F>; previous: Partial<F> } {
  const revision = changedFields(current, requested);
  if (Object.keys(revision.changes).length === 0) {
    throw DomainError.ruleBroken(`Nothing would change: ${noun.toLowerCase()} ${key} already says that.`);
  }
  return revision;
}

/** The collection with one item set (added or replaced) or taken out, leaving the others as they were. */
export const withItem = <T>(items: Record<string, T>, key: string, item: T): Record<string, T> => ({ ...items, [key]: item });

export function withoutItem<T>(items: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = items;
  return rest;
}

/** The collection with the item under `key` revised by `changes`, or as it was when there is none. */
export function withRevisedItem<T extends object>(items: Record<string, T>, key: string, changes: Partial<NoInfer<T>>): Record<string, T> {
  const item = entryOf(items, key);
  return item === undefined ? items : withItem(items, key, { ...item, ...changes });
}
