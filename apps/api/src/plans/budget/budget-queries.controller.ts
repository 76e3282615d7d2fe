import { Controller, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, type Caller } from '../../auth/caller';
import { PlanPartRoute } from '../queries/controllers/plan-part-route';
import { planPartAnswer, readPlanAt } from '../queries/controllers/plan-queries.controller';
import { ReadPlanParams } from '../queries/dto/query-params';
import { ReadYourWrites } from '../queries/read-your-writes';

/** The budget alone, for a client that wants the one table: its lines and the totals per year and kind computed from them. */
@ApiTags('budget')
@ApiBearerAuth()
@Controller('v1/plans')
export class BudgetQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @PlanPartRoute('budget-lines', "The plan's budget: its lines and the totals per year and kind computed from them")
  async read(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadPlanParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const plan = await readPlanAt(this.queries, this.readYourWrites, caller, planId, params, reply);
    return planPartAnswer(plan, { budget: plan.budget }, reply);
  }
}
