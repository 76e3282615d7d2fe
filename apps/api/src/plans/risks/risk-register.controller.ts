import { Controller, Get, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotModifiedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, assertMayPerform } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { NOT_MODIFIED, withIntegrityShown } from '../queries/controllers/plan-queries.controller';
import { ReadPlanParams } from '../queries/dto/query-params';
import { GetPlanQuery } from '../queries/handlers/plan-queries';
import { ReadYourWrites } from '../queries/read-your-writes';

/** The risk register read on its own: the plan read, with the plan view's `risks` alone in the answer. */
@ApiTags('risks')
@ApiBearerAuth()
@Controller('v1/plans/:planId/risks')
export class RiskRegisterController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @Access('plans.read')
  @ApiOperation({
    summary: "The plan's risk register alone: now, as of an instant (`asOf`), or as published at a version (`version`)",
    description:
      "The plan view's `risks`, with the plan's `planId`, `revision` and `version`; read as the plan is, with the same roles for a past state, `X-Integrity` and ETag.",
  })
  async read(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadPlanParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (params.asOf !== undefined || params.version !== undefined) assertMayPerform(caller, 'plans.readAsOf');
    await this.readYourWrites.waitFor(params.waitFor);
    const plan = await this.queries.execute(new GetPlanQuery(caller, planId, { asOf: params.asOf, version: params.version }));
    reply.header('ETag', `"${plan.revision}"`);
    const section = {
      ...(plan.asOf !== undefined && { asOf: plan.asOf }),
      planId: plan.planId,
      revision: plan.revision,
      version: plan.version,
      risks: plan.risks,
      ...('integrity' in plan && { integrity: plan.integrity }),
    };
    return withIntegrityShown(section, reply);
  }
}
