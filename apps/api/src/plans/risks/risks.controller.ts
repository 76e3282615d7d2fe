import { Body, Controller, Delete, Param, Patch, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { IdentifierParamPipe } from '../identifier-param.pipe';
import { CommandTrace, type RequestTrace } from '../commands/command-origin';
import { ReasonDto } from '../commands/dto/reason.dto';
import { ExecutePlanCommand } from '../commands/execute-plan-command';
import { PlanCommandRoute } from '../commands/plan-command-route';
import type { PlanCommandOutcome } from '../commands/plan-command.service';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';
import { AddRiskDto, ReviewRiskDto, ReviseRiskDto } from './risk.dto';

@ApiTags('risks')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/risks')
export class RisksController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('risks.add')
  @PlanCommandRoute('Add a risk to the register', {
    creates: true,
    description: "Scored by likelihood and impact; its score and band are computed with the council's risk matrix in force, and kept.",
  })
  add(
    @Param('planId') planId: string,
    @Body() body: AddRiskDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'AddRisk', data: { ...body } }, caller, trace));
  }

  @Patch(':ref')
  @Access('risks.revise')
  @PlanCommandRoute('Revise a risk', { creates: false, description: 'Any of its fields, with a reason; scores given are banded with the matrix in force now.' })
  revise(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReviseRiskDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReviseRisk', data: { ...body, ref } }, caller, trace));
  }

  @Delete(':ref')
  @Access('risks.remove')
  @PlanCommandRoute('Remove a risk from the register', { creates: false, description: 'The reason goes in the body.' })
  remove(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RemoveRisk', data: { ...body, ref } }, caller, trace));
  }

  @Post(':ref/reviews')
  @Access('risks.review')
  @PlanCommandRoute('Record a review of a risk for a period', {
    creates: true,
    description: 'Re-scores its residual likelihood and impact for the period; monitoring data, so an approved plan stays approved.',
  })
  review(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReviewRiskDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReviewRisk', data: { ...body, ref } }, caller, trace));
  }
}
