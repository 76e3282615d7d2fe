export * from './corporate-plan.projection';
export * from './corporate-plan-event';
