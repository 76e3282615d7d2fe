import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../../../auth/access-table';
import { Caller, CurrentCaller } from '../../../auth/caller';
import { CommandTrace, type RequestTrace } from '../command-origin';
import { PublishVersionDto } from '../dto/plan.dto';
import { ExecutePlanCommand } from '../execute-plan-command';
import { PlanCommandRoute } from '../plan-command-route';
import type { PlanCommandOutcome } from '../plan-command.service';
import { PlanRevisionETagInterceptor } from '../plan-revision-etag.interceptor';

@ApiTags('versions')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/versions')
export class VersionsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('versions.publish')
  @PlanCommandRoute('Publish a version', { creates: true, description: 'A row of the plan\'s version-control table: label and reason.' })
  publish(
    @Param('planId') planId: string,
    @Body() body: PublishVersionDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'PublishVersion', data: { ...body } }, caller, trace));
  }
}
