import { Body, Controller, HttpCode, HttpStatus, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { ApiAnswer, ApiRefusal } from '../../openapi/answers';
import { CommandTrace, type RequestTrace } from '../commands/command-origin';
import type { RollForwardOutcome } from '../commands/plan-command.service';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';
import { RollForwardDto } from './governance.dto';
import { RollForwardPlanCommand } from './roll-forward.command';

const ANSWER =
  "Next year's plan: `planId` (derived from this plan's id and the period, so asking again names the same plan), its `revision` after its opening write, " +
  "`position` (the later of the two writes, for `waitFor`), `eventIds` of both writes, and `rolledForwardFrom` with this plan's `revision` and `position` after its PlanRolledForward. " +
  'The same answer every time it is asked.';

@ApiTags('plans')
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/roll-forward')
export class RollForwardController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('plans.rollForward')
  @ApiOperation({
    summary: "Draft next year's plan from this one",
    operationId: 'plansRollForward',
    description:
      'A draft for the period that follows this plan\'s, of the same service, with its open priorities (not completed), every indicator (its code and definition, ' +
      'and targets already set for the new period; not its actuals), its risks as last reviewed, its contracts still running and its budget lines; it says which plan ' +
      'it came from, and this plan\'s history says it was rolled forward, without reopening or otherwise changing it. Asked again for the same period, it writes ' +
      'nothing new (or only what an interrupted roll-forward left unwritten) and answers the same plan.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: "This plan's revision, in quotes as its ETag gives it, the roll-forward is meant for; when the plan has moved on, 412 and nothing is written.",
  })
  @ApiAnswer('RollForwardAnswer', {
    description: ANSWER,
    status: 201,
    headers: {
      ETag: { description: 'The new plan\'s revision after its opening write, in quotes: "12".', schema: { type: 'string' } },
      Location: { description: 'The new plan: `/v1/plans/{its planId}`.', schema: { type: 'string' } },
    },
  })
  @ApiRefusal(409, 'A plan of the derived id exists that was not rolled forward from this one, or the plans kept changing while the write was retried.')
  @ApiRefusal(412, 'If-Match names a revision this plan is no longer at.')
  @ApiRefusal(
    422,
    'The period is not the one after this plan\'s, or the plan was rolled forward already to another period.',
    'The plan "Service Plan 2023/24: Corporate Services" covers 2023/24 (1 April 2023 to 31 March 2024), so the plan rolled forward from it begins on 1 April 2024, as 2024/25 does: 2025/26 begins on 1 April 2025.',
  )
  async rollForward(
    @Param('planId') planId: string,
    @Body() body: RollForwardDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RollForwardOutcome> {
    const outcome = await this.bus.execute(new RollForwardPlanCommand(planId, { period: body.period, title: body.title }, caller, trace));
    reply.header('Location', `/v1/plans/${encodeURIComponent(outcome.planId)}`);
    return outcome;
  }
}
