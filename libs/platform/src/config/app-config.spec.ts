import { EventStoreDBClient } from '@eventstore/db-client';
import { resolve } from 'node:path';
import { EVENT_STORE_SCHEMES, parseAppConfig } from './app-config';

describe('the application settings', () => {
  it('run embedded, projector in-process, on port 3000 when nothing is set', () => {
    expect(parseAppConfig({})).toEqual({
      port: 3000,
      projectorPort: 3001,
      dataDir: resolve('./data'),
      eventStoreConnectionString: null,
      mongodbUri: null,
      projectorMode: 'in-process',
      projectorLeaseTtlMs: 15_000,
      logLevel: 'info',
      metricsEnabled: true,
    });
  });

  it('leave projections to the separate projector by default when on the production stores', () => {
    const config = parseAppConfig({
      EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore:2113?tls=false',
      MONGODB_URI: 'mongodb://mongo:27017/plans?replicaSet=rs0',
    });
    expect(config.projectorMode).toBe('external');
  });

  it('take the projector lease time in seconds', () => {
    expect(parseAppConfig({ PROJECTOR_LEASE_TTL_SECONDS: '4' }).projectorLeaseTtlMs).toBe(4000);
  });

  it.each([
    [{ PORT: 'abc' }, "PORT must be a whole number between 1 and 65535, got 'abc'."],
    [{ PORT: '70000' }, "PORT must be a whole number between 1 and 65535, got '70000'."],
    [{ PROJECTOR_LEASE_TTL_SECONDS: '0' }, "PROJECTOR_LEASE_TTL_SECONDS must be a whole number between 1 and 3600, got '0'."],
    [{ PROJECTOR_LEASE_TTL_SECONDS: '2.5' }, "PROJECTOR_LEASE_TTL_SECONDS must be a whole number between 1 and 3600, got '2.5'."],
    [{ PROJECTOR_MODE: 'sometimes' }, "PROJECTOR_MODE must be one of in-process, external, got 'sometimes'."],
    [{ LOG_LEVEL: 'loud' }, "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'."],
    [{ METRICS_ENABLED: 'maybe' }, "METRICS_ENABLED must be true or false, got 'maybe'."],
    [{ MONGODB_URI: 'postgres://user:secret@db' }, 'MONGODB_URI must start with mongodb:// or mongodb+srv://, got postgres://.'],
  ])('refuse %j in one sentence', (env, sentence) => {
    expect(() => parseAppConfig(env)).toThrow(sentence);
  });

  describe('EVENTSTORE_CONNECTION_STRING', () => {
    it.each(EVENT_STORE_SCHEMES)('accepts %s, which the EventStoreDB client parses', async (scheme) => {
      const connectionString = `${scheme}eventstore:2113?tls=false`;

      expect(parseAppConfig({ EVENTSTORE_CONNECTION_STRING: connectionString }).eventStoreConnectionString).toBe(
        connectionString,
      );
      // Parsing is all the client does until its first call: nothing connects here.
      await EventStoreDBClient.connectionString(connectionString).dispose();
    });

    it.each(['kurrentdb://', 'kurrentdb+discover://'])('refuses %s in one sentence, as the client would crash on it', (scheme) => {
      const connectionString = `${scheme}admin:changeit@eventstore:2113?tls=false`;

      expect(() => EventStoreDBClient.connectionString(connectionString)).toThrow();
      expect(() => parseAppConfig({ EVENTSTORE_CONNECTION_STRING: connectionString })).toThrow(
        `EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://, got ${scheme}: the EventStoreDB ` +
          'client reads no other, and a kurrentdb:// address works written with esdb://.',
      );
    });
  });
});
