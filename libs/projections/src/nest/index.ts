export * from './health.module';
export * from './projector.module';
