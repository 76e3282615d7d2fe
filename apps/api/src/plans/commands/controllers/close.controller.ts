import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../../auth/access-table';
import { Caller, CurrentCaller } from '../../../auth/caller';
import { CommandTrace, type RequestTrace } from '../command-origin';
import { ReasonDto } from '../dto/plan.dto';
import { ExecutePlanCommand } from '../execute-plan-command';
import { PlanCommandRoute } from '../plan-command-route';
import type { PlanCommandOutcome } from '../plan-command.service';
import { PlanRevisionETagInterceptor } from '../plan-revision-etag.interceptor';

@ApiTags('close')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/close')
export class CloseController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('plans.close')
  @PlanCommandRoute('Close the plan', { creates: false, description: 'A closed plan takes no more changes.' })
  close(
    @Param('planId') planId: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ClosePlan', data: { ...body } }, caller, trace));
  }
}
