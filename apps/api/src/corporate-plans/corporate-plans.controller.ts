import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Access } from '../auth/access-table';
import { CurrentCaller, type Caller } from '../auth/caller';
import { CommandTrace, type RequestTrace } from '../plans/commands/command-origin';
import { actorFor } from '../plans/commands/plan-command.service';
import { ApiAnswer } from '../openapi/answers';
import { IdentifierParamPipe } from '../plans/identifier-param.pipe';
import { PagingParams, ReadYourWritesParams } from '../plans/queries/dto/query-params';
import type { Page } from '../plans/queries/handlers/plan-queries';
import { CorporatePlanCommandResultDto, RecordCorporatePlanDto, ReviseCorporatePlanDto } from './corporate-plans.dto';
import {
  ExecuteCorporatePlanCommand,
  GetCorporatePlanQuery,
  ListCorporatePlansQuery,
  type CorporatePlanAnswer,
  type CorporatePlanHistoryAnswer,
} from './corporate-plans.handlers';
import type { CorporatePlanCommandOutcome } from './corporate-plans.store';

const PLAN_ANSWER =
  'The corporate plan: `corporatePlanId`, `council`, `title`, `period` and `periodRange`, its `themes` (`id`, `title`, `objectives` of `ref` and `text`), `recordedAt` and `updatedAt`.';
const NOT_FOUND = { description: "No corporate plan of the caller's council has this id (another council's answers the same)." };

@ApiTags('corporate plans')
@Controller('v1/corporate-plans')
export class CorporatePlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('corporatePlans.record')
  @ApiOperation({
    summary: "Record the council's corporate plan: its period and its themes with their objectives",
    description: "Service plans whose period it covers may then link their priorities and indicators to its themes by id. Without `corporatePlanId`, the id is new.",
  })
  @ApiCreatedResponse({ description: 'Recorded.', type: CorporatePlanCommandResultDto })
  @ApiBadRequestResponse({ description: 'The body is invalid; every offending field is named.' })
  @ApiConflictResponse({ description: 'The council already has a corporate plan of that id.' })
  @ApiUnprocessableEntityResponse({
    description: 'Its period overlaps another corporate plan of the council, or is not whole financial years; no theme, or a theme id or objective ref given twice.',
  })
  record(@Body() body: RecordCorporatePlanDto, @CurrentCaller() caller: Caller, @CommandTrace() trace: RequestTrace): Promise<CorporatePlanCommandOutcome> {
    const { title, period, themes } = body;
    const command = { type: 'RecordCorporatePlan' as const, data: { corporatePlanId: body.corporatePlanId ?? randomUUID(), title, period, themes } };
    return this.commands.execute(new ExecuteCorporatePlanCommand(caller, actorFor(caller, trace), command, trace));
  }

  @Patch(':corporatePlanId')
  @Access('corporatePlans.revise')
  @ApiOperation({
    summary: 'Revise the corporate plan: its title or its themes, with a reason',
    description:
      'A theme renamed keeps its id, so the priorities and indicators linked to it follow. A theme left out of `themes` is removed: ' +
      'what service plans recorded against it stays as recorded, and new links to it are refused.',
  })
  @ApiOkResponse({ description: 'Revised.', type: CorporatePlanCommandResultDto })
  @ApiBadRequestResponse({ description: 'The body is invalid; every offending field is named.' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiUnprocessableEntityResponse({ description: 'No reason, nothing would change, or the themes break a rule of the corporate plan.' })
  revise(
    @Param('corporatePlanId', IdentifierParamPipe) corporatePlanId: string,
    @Body() body: ReviseCorporatePlanDto,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
  ): Promise<CorporatePlanCommandOutcome> {
    const command = { type: 'ReviseCorporatePlan' as const, data: { corporatePlanId, title: body.title, themes: body.themes, reason: body.reason } };
    return this.commands.execute(new ExecuteCorporatePlanCommand(caller, actorFor(caller, trace), command, trace));
  }

  @Get()
  @Access('corporatePlans.read')
  @ApiOperation({ summary: "The council's corporate plans, earliest period first" })
  @ApiAnswer('CorporatePlanPage', { description: `\`items\`, each ${PLAN_ANSWER.slice(4)} \`next\`: the cursor of the next page, or null.` })
  list(@Query() params: PagingParams, @CurrentCaller() caller: Caller): Promise<Page<CorporatePlanAnswer>> {
    return this.queries.execute(new ListCorporatePlansQuery(caller, params));
  }

  @Get(':corporatePlanId')
  @Access('corporatePlans.read')
  @ApiOperation({ summary: 'A corporate plan as it stands' })
  @ApiAnswer('CorporatePlanAnswer', { description: PLAN_ANSWER })
  @ApiNotFoundResponse(NOT_FOUND)
  async read(
    @Param('corporatePlanId', IdentifierParamPipe) corporatePlanId: string,
    @Query() params: ReadYourWritesParams,
    @CurrentCaller() caller: Caller,
  ): Promise<CorporatePlanAnswer> {
    const { history: _history, ...plan } = await this.queries.execute(new GetCorporatePlanQuery(caller, corporatePlanId, params.waitFor));
    return plan;
  }

  @Get(':corporatePlanId/history')
  @Access('corporatePlans.history')
  @ApiOperation({ summary: 'What changed in the corporate plan, when, by whom and why, oldest first' })
  @ApiAnswer('CorporatePlanHistoryAnswer', { description: '`corporatePlanId` and `entries`, each `type`, `recordedAt`, `actor` (`name`, `role`), `reason` and `changes`, one line per change.' })
  @ApiNotFoundResponse(NOT_FOUND)
  async history(
    @Param('corporatePlanId', IdentifierParamPipe) corporatePlanId: string,
    @Query() params: ReadYourWritesParams,
    @CurrentCaller() caller: Caller,
  ): Promise<CorporatePlanHistoryAnswer> {
    const { history } = await this.queries.execute(new GetCorporatePlanQuery(caller, corporatePlanId, params.waitFor));
    return { corporatePlanId, entries: history };
  }
}
