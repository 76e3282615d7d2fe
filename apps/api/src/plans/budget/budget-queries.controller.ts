import { Controller, Get, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotModifiedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../auth/access-table';
import { CurrentCaller, type Caller } from '../../auth/caller';
import { NOT_MODIFIED, planPartAnswer, readPlanAt } from '../queries/controllers/plan-queries.controller';
import { ReadPlanParams } from '../queries/dto/query-params';
import { ReadYourWrites } from '../queries/read-your-writes';

/**
 * The budget alone, for a client that wants the one table: the plan read's answer (now, `asOf` or
 * `version`, with its ETag and integrity) cut to the budget, so there is no second way of reading.
 */
@ApiTags('budget')
@ApiBearerAuth()
@Controller('v1/plans/:planId/budget-lines')
export class BudgetQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @Access('plans.read')
  @ApiOperation({
    summary: "The plan's budget: its lines and the totals per year and kind computed from them",
    description:
      'As the plan read: now, as of an instant (`asOf`) or as published at a version (`version`), the past ones needing a role of ' +
      '`plans.readAsOf` and saying `X-Integrity`.',
  })
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
