import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { CommandTrace, type RequestTrace } from '../commands/command-origin';
import { ApprovePlanDto } from './governance.dto';
import { ExecutePlanCommand } from '../commands/execute-plan-command';
import { PlanCommandRoute } from '../commands/plan-command-route';
import type { PlanCommandOutcome } from '../commands/plan-command.service';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';

@ApiTags('approval')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/approval')
export class ApprovalController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('approval.record')
  @PlanCommandRoute('Record the plan\'s approval', { creates: false, description: 'E.g. by Cabinet, with the meeting date.' })
  approve(
    @Param('planId') planId: string,
    @Body() body: ApprovePlanDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ApprovePlan', data: { ...body } }, caller, trace));
  }
}
