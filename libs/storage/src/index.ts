export * from './store-unavailable.error';
export * from './sqlite-store-file';
