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
import { AddBudgetLineDto, ReviseBudgetLineDto } from './budget.dto';

@ApiTags('budget')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/budget-lines')
export class BudgetLinesController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('budgetLines.add')
  @PlanCommandRoute('Add a budget line', { creates: true, description: 'A cost centre or service with its amounts per year and kind.' })
  add(
    @Param('planId') planId: string,
    @Body() body: AddBudgetLineDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'AddBudgetLine', data: { ...body } }, caller, trace));
  }

  @Patch(':code')
  @Access('budgetLines.revise')
  @PlanCommandRoute('Revise a budget line', { creates: false, description: 'Its title, note or the full list of its amounts, with a reason.' })
  revise(
    @Param('planId') planId: string,
    @Param('code', IdentifierParamPipe) code: string,
    @Body() body: ReviseBudgetLineDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReviseBudgetLine', data: { ...body, code } }, caller, trace));
  }

  @Delete(':code')
  @Access('budgetLines.remove')
  @PlanCommandRoute('Remove a budget line', { creates: false, description: 'The reason goes in the body.' })
  remove(
    @Param('planId') planId: string,
    @Param('code', IdentifierParamPipe) code: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RemoveBudgetLine', data: { ...body, code } }, caller, trace));
  }
}
