import type { Document } from 'mongodb';

/**
 * How `applyBatch` makes a batch atomic on a server: `transaction` where MongoDB offers
 * multi-document transactions, else `guarded` writes that make a replay harmless.
 */
export type MongoWritePath = 'transaction' | 'guarded';

/**
 * Decides the path from the server's `hello` reply. Transactions need sessions
 * (`logicalSessionTimeoutMinutes`) on a replica-set member (`setName`) or through a mongos
 * (`msg: 'isdbgrid'`). A standalone `mongod` has neither, and neither does FerretDB 1.x, which
 * answers `hello` like a standalone and has no transactions.
 */
export function writePathFor(hello: Document): MongoWritePath {
  const sessions = typeof hello.logicalSessionTimeoutMinutes === 'number';
  const replicated = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
  return sessions && replicated ? 'transaction' : 'guarded';
}
