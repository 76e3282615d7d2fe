import { PLAN_STREAM_PREFIX } from '@app/domain';
import { planProjections } from '@app/projections';

/**
 * Whether the projection of that name reads service plans' streams: those stop at a plan's bad event
 * and catch up with a plan's write; the corporate plans projection reads councils' corporate plans alone.
 */
export const readsPlanStreams = (name: string): boolean =>
  planProjections.some((projection) => projection.name === name && (projection.filter.streamPrefixes ?? []).includes(PLAN_STREAM_PREFIX));
