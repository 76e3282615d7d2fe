import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { CommandTrace, type RequestTrace } from '../commands/command-origin';
import { ReasonDto } from '../commands/dto/reason.dto';
import { DraftPlanDto, SubmitForScrutinyDto } from './governance.dto';
import { ExecutePlanCommand } from '../commands/execute-plan-command';
import { PlanCommandRoute } from '../commands/plan-command-route';
import type { PlanCommandOutcome } from '../commands/plan-command.service';
import { draftPlanIdFor } from '../commands/plan-ids';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';

@ApiTags('plans')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans')
export class PlansController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('plans.draft')
  @PlanCommandRoute('Draft a plan', {
    creates: true,
    description: 'The plan belongs to the caller\'s council. Without `planId`, the id is derived from the Idempotency-Key when one is sent, else new.',
  })
  draft(@Body() body: DraftPlanDto, @CurrentCaller() caller: Caller, @CommandTrace() trace: RequestTrace): Promise<PlanCommandOutcome> {
    const planId = body.planId ?? (trace.idempotencyKey ? draftPlanIdFor(caller.council, trace.idempotencyKey) : randomUUID());
    const { title, service, period, owner } = body;
    return this.bus.execute(
      new ExecutePlanCommand(planId, { type: 'DraftPlan', data: { planId, council: caller.council, title, service, period, owner } }, caller, trace),
    );
  }

  @Post(':planId/submission')
  @Access('plans.submitForScrutiny')
  @PlanCommandRoute('Submit the plan for scrutiny', { creates: false })
  submit(
    @Param('planId') planId: string,
    @Body() body: SubmitForScrutinyDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'SubmitForScrutiny', data: { ...body } }, caller, trace));
  }

  @Post(':planId/reopen')
  @Access('plans.reopen')
  @PlanCommandRoute('Reopen an approved plan for revision', { creates: false })
  reopen(
    @Param('planId') planId: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReopenPlan', data: { ...body } }, caller, trace));
  }
}
