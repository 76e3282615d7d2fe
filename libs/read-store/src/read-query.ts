/**
 * What both adapters share before they speak their own query language: validation of names, field
 * paths, conditions and documents, the page size, and the keyset cursor. Adapters translate a
 * `PlannedFind` into SQL or a Mongo filter and never see an unchecked `FindQuery`.
 */
import { InvalidCursorError, InvalidReadDocumentError, InvalidReadQueryError } from './read-store.errors';
import type { FieldCondition, FindQuery, FindResult, JsonFields, ReadDocument, ReadWrite, StoredJson } from './read-store.port';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/**
 * Dotted identifiers, each starting with a letter: safe to embed in a JSON path or an index
 * expression, and unable to reach the stores' own fields (`_id`, `_batchPosition`).
 */
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]{0,63}(\.[A-Za-z][A-Za-z0-9_]{0,63}){0,7}$/;
/** A leading letter: names starting with `_` are kept for the stores' own bookkeeping. */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,119}$/;
const MAX_PROJECTION_NAME_LENGTH = 200;

export type Scalar = string | number | boolean | null;
export type RangeOperator = '$gt' | '$gte' | '$lt' | '$lte';
const RANGE_OPERATORS: readonly string[] = ['$gt', '$gte', '$lt', '$lte'];

export type FieldFilter =
  | { path: string; kind: 'equals'; value: Scalar }
  | { path: string; kind: 'oneOf'; values: Scalar[] }
  | { path: string; kind: 'range'; bounds: Array<{ operator: RangeOperator; value: string | number }> };

export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

export interface PlannedFind {
  filters: FieldFilter[];
  /** The requested sort ending with `id`, so that no two documents share a sort position. */
  sort: SortKey[];
  limit: number;
  /** Sort values (one per sort key) of the last item of the previous page; null on the first page. */
  after: unknown[] | null;
}

export function assertCollectionName(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION_NAME.test(collection)) {
    throw new InvalidReadQueryError(
      `Collection name ${JSON.stringify(collection)} is not valid: use letters, digits, "_" or "-", starting with a letter`,
    );
  }
}

export function assertProjectionName(projection: string): void {
  if (typeof projection !== 'string' || projection.length === 0 || projection.length > MAX_PROJECTION_NAME_LENGTH) {
    throw new InvalidReadQueryError(
      `Projection name ${JSON.stringify(projection)} is not valid: it must be 1 to ${MAX_PROJECTION_NAME_LENGTH} characters`,
    );
  }
}

export function assertFieldPath(path: string): void {
  if (typeof path !== 'string' || !FIELD_PATH.test(path)) {
    throw new InvalidReadQueryError(
      `Field ${JSON.stringify(path)} is not valid: use dotted names of letters, digits and "_", each starting with a letter`,
    );
  }
}

/** Omitted fields are top-level names, picked ones dotted paths, all as `assertFieldPath` allows. */
export function assertJsonFields({ omit, pick }: JsonFields): void {
  if (!Array.isArray(omit) || !Array.isArray(pick)) {
    throw new InvalidReadQueryError('The fields of a JSON read must be two lists, the fields to omit and the paths to pick');
  }
  for (const field of omit) {
    assertFieldPath(field);
    if (field.includes('.')) {
      throw new InvalidReadQueryError(`Field ${JSON.stringify(field)} cannot be omitted: only top-level fields can`);
    }
  }
  pick.forEach(assertFieldPath);
}

/** What `getJson` gives of a document an adapter holds as objects. */
export function storedJsonOf(document: ReadDocument, { omit, pick }: JsonFields): StoredJson {
  const omitted = new Set(omit);
  const kept = Object.fromEntries(Object.entries(document).filter(([field]) => !omitted.has(field)));
  return {
    json: JSON.stringify(kept),
    picked: Object.fromEntries(pick.map((path) => [path, valueAtPath(document, path) ?? null])),
  };
}

export function assertStorableDocument(collection: string, document: ReadDocument): void {
  assertCollectionName(collection);
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InvalidReadDocumentError(`A document for collection ${collection} must be a JSON object`);
  }
  if (typeof document.id !== 'string' || document.id.length === 0) {
    throw new InvalidReadDocumentError(`A document for collection ${collection} has no id: every document needs a non-empty string id`);
  }
}

export function assertReadWrite(write: ReadWrite): void {
  if (write.kind === 'upsert') {
    assertStorableDocument(write.collection, write.document);
    return;
  }
  assertCollectionName(write.collection);
  if (typeof write.id !== 'string' || write.id.length === 0) {
    throw new InvalidReadDocumentError(`A delete in collection ${write.collection} has no id`);
  }
}

export function assertCheckpointPosition(position: number): void {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new InvalidReadQueryError(`Checkpoint position ${String(position)} is not valid: it must be a whole number, 0 or more`);
  }
}

export function assertLeaseRequest(projection: string, owner: string, ttlMs: number): void {
  assertProjectionName(projection);
  if (typeof owner !== 'string' || owner.length === 0) throw new InvalidReadQueryError('A lease needs a non-empty owner');
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new InvalidReadQueryError(`Lease duration ${String(ttlMs)} ms is not valid: it must be more than 0`);
}

export function assertIndexSpec(index: Record<string, 1 | -1>): void {
  const fields = Object.keys(index);
  if (fields.length === 0) throw new InvalidReadQueryError('An index needs at least one field');
  for (const field of fields) {
    assertFieldPath(field);
    if (index[field] !== 1 && index[field] !== -1) {
      throw new InvalidReadQueryError(`Index direction of field ${field} must be 1 or -1`);
    }
  }
}

export function planFind(query: FindQuery = {}): PlannedFind {
  const filters = Object.entries(query.where ?? {}).map(([path, condition]) => toFieldFilter(path, condition));
  const sort = completeSort(query.sort ?? []);
  return {
    filters,
    sort,
    limit: pageSize(query.limit),
    after: query.cursor === undefined ? null : decodeCursor(query.cursor, sort),
  };
}

/** Adapters fetch `limit + 1` rows: the extra row only tells that a next page exists. */
export function toPage<T extends ReadDocument>(rows: T[], plan: PlannedFind): FindResult<T> {
  const items = rows.slice(0, plan.limit);
  const hasMore = rows.length > plan.limit;
  return { items, next: hasMore ? encodeCursor(plan.sort, items[items.length - 1]) : null };
}

/** The value at a dotted path, or undefined when any step is missing. */
export function valueAtPath(document: ReadDocument, path: string): unknown {
  let value: unknown = document;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function toFieldFilter(path: string, condition: FieldCondition): FieldFilter {
  assertFieldPath(path);
  if (isScalar(condition)) return { path, kind: 'equals', value: condition };
  if (typeof condition !== 'object' || Array.isArray(condition)) {
    throw new InvalidReadQueryError(`Condition on ${path} must be a value or an object of $eq, $in, $gt, $gte, $lt, $lte`);
  }
  const operators = Object.keys(condition);
  if ('$eq' in condition || '$in' in condition) {
    if (operators.length !== 1) {
      throw new InvalidReadQueryError(`Condition on ${path} cannot combine $eq or $in with another operator`);
    }
    if ('$eq' in condition) {
      if (!isScalar(condition.$eq)) throw new InvalidReadQueryError(`$eq on ${path} needs a string, number, boolean or null`);
      return { path, kind: 'equals', value: condition.$eq };
    }
    if (!Array.isArray(condition.$in) || !condition.$in.every(isScalar)) {
      throw new InvalidReadQueryError(`$in on ${path} needs a list of strings, numbers, booleans or nulls`);
    }
    return { path, kind: 'oneOf', values: [...condition.$in] };
  }
  const unknown = operators.filter((operator) => !RANGE_OPERATORS.includes(operator));
  if (operators.length === 0 || unknown.length > 0) {
    throw new InvalidReadQueryError(
      `Condition on ${path} uses ${unknown.length > 0 ? `unsupported operator ${unknown.join(', ')}` : 'no operator'}: use $eq, $in, $gt, $gte, $lt or $lte`,
    );
  }
  const bounds = operators.map((operator) => {
    const value = (condition as Record<string, unknown>)[operator];
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new InvalidReadQueryError(`${operator} on ${path} needs a number or a string`);
    }
    return { operator: operator as RangeOperator, value };
  });
  return { path, kind: 'range', bounds };
}

function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function completeSort(requested: Array<{ field: string; direction: 'asc' | 'desc' }>): SortKey[] {
  const sort: SortKey[] = [];
  for (const { field, direction } of requested) {
    assertFieldPath(field);
    if (direction !== 'asc' && direction !== 'desc') {
      throw new InvalidReadQueryError(`Sort direction of ${field} must be "asc" or "desc"`);
    }
    if (sort.some((key) => key.field === field)) throw new InvalidReadQueryError(`Sort names ${field} twice`);
    sort.push({ field, direction });
    // Ids are unique: keys after `id` could never break a tie.
    if (field === 'id') return sort;
  }
  sort.push({ field: 'id', direction: 'asc' });
  return sort;
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InvalidReadQueryError(`Page size must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return Math.min(limit, MAX_PAGE_SIZE);
}

function sortSignature(sort: SortKey[]): string {
  return sort.map((key) => `${key.field}:${key.direction}`).join(',');
}

function encodeCursor(sort: SortKey[], last: ReadDocument): string {
  const values = sort.map((key) => valueAtPath(last, key.field) ?? null);
  return Buffer.from(JSON.stringify({ sort: sortSignature(sort), after: values })).toString('base64url');
}

function decodeCursor(cursor: string, sort: SortKey[]): unknown[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('The cursor is not one this service issued');
  }
  const { sort: signature, after } = (decoded ?? {}) as { sort?: unknown; after?: unknown };
  if (signature !== sortSignature(sort) || !Array.isArray(after) || after.length !== sort.length) {
    throw new InvalidCursorError('The cursor belongs to a query with another sort order: start again without it');
  }
  // Values that are not plain scalars could act as operators in a store's filter.
  if (typeof after[after.length - 1] !== 'string' || !after.every(isScalar)) {
    throw new InvalidCursorError('The cursor is not one this service issued');
  }
  return after;
}
