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
import { AddContractDto, ReviseContractDto } from './contract.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/contracts')
export class ContractsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('contracts.add')
  @PlanCommandRoute('Add a contract to the register', { creates: true, description: 'Its dates as the register words them, kept as written with the date they mean.' })
  add(
    @Param('planId') planId: string,
    @Body() body: AddContractDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'AddContract', data: { ...body } }, caller, trace));
  }

  @Patch(':ref')
  @Access('contracts.revise')
  @PlanCommandRoute('Revise a contract', { creates: false, description: 'Any of its fields, with a reason.' })
  revise(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReviseContractDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReviseContract', data: { ...body, ref } }, caller, trace));
  }

  @Delete(':ref')
  @Access('contracts.remove')
  @PlanCommandRoute('Remove a contract from the register', { creates: false, description: 'The reason goes in the body.' })
  remove(
    @Param('planId') planId: string,
    @Param('ref', IdentifierParamPipe) ref: string,
    @Body() body: ReasonDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RemoveContract', data: { ...body, ref } }, caller, trace));
  }
}
