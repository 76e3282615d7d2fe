import { corporatePlanProjection } from '../corporate-plan/corporate-plan.projection';
import type { Projection } from '../projector/projection';
import { changesProjection } from './changes.projection';
import { planHistoryProjection } from './plan-history.projection';
import { planListProjection } from './plan-list.projection';
import { planViewProjection } from './plan-view.projection';
import { versionTableProjection } from './version-table.projection';

/** Every read model the projector runs: the service plans', and the councils' corporate plans that they serve. */
export const planProjections: Projection[] = [
  planViewProjection,
  planListProjection,
  planHistoryProjection,
  versionTableProjection,
  changesProjection,
  corporatePlanProjection,
];
