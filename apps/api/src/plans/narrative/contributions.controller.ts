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
import { AddContributionDto, ReviseContributionDto } from './narrative.dto';

@ApiTags('narrative')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/contributions')
export class ContributionsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('contributions.add')
  @PlanCommandRoute('Add the service\'s contribution to a corporate theme', {
    creates: true,
    description: 'The objectives it serves, the contribution in words, or both.',
  })
  add(
    @Param('planId') planId: string,
    @Body() body: AddContributionDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'AddContribution', data: { ...body } }, caller, trace));
  }

  @Patch(':themeId')
  @Access('contributions.revise')
  @PlanCommandRoute('Revise a contribution to a corporate theme', { creates: false, description: 'Any of its fields, with a reason.' })
  revise(
    @Param('planId') planId: string,
    @Param('themeId', IdentifierParamPipe) themeId: string,
    @Body() body: ReviseContributionDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReviseContribution', data: { ...body, themeId } }, caller, trace));
  }

  @Delete(':themeId')
  @Access('contributions.remove')
  @PlanCommandRoute('Remove a contribution to a corporate theme', { creates: false, description: 'The reason goes in the body.' })
  remove(
    @Param('planId') planId: string,
    @Param('themeId', IdentifierParamPipe) themeId: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RemoveContribution', data: { ...body, themeId } }, caller, trace));
  }
}
