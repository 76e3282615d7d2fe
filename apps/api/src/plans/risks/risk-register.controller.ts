import { Controller, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '../../auth/caller';
import { PlanPartRoute } from '../queries/controllers/plan-part-route';
import { planPartAnswer, readPlanAt } from '../queries/controllers/plan-queries.controller';
import { ReadPlanParams } from '../queries/dto/query-params';
import { ReadYourWrites } from '../queries/read-your-writes';

/** The risk register alone: each risk with its scores, bands and reviews. */
@ApiTags('risks')
@ApiBearerAuth()
@Controller('v1/plans')
export class RiskRegisterController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @PlanPartRoute('risks', "The plan's risk register: each risk's scores and bands, and its reviews")
  async read(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadPlanParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plan = await readPlanAt(this.queries, this.readYourWrites, caller, planId, params, reply);
    return planPartAnswer(plan, { risks: plan.risks }, reply);
  }
}
