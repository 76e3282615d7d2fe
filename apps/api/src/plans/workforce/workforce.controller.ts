import { Body, Controller, Delete, Param, Patch, Post, Put, UseInterceptors } from '@nestjs/common';
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
import { AddKeyPostDto, AddSkillDto, RecordWorkforceDto, ReviseKeyPostDto, ReviseSkillDto } from './workforce.dto';

@ApiTags('workforce')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/key-posts')
export class KeyPostsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('keyPosts.add')
  @PlanCommandRoute('Add a key post', { creates: true, description: 'A single point of failure: the post, its succession, skills, networks, impact and options.' })
  add(
    @Param('planId') planId: string,
    @Body() body: AddKeyPostDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'AddKeyPost', data: { ...body } }, caller, trace));
  }

  @Patch(':ref')
  @Access('keyPosts.revise')
  @PlanCommandRoute('Revise a key post', { creates: false, description: 'Any of its fields, with a reason.' })
  revise(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReviseKeyPostDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReviseKeyPost', data: { ...body, ref } }, caller, trace));
  }

  @Delete(':ref')
  @Access('keyPosts.remove')
  @PlanCommandRoute('Remove a key post', { creates: false, description: 'The reason goes in the body.' })
  remove(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RemoveKeyPost', data: { ...body, ref } }, caller, trace));
  }
}

@ApiTags('workforce')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/skills')
export class SkillsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('skills.add')
  @PlanCommandRoute('Add a skill', { creates: true, description: 'A post with the skills and qualifications it needs, and whether CPD is required.' })
  add(
    @Param('planId') planId: string,
    @Body() body: AddSkillDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'AddSkill', data: { ...body } }, caller, trace));
  }

  @Patch(':ref')
  @Access('skills.revise')
  @PlanCommandRoute('Revise a skill', { creates: false, description: 'Any of its fields, with a reason.' })
  revise(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReviseSkillDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReviseSkill', data: { ...body, ref } }, caller, trace));
  }

  @Delete(':ref')
  @Access('skills.remove')
  @PlanCommandRoute('Remove a skill', { creates: false, description: 'The reason goes in the body.' })
  remove(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RemoveSkill', data: { ...body, ref } }, caller, trace));
  }
}

@ApiTags('workforce')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/workforce')
export class WorkforceController {
  constructor(private readonly bus: CommandBus) {}

  @Put()
  @Access('workforce.record')
  @PlanCommandRoute('Record the workforce at a date', {
    creates: false,
    description: 'Headcount per unit, totals computed. It replaces the position recorded before, which needs a reason and a date no earlier.',
  })
  record(
    @Param('planId') planId: string,
    @Body() body: RecordWorkforceDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RecordWorkforce', data: { ...body } }, caller, trace));
  }
}
