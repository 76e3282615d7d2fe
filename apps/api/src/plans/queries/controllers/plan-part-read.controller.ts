import { Controller, Param, Query as QueryParams, Res, type Type } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PlanView } from '@app/projections';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '../../../auth/caller';
import { ReadPlanParams } from '../dto/query-params';
import { ReadYourWrites } from '../read-your-writes';
import { PlanPartRoute } from './plan-part-route';
import { planPartAnswer, readPlanAt } from './plan-queries.controller';

export interface PlanPartRead {
  /** The OpenAPI tag of the section's routes. */
  tag: string;
  /** The controller's name, which names its operation in the OpenAPI document. */
  name: string;
  /** `GET /v1/plans/{planId}/<route>`. */
  route: string;
  part: keyof PlanView;
  summary: string;
}

/**
 * The controller of a section read on its own, for a client that wants one table: the plan read (now,
 * `asOf` or `version`, its roles, ETag, 304 and integrity) cut to the section's part. Each section
 * names its read in its own folder; this is the one way every such read is made.
 */
export function planPartReadController({ tag, name, route, part, summary }: PlanPartRead): Type<unknown> {
  @ApiTags(tag)
  @ApiBearerAuth()
  @Controller('v1/plans')
  class PlanPartReadController {
    constructor(
      readonly queries: QueryBus,
      readonly readYourWrites: ReadYourWrites,
    ) {}

    @PlanPartRoute(route, part, summary)
    async read(
      @CurrentCaller() caller: Caller,
      @Param('planId') planId: string,
      @QueryParams() params: ReadPlanParams,
      @Res({ passthrough: true }) reply: FastifyReply,
    ) {
      const plan = await readPlanAt(this.queries, this.readYourWrites, caller, planId, params, reply);
      return planPartAnswer(plan, { [part]: plan[part] }, reply);
    }
  }
  Object.defineProperty(PlanPartReadController, 'name', { value: name });
  return PlanPartReadController;
}
