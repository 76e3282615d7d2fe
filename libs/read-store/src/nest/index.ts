export * from './read-store.module';
