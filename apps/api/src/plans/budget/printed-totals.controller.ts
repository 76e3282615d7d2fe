import { Body, Controller, Param, Put, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { CommandTrace, type RequestTrace } from '../commands/command-origin';
import { ExecutePlanCommand } from '../commands/execute-plan-command';
import { PlanCommandRoute } from '../commands/plan-command-route';
import type { PlanCommandOutcome } from '../commands/plan-command.service';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';
import { SetPrintedBudgetTotalsDto } from './budget.dto';

@ApiTags('budget')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/budget-printed-totals')
export class PrintedBudgetTotalsController {
  constructor(private readonly bus: CommandBus) {}

  @Put()
  @Access('budgetTotals.print')
  @PlanCommandRoute('Set the budget totals the plan prints', {
    creates: false,
    description: 'The full list; each is shown beside the total computed from the lines, with the difference.',
  })
  set(
    @Param('planId') planId: string,
    @Body() body: SetPrintedBudgetTotalsDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'SetPrintedBudgetTotals', data: { ...body } }, caller, trace));
  }
}
