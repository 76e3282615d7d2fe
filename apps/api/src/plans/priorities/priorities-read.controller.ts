import { Controller, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '../../auth/caller';
import { PlanPartRoute } from '../queries/controllers/plan-part-route';
import { planPartAnswer, readPlanAt } from '../queries/controllers/plan-queries.controller';
import { ReadPlanParams } from '../queries/dto/query-params';
import { ReadYourWrites } from '../queries/read-your-writes';

/** The priorities, projects and actions alone, each with its outcomes and latest progress. */
@ApiTags('priorities')
@ApiBearerAuth()
@Controller('v1/plans')
export class PrioritiesReadController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @PlanPartRoute('priorities', "The plan's priorities, projects and actions, with their outcomes and latest progress")
  async read(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadPlanParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plan = await readPlanAt(this.queries, this.readYourWrites, caller, planId, params, reply);
    return planPartAnswer(plan, { priorities: plan.priorities }, reply);
  }
}
