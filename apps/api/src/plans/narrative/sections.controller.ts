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
import { AddNarrativeSectionDto, ReviseNarrativeSectionDto } from './narrative.dto';

@ApiTags('narrative')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/sections')
export class SectionsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('sections.add')
  @PlanCommandRoute('Add a narrative section', { creates: true, description: 'Its heading and its Markdown text, kept exactly as written.' })
  add(
    @Param('planId') planId: string,
    @Body() body: AddNarrativeSectionDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'AddNarrativeSection', data: { ...body } }, caller, trace));
  }

  @Patch(':key')
  @Access('sections.revise')
  @PlanCommandRoute('Revise a narrative section', { creates: false, description: 'Its heading, text or place, with a reason.' })
  revise(
    @Param('planId') planId: string,
    @Param('key', IdentifierParamPipe) key: string,
    @Body() body: ReviseNarrativeSectionDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReviseNarrativeSection', data: { ...body, key } }, caller, trace));
  }

  @Delete(':key')
  @Access('sections.remove')
  @PlanCommandRoute('Remove a narrative section', { creates: false, description: 'The reason goes in the body.' })
  remove(
    @Param('planId') planId: string,
    @Param('key', IdentifierParamPipe) key: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RemoveNarrativeSection', data: { ...body, key } }, caller, trace));
  }
}
