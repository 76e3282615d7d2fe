import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { CommandTrace, type RequestTrace } from '../commands/command-origin';
import { RecordScrutinyDto } from './governance.dto';
import { ExecutePlanCommand } from '../commands/execute-plan-command';
import { PlanCommandRoute } from '../commands/plan-command-route';
import type { PlanCommandOutcome } from '../commands/plan-command.service';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';

@ApiTags('scrutiny')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/scrutiny')
export class ScrutinyController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('scrutiny.record')
  @PlanCommandRoute('Record scrutiny comments', { creates: true, description: 'The committee, meeting date, minute and its comments.' })
  record(
    @Param('planId') planId: string,
    @Body() body: RecordScrutinyDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RecordScrutiny', data: { ...body } }, caller, trace));
  }
}
