import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';

/** A database of its own on the server of `MONGODB_URI`, so that suites sharing a server never meet. */
export interface ThrowawayDatabase {
  name: string;
  /** The server's URI with this database in its path, as `MONGODB_URI` for an application. */
  uri: string;
  drop(): Promise<void>;
}

export function throwawayDatabase(serverUri: string, prefix: string): ThrowawayDatabase {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const parts = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(serverUri);
  if (!parts) throw new Error('MONGODB_URI must look like mongodb://host[:port][/database][?options]');
  return {
    name,
    uri: `${parts[1]}/${name}${parts[2] ?? ''}`,
    drop: async () => {
      const client = await MongoClient.connect(serverUri);
      try {
        await client.db(name).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
