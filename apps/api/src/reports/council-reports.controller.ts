import { Controller, Get, Headers, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotModifiedResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CouncilReportFilters } from '@app/projections';
import type { FastifyReply } from 'fastify';
import { Access, assertMayPerform } from '../auth/access-table';
import { ApiAnswer } from '../openapi/answers';
import { CurrentCaller, type Caller } from '../auth/caller';
import { COUNCIL_REPORT_SHEETS, councilExceptionsSheet, councilReportSheets } from '../exports/council-sheets';
import { answerFormatOf, spreadsheetAnswer } from '../exports/spreadsheet-answer';
import { ANSWER_FORMATS } from '../exports/spreadsheet-format';
import { PeriodParamPipe } from '../plans/period-param.pipe';
import { NOT_MODIFIED, refuseSpreadsheetOfFailedIntegrity, withIntegrityShown } from '../plans/queries/controllers/plan-queries.controller';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { CouncilReportParams, CouncilReportSheetParams } from './council-report.dto';
import { GetCouncilExceptionsQuery, GetCouncilReportQuery, type CouncilAnswer } from './council-report.queries';

const SPREADSHEET_MEDIA_TYPES = Object.values(ANSWER_FORMATS).map(({ mediaType }) => mediaType);

const SCOPE =
  "Every plan of the caller's council whose period holds the whole of the period asked for; an officer limited to services sees " +
  "only their services' plans. A period no plan covers answers 200 with no plan and a `note` saying so (and which periods the plans cover). " +
  'As it stood at a past instant (`asOf`) needs a role of `reports.readAsOf`: editor, governance, auditor or reporting; each plan is rebuilt ' +
  'from its events as a plan read `asOf` is, and the answer says `X-Integrity`, naming in `integrity` any plan whose events do not hold. ' +
  'With `Accept: text/csv` or `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` it answers a spreadsheet to save ' +
  '(RAG as cell colours, frozen headers).';

const COUNCIL_ETAG = {
  ETag: {
    description: 'A digest of the keys and revisions of the plans in scope (and the roll-up rule once set); send it back as `If-None-Match` for a 304.',
    schema: { type: 'string' },
  },
};

/** Across all of a council's plans: the quarter's monitoring report and its exceptions, from the projections. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class CouncilReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':period')
  @ApiAnswer('CouncilReportAnswer', { description: 'The report across the plans in scope.', spreadsheets: true, headers: COUNCIL_ETAG })
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @Access('councilReports.read')
  @ApiProduces(...SPREADSHEET_MEDIA_TYPES)
  @ApiOperation({
    summary: "The council's monitoring report for a period across its plans: each plan's indicators and priorities, RAG counts, roll-ups per service and theme",
    description: SCOPE,
  })
  async report(
    @CurrentCaller() caller: Caller,
    @Param('period', PeriodParamPipe) period: string,
    @QueryParams() params: CouncilReportSheetParams,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = answerFormatOf(accept, reply);
    const filters = await this.filtersOf(caller, params);
    const found = await this.queries.execute(new GetCouncilReportQuery(caller, period, filters, params.asOf));
    if (format === 'json') return answerAsJson(found, reply);
    const sheets = councilReportSheets(found.answer);
    const chosen = format === 'csv' ? [sheets[params.sheet ?? COUNCIL_REPORT_SHEETS[0]]] : COUNCIL_REPORT_SHEETS.map((name) => sheets[name]);
    return this.asSpreadsheet(found, reply, format, chosen, `${caller.council}-report-${period.replace(/\//g, '-')}`);
  }

  @Get(':period/exceptions')
  @ApiAnswer('CouncilExceptionsAnswer', { description: 'The exceptions across the plans in scope.', spreadsheets: true, headers: COUNCIL_ETAG })
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @Access('councilExceptions.read')
  @ApiProduces(...SPREADSHEET_MEDIA_TYPES)
  @ApiOperation({
    summary:
      "The exceptions of the council's plans for a period: red and amber indicators, off-track and slipped priorities, overdue milestones and very high risks, each with its plan, service and why",
    description: SCOPE,
  })
  async exceptions(
    @CurrentCaller() caller: Caller,
    @Param('period', PeriodParamPipe) period: string,
    @QueryParams() params: CouncilReportParams,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = answerFormatOf(accept, reply);
    const filters = await this.filtersOf(caller, params);
    const found = await this.queries.execute(new GetCouncilExceptionsQuery(caller, period, filters, params.asOf));
    if (format === 'json') return answerAsJson(found, reply);
    const filename = `${caller.council}-exceptions-${period.replace(/\//g, '-')}`;
    return this.asSpreadsheet(found, reply, format, [councilExceptionsSheet(found.answer)], filename);
  }

  /** The past needs a role of `reports.readAsOf`, and `waitFor` waits for the caller's last write, as for a plan's report. */
  private async filtersOf(caller: Caller, params: CouncilReportParams): Promise<CouncilReportFilters> {
    if (params.asOf !== undefined) assertMayPerform(caller, 'reports.readAsOf');
    await this.readYourWrites.waitFor(params.waitFor);
    return { service: params.service ?? null, theme: params.theme ?? null };
  }

  private asSpreadsheet<T>(
    { answer, tag }: CouncilAnswer<T>,
    reply: FastifyReply,
    format: 'csv' | 'xlsx',
    sheets: Parameters<typeof spreadsheetAnswer>[2],
    filename: string,
  ) {
    if (answer.integrity !== undefined) refuseSpreadsheetOfFailedIntegrity(answer.integrity, reply);
    return spreadsheetAnswer(reply, format, sheets, { filename, tag });
  }
}

function answerAsJson<T extends object>({ answer, tag }: CouncilAnswer<T>, reply: FastifyReply): object {
  reply.header('ETag', `"${tag}"`);
  return withIntegrityShown(answer, reply);
}
