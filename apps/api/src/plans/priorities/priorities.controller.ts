import { Body, Controller, Delete, Param, Patch, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { IdentifierParamPipe } from '../identifier-param.pipe';
import { CommandTrace, type RequestTrace } from '../commands/command-origin';
import { ReasonDto } from '../commands/dto/reason.dto';
import { AddPriorityDto, RevisePriorityDto } from './priority.dto';
import { ExecutePlanCommand } from '../commands/execute-plan-command';
import { PlanCommandRoute } from '../commands/plan-command-route';
import type { PlanCommandOutcome } from '../commands/plan-command.service';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';

@ApiTags('priorities')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/priorities')
export class PrioritiesController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('priorities.add')
  @PlanCommandRoute('Add a priority', {
    creates: true,
    description: 'A service priority, project (with sponsor and manager) or action, with its themes and expected outcomes or milestones, each with its target date as worded and when it is due.',
  })
  add(
    @Param('planId') planId: string,
    @Body() body: AddPriorityDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'AddPriority', data: { ...body } }, caller, trace));
  }

  @Patch(':ref')
  @Access('priorities.revise')
  @PlanCommandRoute('Revise a priority', { creates: false, description: 'Any of its fields, with a reason.' })
  revise(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: RevisePriorityDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RevisePriority', data: { ...body, ref } }, caller, trace));
  }

  @Delete(':ref')
  @Access('priorities.withdraw')
  @PlanCommandRoute('Withdraw a priority', { creates: false, description: 'The reason goes in the body.' })
  withdraw(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'WithdrawPriority', data: { ...body, ref } }, caller, trace));
  }
}
