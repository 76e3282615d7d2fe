import { writePathFor } from './mongodb-write-path';

/** `hello` replies as the servers send them, cut to the fields that matter here. */
const standalone = { isWritablePrimary: true, maxWireVersion: 21, logicalSessionTimeoutMinutes: 30, ok: 1 };
const replicaSetPrimary = { ...standalone, setName: 'rs0', hosts: ['mongo:27017'], primary: 'mongo:27017' };
const mongos = { ...standalone, msg: 'isdbgrid' };
const ferretDb = { isWritablePrimary: true, maxWireVersion: 21, logicalSessionTimeoutMinutes: 30, readOnly: false, ok: 1 };

describe('the MongoDB write path', () => {
  it('uses transactions on a replica set, even one of a single node', () => {
    expect(writePathFor(replicaSetPrimary)).toBe('transaction');
  });

  it('uses transactions through a mongos in front of a sharded cluster', () => {
    expect(writePathFor(mongos)).toBe('transaction');
  });

  it('uses guarded writes on a standalone mongod, which refuses transactions', () => {
    expect(writePathFor(standalone)).toBe('guarded');
  });

  it('uses guarded writes on FerretDB, which answers like a standalone', () => {
    expect(writePathFor(ferretDb)).toBe('guarded');
  });

  it('uses guarded writes on a replica set without sessions, where no transaction can start', () => {
    const { logicalSessionTimeoutMinutes: _sessions, ...withoutSessions } = replicaSetPrimary;
    expect(writePathFor(withoutSessions)).toBe('guarded');
  });
});
