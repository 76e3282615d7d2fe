import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Access } from '../auth/access-table';
import { ApiAnswer } from '../openapi/answers';
import { CurrentCaller, type Caller } from '../auth/caller';
import { CommandTrace, type RequestTrace } from '../plans/commands/command-origin';
import type { MeetingAnswer } from './council-records.answers';
import { RecordMeetingDto } from './council-records.dto';
import { GetMeetingQuery, RecordMeetingCommand } from './council-records.handlers';

const ANSWER =
  'The meeting as recorded: `meetingId`, `committee`, `meetingDate`, `minuteRef`, `status` (`entered` on every plan, or `interrupted` until it is completed), ' +
  '`plans[]` (`planId`, `comments`, `kind` `scrutiny` or `review`, the `revision` it was checked at, `entry` with the plan\'s `revision` and `position` after it, `refusedBecause`), ' +
  '`position` (the last plan event written, for `waitFor`), `recordedAt`, `recordedBy`.';

@ApiTags('meetings')
@Controller('v1/meetings')
export class MeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('meetings.record')
  @ApiOperation({
    summary: 'Record a meeting that considered several plans',
    description:
      'Recorded once, and entered on every plan it names: as scrutiny (with the meeting\'s id) of a plan not yet approved, as a review of the progress of an approved one, ' +
      'which does not reopen it. Every plan is checked first; if any cannot take it, nothing is recorded and the answer names each plan and why.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key with the same body answers the meeting recorded under it; with another body, 422.' })
  @ApiAnswer('MeetingAnswer', { description: ANSWER, status: 201 })
  @ApiBadRequestResponse({ description: 'The body is invalid; every offending field is named.' })
  @ApiUnprocessableEntityResponse({ description: 'A plan cannot take it (each is named, with why), a plan is named twice, or the meeting is still to come.' })
  record(@Body() body: RecordMeetingDto, @CurrentCaller() caller: Caller, @CommandTrace() trace: RequestTrace): Promise<MeetingAnswer> {
    return this.commands.execute(new RecordMeetingCommand(caller, { ...body, plans: body.plans.map(({ planId, comments }) => ({ planId, comments })) }, trace));
  }

  @Get(':meetingId')
  @Access('meetings.read')
  @ApiOperation({ summary: 'A meeting of the caller\'s council, and where it was entered on each plan' })
  @ApiAnswer('MeetingAnswer', { description: ANSWER })
  @ApiNotFoundResponse({ description: 'No such meeting in the caller\'s council.' })
  read(@Param('meetingId') meetingId: string, @CurrentCaller() caller: Caller): Promise<MeetingAnswer> {
    return this.queries.execute(new GetMeetingQuery(caller, meetingId));
  }
}
