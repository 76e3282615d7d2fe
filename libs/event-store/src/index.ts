export * from './event-store.port';
export * from './event-store.errors';
export * from './sqlite/sqlite-event-store';
export * from './eventstoredb/eventstoredb-event-store';
export * from './read-stream-if-any';
