import type { Projection } from '../projector/projection';
import { changesProjection } from './changes.projection';
import { planHistoryProjection } from './plan-history.projection';
import { planListProjection } from './plan-list.projection';
import { planViewProjection } from './plan-view.projection';
import { versionTableProjection } from './version-table.projection';

/** Every read model of service plans, for the projector to run. */
export const planProjections: Projection[] = [
  planViewProjection,
  planListProjection,
  planHistoryProjection,
  versionTableProjection,
  changesProjection,
];
