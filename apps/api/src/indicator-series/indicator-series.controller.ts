import { Controller, Get, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotModifiedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, assertMayPerform } from '../auth/access-table';
import { CurrentCaller, type Caller } from '../auth/caller';
import { ApiAnswer, ApiRefusal } from '../openapi/answers';
import { IdentifierParamPipe } from '../plans/identifier-param.pipe';
import { NOT_MODIFIED, withIntegrityShown } from '../plans/queries/controllers/plan-queries.controller';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { IndicatorSeriesParams } from './indicator-series.dto';
import { GetIndicatorSeriesQuery } from './indicator-series.queries';

/** One indicator across the plans of a service, year after year. */
@ApiTags('indicators')
@Controller('v1/indicators')
export class IndicatorSeriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':code/series')
  @Access('indicatorSeries.read')
  @ApiAnswer('IndicatorSeriesAnswer', {
    description: 'The series: each plan of the service holding the indicator, and its actuals as one line.',
    headers: {
      ETag: {
        description: "A digest of the keys and revisions of the service's plans; send it back as `If-None-Match` for a 304.",
        schema: { type: 'string' },
      },
    },
  })
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @ApiRefusal(
    404,
    "No plan of the service in the caller's council has the indicator (another council's plans are never looked at).",
    "Indicator CP7 was not found in any plan of the service 'Corporate Services'",
  )
  @ApiOperation({
    summary: "One indicator across the plans of a service, year after year: each plan's targets, actuals and baselines, and every actual as one line to chart",
    description:
      "The same code in successive plans of one service of the caller's council is one series, whatever drafted each plan. " +
      'Each plan holding it is an entry, earliest period first, with its actuals rated as they were when recorded and their direction ' +
      "of travel as the period's report shows it (a plan's first quarter against the plan before it); `points` lists every actual in " +
      'period order with the target it was rated against, as a chart draws them. An officer limited to services reads only theirs. ' +
      'As it stood at a past instant (`asOf`) needs a role of `plans.readAsOf`: editor, governance or auditor; each plan is rebuilt from its ' +
      'events as a plan read `asOf` is, and the answer says `X-Integrity`, naming in `integrity` any plan whose events do not hold.',
  })
  async series(
    @CurrentCaller() caller: Caller,
    @Param('code', IdentifierParamPipe) code: string,
    @QueryParams() params: IndicatorSeriesParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (params.asOf !== undefined) assertMayPerform(caller, 'plans.readAsOf');
    await this.readYourWrites.waitFor(params.waitFor);
    const { answer, tag } = await this.queries.execute(new GetIndicatorSeriesQuery(caller, code, params.service, params.asOf));
    reply.header('ETag', `"${tag}"`);
    return withIntegrityShown(answer, reply);
  }
}
