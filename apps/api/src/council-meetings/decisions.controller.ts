import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Access } from '../auth/access-table';
import { ApiAnswer } from '../openapi/answers';
import { CurrentCaller, type Caller } from '../auth/caller';
import { CommandTrace, type RequestTrace } from '../plans/commands/command-origin';
import type { DecisionAnswer } from './council-records.answers';
import { TakeDecisionDto } from './council-records.dto';
import { GetDecisionQuery, TakeDecisionCommand } from './council-records.handlers';

const ANSWER =
  'The decision as recorded: `decisionId`, `decisionRef`, `body`, `meetingDate`, `title`, `status` (`entered` on every plan, or `interrupted` until it is completed), ' +
  '`plans[]` (`planId`, the `versionLabel` approved, the `revision` it was checked at, `entry` with the plan\'s `revision` and `position` after its approval, `refusedBecause`), ' +
  '`position` (the last approval written, for `waitFor`), `recordedAt`, `recordedBy`.';

@ApiTags('decisions')
@Controller('v1/decisions')
export class DecisionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('decisions.take')
  @ApiOperation({
    summary: 'Record a decision approving several plans',
    description:
      'Every plan is checked first: not approved or closed, its latest version holding everything it says (the one named, if any), the decision dated neither before its scrutiny nor after today. ' +
      'If any cannot be approved, none is, and the answer names each and why. Recorded once, then each plan\'s approval, carrying the decision reference, is written once. ' +
      'The same `decisionRef` again, in the same words, changes nothing and gives the same answer; under another decision\'s words it is refused.',
  })
  @ApiAnswer('DecisionAnswer', { description: ANSWER, status: 201 })
  @ApiBadRequestResponse({ description: 'The body is invalid; every offending field is named.' })
  @ApiUnprocessableEntityResponse({ description: 'A plan cannot be approved (each is named, with why), or the reference names another decision.' })
  take(@Body() body: TakeDecisionDto, @CurrentCaller() caller: Caller, @CommandTrace() trace: RequestTrace): Promise<DecisionAnswer> {
    const plans = body.plans.map(({ planId, version }) => ({ planId, versionLabel: version ?? null }));
    return this.commands.execute(new TakeDecisionCommand(caller, { ...body, plans }, trace));
  }

  @Get(':decisionId')
  @Access('decisions.read')
  @ApiOperation({ summary: 'A decision of the caller\'s council, and each plan\'s approval by it' })
  @ApiAnswer('DecisionAnswer', { description: ANSWER })
  @ApiNotFoundResponse({ description: 'No such decision in the caller\'s council.' })
  read(@Param('decisionId') decisionId: string, @CurrentCaller() caller: Caller): Promise<DecisionAnswer> {
    return this.queries.execute(new GetDecisionQuery(caller, decisionId));
  }
}
