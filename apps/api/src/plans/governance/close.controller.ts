import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { CommandTrace, type RequestTrace } from '../commands/command-origin';
import { ReasonDto } from '../commands/dto/reason.dto';
import { ExecutePlanCommand } from '../commands/execute-plan-command';
import { PlanCommandRoute } from '../commands/plan-command-route';
import type { PlanCommandOutcome } from '../commands/plan-command.service';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';

@ApiTags('close')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/close')
export class CloseController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('plans.close')
  @PlanCommandRoute('Close the plan', { creates: false, description: 'A closed plan takes no more changes.', operationId: 'plansClose' })
  close(
    @Param('planId') planId: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ClosePlan', data: { ...body } }, caller, trace));
  }
}
