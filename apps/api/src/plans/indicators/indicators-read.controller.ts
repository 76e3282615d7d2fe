import { Controller, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '../../auth/caller';
import { PlanPartRoute } from '../queries/controllers/plan-part-route';
import { planPartAnswer, readPlanAt } from '../queries/controllers/plan-queries.controller';
import { ReadPlanParams } from '../queries/dto/query-params';
import { ReadYourWrites } from '../queries/read-your-writes';

/** The performance indicators alone, each with its targets and actuals. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('v1/plans')
export class IndicatorsReadController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @PlanPartRoute('indicators', "The plan's performance indicators, with their targets and actuals as rated when recorded")
  async read(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadPlanParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plan = await readPlanAt(this.queries, this.readYourWrites, caller, planId, params, reply);
    return planPartAnswer(plan, { indicators: plan.indicators }, reply);
  }
}
