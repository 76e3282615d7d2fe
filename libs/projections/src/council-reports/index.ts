export * from './plan-report-inputs';
export * from './council-report';
