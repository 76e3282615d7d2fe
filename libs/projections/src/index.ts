export * from './projector/projection';
export * from './projector/projector';
export * from './projector/projector.types';
export * from './projector/project-batch';
export * from './projector/checkpoint-targets';
export * from './projector/rebuild';
export * from './plan-views';
export * from './projector/read-model-origin';
