import { resolve } from 'node:path';
import { parseAppConfig } from './app-config';

describe('the application settings', () => {
  it('run embedded, projector in-process, on port 3000 when nothing is set', () => {
    expect(parseAppConfig({})).toEqual({
      port: 3000,
      projectorPort: 3001,
      dataDir: resolve('./data'),
      eventStoreConnectionString: null,
      mongodbUri: null,
      projectorMode: 'in-process',
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

  it.each([
    [{ PORT: 'abc' }, "PORT must be a whole number between 1 and 65535, got 'abc'."],
    [{ PORT: '70000' }, "PORT must be a whole number between 1 and 65535, got '70000'."],
    [{ PROJECTOR_MODE: 'sometimes' }, "PROJECTOR_MODE must be one of in-process, external, got 'sometimes'."],
    [{ LOG_LEVEL: 'loud' }, "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'."],
    [{ METRICS_ENABLED: 'maybe' }, "METRICS_ENABLED must be true or false, got 'maybe'."],
    [{ MONGODB_URI: 'postgres://user:secret@db' }, 'MONGODB_URI must start with mongodb:// or mongodb+srv://, got postgres://.'],
  ])('refuse %j in one sentence', (env, sentence) => {
    expect(() => parseAppConfig(env)).toThrow(sentence);
  });
});
