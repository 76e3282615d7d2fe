import { Controller, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '../../auth/caller';
import { ReadPlanParams } from '../queries/dto/query-params';
import { ReadYourWrites } from '../queries/read-your-writes';
import { PlanPartRoute } from '../queries/controllers/plan-part-route';
import { planPartAnswer, readPlanAt } from '../queries/controllers/plan-queries.controller';

@ApiTags('workforce')
@ApiBearerAuth()
@Controller('v1/plans')
export class WorkforceReadController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @PlanPartRoute('workforce', 'The plan\'s workforce: its latest headcount per unit, with totals computed')
  async workforce(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadPlanParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plan = await readPlanAt(this.queries, this.readYourWrites, caller, planId, params, reply);
    return planPartAnswer(plan, { workforce: plan.workforce }, reply);
  }

  @PlanPartRoute('key-posts', 'The plan\'s key posts: its single points of failure')
  async keyPosts(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadPlanParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plan = await readPlanAt(this.queries, this.readYourWrites, caller, planId, params, reply);
    return planPartAnswer(plan, { keyPosts: plan.keyPosts }, reply);
  }

  @PlanPartRoute('skills', 'The skills and qualifications the plan\'s posts need')
  async skills(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadPlanParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plan = await readPlanAt(this.queries, this.readYourWrites, caller, planId, params, reply);
    return planPartAnswer(plan, { skills: plan.skills }, reply);
  }
}
