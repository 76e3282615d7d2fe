import { ServiceShuttingDownError, TooManyChangeStreamsError } from '@app/application-errors';
import { BadRequestException, Controller, Get, Headers, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { describeValidationErrors } from '@app/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { Access } from '../auth/access-table';
import { CurrentCaller, type Caller } from '../auth/caller';
import { ApiRefusal } from '../openapi/answers';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { ChangeStreams, MAX_STREAMS_PER_CALLER } from './change-streams';
import { ChangesPageDto, ChangesParams, DEFAULT_CHANGES_PAGE, ResumeHeaders } from './changes.dto';
import { ReadChangesQuery } from './read-changes.query';

const EVENT_STREAM = 'text/event-stream';

const STREAM_EXAMPLE =
  'retry: 2000\n\n' +
  'id: 1234\n' +
  'data: {"position":1234,"planId":"hart-cs-2023-24","service":"Corporate Services","revision":9,"type":"TargetChanged",' +
  '"recordedAt":"2024-03-20T10:15:00.000Z","summary":"Target for CP7 2023/24 changed from 97% to 98%: O&S minute 126"}\n\n' +
  ': heartbeat\n\n';

/** The change feed, for the reporting service and anyone following what changes in a council's plans. */
@ApiTags('changes')
@ApiExtraModels(ChangesPageDto)
@Controller('v1/changes')
export class ChangesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly streams: ChangeStreams,
  ) {}

  @Get()
  @Access('changes.follow')
  @ApiOperation({
    summary: "What changed in the caller's council, in global order: a page, or with `Accept: text/event-stream` a stream that stays open",
    description:
      "Every event of the council's plans (an officer's: of their services) once, in order of `position`. " +
      'Page on with `after=<next>`. A stream sends what is already recorded, then each change as it is recorded, ' +
      'as server-sent events whose `id` is the position, and a comment line every 15 s while quiet. ' +
      'A client that reconnects with `Last-Event-ID` (as EventSource does) resumes after that change, missing none and ' +
      `receiving none twice. A caller may hold ${MAX_STREAMS_PER_CALLER} streams open at once.`,
  })
  @ApiProduces('application/json', EVENT_STREAM)
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'For a stream: the `id` of the last event received; the stream resumes after it (instead of `after`).',
  })
  @ApiOkResponse({
    description: 'A page of changes, or the stream.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ChangesPageDto) } },
      [EVENT_STREAM]: {
        schema: {
          type: 'string',
          description: 'Server-sent events, each `id: <position>` and `data: <a change as in the page items, JSON>`.',
          example: STREAM_EXAMPLE,
        },
      },
    },
  })
  @ApiRefusal(400, '`after`, `limit`, `waitFor` or `Last-Event-ID` is not a whole number in range.', ['after must not be less than 0'])
  @ApiRefusal(
    429,
    `The caller already holds ${MAX_STREAMS_PER_CALLER} streams open, or made too many requests.`,
    new TooManyChangeStreamsError(MAX_STREAMS_PER_CALLER).message,
  )
  @ApiRefusal(503, 'The service is shutting down, or `waitFor` was not reached in time.', new ServiceShuttingDownError().message)
  async follow(
    @CurrentCaller() caller: Caller,
    @QueryParams() params: ChangesParams,
    @Headers('accept') accept: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChangesPageDto | Readable> {
    const resumeAfter = lastEventIdOf(lastEventId);
    await this.readYourWrites.waitFor(params.waitFor);
    if (accepts(accept, EVENT_STREAM)) {
      const body = this.streams.open(caller, resumeAfter ?? params.after);
      void reply
        .header('Content-Type', `${EVENT_STREAM}; charset=utf-8`)
        .header('Cache-Control', 'no-cache, no-transform')
        // Proxies such as nginx would otherwise hold the events back until a buffer fills.
        .header('X-Accel-Buffering', 'no');
      return body;
    }
    const { items, next } = await this.queries.execute(new ReadChangesQuery(caller, params.after, params.limit ?? DEFAULT_CHANGES_PAGE));
    return { items, next };
  }
}

function accepts(accept: string | undefined, mediaType: string): boolean {
  return (accept ?? '').split(',').some((range) => range.split(';', 1)[0].trim().toLowerCase() === mediaType);
}

/** The header checked as the query is, a bad one answered 400 naming it; empty, as EventSource means it, is none. */
function lastEventIdOf(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const parsed = plainToInstance(ResumeHeaders, { 'Last-Event-ID': header });
  const errors = validateSync(parsed);
  if (errors.length > 0) throw new BadRequestException(describeValidationErrors(errors));
  return parsed['Last-Event-ID'];
}
