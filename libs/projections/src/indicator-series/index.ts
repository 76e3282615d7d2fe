export * from './series-plans';
export * from './indicator-series';
