export * from './plan-returns';
