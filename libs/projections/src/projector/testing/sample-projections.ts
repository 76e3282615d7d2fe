/** Projections and helpers for the projector's specs. */
import type { EventStore } from '@app/event-store';
import type { ReadDocument } from '@app/read-store';
import { randomUUID } from 'node:crypto';
import type { ProjectedEvent, Projection } from '../projection';
import type { ProjectorLogger } from '../projector.types';

export const LEDGER_PREFIX = 'ledger-';
export const AUDIT_PREFIX = 'audit-';

export async function append(
  eventStore: EventStore,
  streamId: string,
  type: string,
  data: Record<string, unknown> = {},
): Promise<number> {
  const { position } = await eventStore.appendToStream(
    streamId,
    [{ id: randomUUID(), type, data, metadata: { schemaVersion: 1 } }],
    { expectedRevision: 'any' },
  );
  return position;
}

export interface LedgerOptions {
  name?: string;
  version?: number;
  /** Event type whose `apply` throws, to stand for a bug in projection code. */
  failOn?: string;
}

/**
 * Totals per ledger stream: `Deposited {amount}` adds, `Closed` deletes the total. Every document it
 * writes is also counted in the `entries` collection's single `all` document, so one event touches
 * two documents. `applied` records each (event id, document) application, to show none happens twice.
 */
export function ledgerProjection(options: LedgerOptions = {}) {
  const applied: string[] = [];
  const projection: Projection = {
    name: options.name ?? 'ledger',
    version: options.version ?? 1,
    collections: ['totals', 'entries'],
    indexes: { totals: [{ balance: -1 }] },
    filter: { streamPrefixes: [LEDGER_PREFIX] },
    documentsFor: (event) => [
      { collection: 'totals', id: event.streamId },
      { collection: 'entries', id: 'all' },
    ],
    apply(document, event, ref) {
      if (event.type === options.failOn) throw new Error(`cannot read ${event.type}`);
      applied.push(`${event.id}:${ref.collection}`);
      if (ref.collection === 'entries') return { id: ref.id, count: Number(document?.count ?? 0) + 1 };
      if (event.type === 'Closed') return null;
      return { id: ref.id, balance: Number(document?.balance ?? 0) + Number(event.data.amount ?? 0) };
    },
  };
  return { projection, applied };
}

/** Lists the audit streams' events by id; it never sees the ledger streams. */
export function auditProjection(): Projection {
  return {
    name: 'audit',
    version: 1,
    collections: ['audit'],
    filter: { streamPrefixes: [AUDIT_PREFIX] },
    documentsFor: (event: ProjectedEvent) => [{ collection: 'audit', id: event.id }],
    apply: (_document: ReadDocument | null, event: ProjectedEvent, ref) => ({ id: ref.id, type: event.type }),
  };
}

export interface RecordingLogger extends ProjectorLogger {
  entries: Array<{ level: 'info' | 'warn' | 'error'; message: string; details?: Record<string, unknown> }>;
}

export function recordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  return {
    entries,
    info: (message, details) => entries.push({ level: 'info', message, details }),
    warn: (message, details) => entries.push({ level: 'warn', message, details }),
    error: (message, details) => entries.push({ level: 'error', message, details }),
  };
}

/** Resolves once `condition` holds, checking after each turn of the event loop. */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
}
