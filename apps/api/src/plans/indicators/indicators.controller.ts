import { Body, Controller, Param, Patch, Post, Put, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { PeriodParamPipe } from '../period-param.pipe';
import { IdentifierParamPipe } from '../identifier-param.pipe';
import { CommandTrace, type RequestTrace } from '../commands/command-origin';
import {
  DefineIndicatorDto,
  LinkIndicatorDto,
  RecordActualDto,
  RecordBaselineDto,
  ReviseIndicatorDto,
  SetTargetDto,
  VerifyActualDto,
} from './indicator.dto';
import { ExecutePlanCommand } from '../commands/execute-plan-command';
import { PlanCommandRoute } from '../commands/plan-command-route';
import type { PlanCommandOutcome } from '../commands/plan-command.service';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';

@ApiTags('indicators')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/indicators')
export class IndicatorsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('indicators.define')
  @PlanCommandRoute('Define an indicator', { creates: true, description: 'With its unit, polarity, basis, frequency and targets per period.' })
  define(
    @Param('planId') planId: string,
    @Body() body: DefineIndicatorDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'DefineIndicator', data: { ...body } }, caller, trace));
  }

  @Patch(':code')
  @Access('indicators.revise')
  @PlanCommandRoute('Revise an indicator\'s definition', { creates: false, description: 'Any of its definition\'s fields, with a reason.' })
  revise(
    @Param('planId') planId: string,
    @Param('code', IdentifierParamPipe) code: string,
    @Body() body: ReviseIndicatorDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'ReviseIndicator', data: { ...body, code } }, caller, trace));
  }

  @Put(':code/targets/:period')
  @Access('targets.set')
  @ApiParam({ name: 'period', description: 'The year or quarter, with `-` for `/`: "2023-24" or "2023-24-Q1".', example: '2023-24' })
  @PlanCommandRoute('Set or change a target', { creates: false, description: 'Changing a target the period already has needs a reason.' })
  setTarget(
    @Param('planId') planId: string,
    @Param('code', IdentifierParamPipe) code: string,
    @Param('period', PeriodParamPipe) period: string,
    @Body() body: SetTargetDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'SetTarget', data: { ...body, code, period } }, caller, trace));
  }

  @Post(':code/actuals')
  @Access('actuals.record')
  @PlanCommandRoute('Record an actual', { creates: true, description: 'A second figure for the same period is a restatement and needs a reason.' })
  recordActual(
    @Param('planId') planId: string,
    @Param('code', IdentifierParamPipe) code: string,
    @Body() body: RecordActualDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RecordActual', data: { ...body, code } }, caller, trace));
  }

  @Post(':code/actuals/:period/verification')
  @Access('actuals.verify')
  @ApiParam({ name: 'period', example: '2023-24-Q1', description: 'The period of the figure checked.' })
  @PlanCommandRoute('Verify or reject an actual', {
    creates: true,
    description:
      'A second officer checks the figure the period has now: never the officer who entered it. A rejection needs a reason, and the figure ' +
      'stands rejected until it is restated; a restated figure needs verifying again. Reports show each figure\'s check.',
  })
  verifyActual(
    @Param('planId') planId: string,
    @Param('code', IdentifierParamPipe) code: string,
    @Param('period', PeriodParamPipe) period: string,
    @Body() body: VerifyActualDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    const byPerformanceTeam = caller.roles.includes('reporting');
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'VerifyActual', data: { ...body, code, period, byPerformanceTeam } }, caller, trace));
  }

  @Post(':code/baselines')
  @Access('baselines.record')
  @PlanCommandRoute('Record a baseline', {
    creates: true,
    description: 'A figure from before the plan (an earlier year\'s actual), shown under the indicator and used for direction of travel; correcting one needs a reason.',
  })
  recordBaseline(
    @Param('planId') planId: string,
    @Param('code', IdentifierParamPipe) code: string,
    @Body() body: RecordBaselineDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'RecordBaseline', data: { ...body, code } }, caller, trace));
  }

  @Put(':code/priorities')
  @Access('indicators.link')
  @PlanCommandRoute('Link an indicator to what it measures', {
    creates: false,
    description: 'The priorities, projects or actions it measures, all at once; changing links it has needs a reason.',
  })
  link(
    @Param('planId') planId: string,
    @Param('code', IdentifierParamPipe) code: string,
    @Body() body: LinkIndicatorDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<PlanCommandOutcome> {
    return this.bus.execute(new ExecutePlanCommand(planId, { type: 'LinkIndicator', data: { ...body, code } }, caller, trace));
  }
}
