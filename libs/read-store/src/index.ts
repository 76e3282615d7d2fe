export * from './read-store.port';
export * from './read-store.errors';
export { SqliteReadStore, DEFAULT_READ_DB_PATH } from './sqlite/sqlite-read-store';
export { MongoReadStore, type MongoReadStoreOptions } from './mongodb/mongodb-read-store';
export type { MongoWritePath } from './mongodb/mongodb-write-path';
export * from './find-all';
