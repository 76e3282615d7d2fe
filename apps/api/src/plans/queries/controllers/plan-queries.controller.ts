import { SpreadsheetOfFailedIntegrityError } from '@app/application-errors';
import { Controller, Get, Headers, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus, type QueryResult } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotModifiedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PlanHistoryEntry } from '@app/projections';
import type { FastifyReply } from 'fastify';
import { Access, assertMayPerform } from '../../../auth/access-table';
import { CurrentCaller, type Caller } from '../../../auth/caller';
import { IdentifierParamPipe } from '../../identifier-param.pipe';
import { PeriodParamPipe } from '../../period-param.pipe';
import { historySheet, REPORT_SHEETS, reportSheets, versionTableSheet } from '../../../exports/plan-sheets';
import { answerFormatOf, spreadsheetAnswer } from '../../../exports/spreadsheet-answer';
import { planTemplateSheets } from '../../../imports/plan-template';
import { ApiAnswer, ApiRefusal } from '../../../openapi/answers';
import { HistoryParams, ListPlansParams, ReadPlanParams, ReadYourWritesParams, ReportParams } from '../dto/query-params';
import {
  DiffVersionsQuery,
  GetHistoryQuery,
  GetPlanQuery,
  GetReportQuery,
  GetVersionTableQuery,
  ListPlansQuery,
} from '../handlers/plan-queries';
import { ReadYourWrites } from '../read-your-writes';

/**
 * Every read of a plan. Answers come from the projections; `asOf` and `version` rebuild the plan
 * from its events; `waitFor` first waits for the projections to reach the caller's last write.
 */
export const NOT_MODIFIED =
  'The answer carries the ETag given in `If-None-Match`: the copy the client holds is current, so no body is sent. ' +
  'An `asOf` or `version` answer whose events fail their check has no ETag, and so is always sent whole.';

const NOT_ACCEPTABLE = 'The `Accept` header allows none of JSON, CSV and XLSX.';

const SPREADSHEET_OF_FAILED_INTEGRITY = 'A spreadsheet was asked of an answer rebuilt from events (`asOf`, `version`) that fail their integrity check.';

const AS_SPREADSHEET =
  'With `Accept: text/csv` or `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` it answers a ' +
  'spreadsheet to save (dates as date cells, figures in their unit, RAG as cell colours, frozen headers).';

/** Entries read per page when the whole trail is taken out as a spreadsheet: the largest page the store serves. */
const HISTORY_EXPORT_PAGE = 200;

@ApiTags('plans')
@ApiBearerAuth()
@Controller('v1/plans')
export class PlanQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Access('plans.list')
  @ApiOperation({ operationId: 'plansList', summary: "The caller's council's plans, filtered and paged" })
  @ApiAnswer('PlanListPage', { description: 'A page of plans, newest change first; `next` is the cursor of the page after, null on the last.' })
  async list(@CurrentCaller() caller: Caller, @QueryParams() params: ListPlansParams) {
    await this.readYourWrites.waitFor(params.waitFor);
    return this.queries.execute(new ListPlansQuery(caller, params));
  }

  @Get(':planId')
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @Access('plans.read')
  @ApiAnswer('PlanAnswer', { description: 'The plan view, or the plan as a spreadsheet in the template\'s layout.', etag: true, spreadsheets: true })
  @ApiRefusal(406, NOT_ACCEPTABLE)
  @ApiRefusal(422, SPREADSHEET_OF_FAILED_INTEGRITY, new SpreadsheetOfFailedIntegrityError().message)
  @ApiOperation({
    operationId: 'plansRead',
    summary: 'The plan now, as of an instant (`asOf`), or as published at a version (`version`)',
    description:
      'Reading a past state (`asOf` or `version`) needs a role of `plans.readAsOf`: editor, governance or auditor. ' +
      'Such an answer re-hashes the stored events it is rebuilt from and says `X-Integrity: ok` or `failed`; when failed, ' +
      'its `integrity` field names the first event that does not hold. ' +
      `${AS_SPREADSHEET} The spreadsheet is laid out as the plan template (docs/import-template.md), one sheet per section, ` +
      'and can be imported again (`POST /v1/imports`); a CSV holds every sheet, each record starting with its sheet\'s name.',
  })
  async read(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadPlanParams,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = answerFormatOf(accept, reply);
    const plan = await readPlanAt(this.queries, this.readYourWrites, caller, planId, params, reply);
    if (format === 'json') return withIntegrityShown(plan, reply);
    if ('integrity' in plan) refuseSpreadsheetOfFailedIntegrity(plan.integrity, reply);
    const at = params.version === undefined ? '' : `-version-${params.version.replace(/[^A-Za-z0-9._-]/g, '-')}`;
    return spreadsheetAnswer(reply, format, planTemplateSheets(plan), { filename: `${planId}${at}`, tag: String(plan.revision), everySheet: true });
  }

  @Get(':planId/history')
  @Access('history.read')
  @ApiAnswer('HistoryPage', { description: 'A page of the audit trail, oldest first.', spreadsheets: true })
  @ApiRefusal(406, NOT_ACCEPTABLE)
  @ApiOperation({
    operationId: 'historyRead',
    summary: 'The audit trail: every event with who, when, why and a one-line summary',
    description: `${AS_SPREADSHEET} A spreadsheet holds every entry the filters select, not one page.`,
  })
  async history(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: HistoryParams,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = answerFormatOf(accept, reply);
    await this.readYourWrites.waitFor(params.waitFor);
    if (format === 'json') return this.queries.execute(new GetHistoryQuery(caller, planId, params));
    const entries: PlanHistoryEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.queries.execute(new GetHistoryQuery(caller, planId, { ...params, limit: HISTORY_EXPORT_PAGE, cursor }));
      entries.push(...page.items);
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    return spreadsheetAnswer(reply, format, [historySheet(planId, entries)], { filename: `${planId}-history` });
  }

  @Get(':planId/versions')
  @Access('versions.read')
  @ApiAnswer('VersionTable', { description: 'The version-control table.', spreadsheets: true })
  @ApiRefusal(406, NOT_ACCEPTABLE)
  @ApiOperation({ operationId: 'versionsRead', summary: 'The version-control table, derived from the version events', description: AS_SPREADSHEET })
  async versions(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @QueryParams() params: ReadYourWritesParams,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = answerFormatOf(accept, reply);
    await this.readYourWrites.waitFor(params.waitFor);
    const table = await this.queries.execute(new GetVersionTableQuery(caller, planId));
    if (format === 'json') return table;
    return spreadsheetAnswer(reply, format, [versionTableSheet(table)], { filename: `${planId}-versions` });
  }

  @Get(':planId/versions/:from/diff/:to')
  @Access('versions.diff')
  @ApiAnswer('PlanDiff', { description: 'What changed from one version to the other, item by item.' })
  @ApiRefusal(404, 'No such plan, or not one the caller may see, or it has no version of that label.', "Plan corporate-services-2023-24 has no version '3'")
  @ApiOperation({ operationId: 'versionsDiff', summary: 'What was added, removed and changed between two versions' })
  async diff(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Param('from', IdentifierParamPipe) from: string,
    @Param('to', IdentifierParamPipe) to: string,
    @QueryParams() params: ReadYourWritesParams,
  ) {
    await this.readYourWrites.waitFor(params.waitFor);
    return this.queries.execute(new DiffVersionsQuery(caller, planId, from, to));
  }

  @Get(':planId/reports/:period')
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @Access('reports.read')
  @ApiAnswer('ReportAnswer', { description: 'The monitoring report for the period.', etag: true, spreadsheets: true })
  @ApiRefusal(406, NOT_ACCEPTABLE)
  @ApiRefusal(422, SPREADSHEET_OF_FAILED_INTEGRITY, new SpreadsheetOfFailedIntegrityError().message)
  @ApiOperation({
    operationId: 'reportsRead',
    summary: 'The monitoring report for a period: RAG, direction of travel, progress and roll-ups',
    description:
      'The report as it stood at a past instant (`asOf`) needs a role of `reports.readAsOf`: editor, governance, auditor or reporting; ' +
      `it says \`X-Integrity\` as a plan read \`asOf\` does. ${AS_SPREADSHEET}`,
  })
  async report(
    @CurrentCaller() caller: Caller,
    @Param('planId') planId: string,
    @Param('period', PeriodParamPipe) period: string,
    @QueryParams() params: ReportParams,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = answerFormatOf(accept, reply);
    if (params.asOf !== undefined) assertMayPerform(caller, 'reports.readAsOf');
    await this.readYourWrites.waitFor(params.waitFor);
    const report = await this.queries.execute(new GetReportQuery(caller, planId, period, params.asOf));
    if (format === 'json') {
      reply.header('ETag', `"${reportTag(report)}"`);
      return withIntegrityShown(report, reply);
    }
    if ('integrity' in report) refuseSpreadsheetOfFailedIntegrity(report.integrity, reply);
    const sheets = reportSheets(report);
    const chosen = format === 'csv' ? [sheets[params.sheet ?? REPORT_SHEETS[0]]] : REPORT_SHEETS.map((name) => sheets[name]);
    const filename = `${planId}-report-${report.period.replace(/\//g, '-')}`;
    return spreadsheetAnswer(reply, format, chosen, { filename, tag: reportTag(report) });
  }
}

/**
 * What a report's ETag is made of: the plan's revision, and once the council has set a roll-up rule
 * or a rule for unverified figures the settings' revision that set each ("42.rollups-3.unverified-5"),
 * since a new rule changes the report of the same revision and a client's copy made with the old one
 * must not be answered 304; and so for the revision of the service's plan before it, whose figures
 * its first periods' direction of travel compares with ("42.before-17").
 */
function reportTag({ revision, rollups, unverifiedFigures, earlierPlan }: QueryResult<GetReportQuery>): string {
  const rollupsPart = rollups.rule.settingsRevision === null ? '' : `.rollups-${rollups.rule.settingsRevision}`;
  const unverifiedPart = unverifiedFigures.settingsRevision === null ? '' : `.unverified-${unverifiedFigures.settingsRevision}`;
  const earlierPart = earlierPlan === null ? '' : `.before-${earlierPlan.revision}`;
  return `${revision}${rollupsPart}${unverifiedPart}${earlierPart}`;
}

/**
 * The plan now, `asOf` or at a `version`, as the plan read and each section's read answer it: the
 * past needs a role of `plans.readAsOf`, `waitFor` waits for the caller's last write, and the
 * answer's ETag is the plan's revision.
 */
export async function readPlanAt(
  queries: QueryBus,
  readYourWrites: ReadYourWrites,
  caller: Caller,
  planId: string,
  params: ReadPlanParams,
  reply: FastifyReply,
): Promise<QueryResult<GetPlanQuery>> {
  if (params.asOf !== undefined || params.version !== undefined) assertMayPerform(caller, 'plans.readAsOf');
  await readYourWrites.waitFor(params.waitFor);
  const plan = await queries.execute(new GetPlanQuery(caller, planId, { asOf: params.asOf, version: params.version }));
  reply.header('ETag', `"${plan.revision}"`);
  return plan;
}

/**
 * A section's answer, for a client that wants one table: the plan read's answer cut to the plan's
 * header (which plan, at which revision and version, as of when) and the section's part, with the
 * integrity of a past answer.
 */
export function planPartAnswer(plan: QueryResult<GetPlanQuery>, part: object, reply: FastifyReply): object {
  const { asOf, revision, version } = plan;
  const section = { ...(asOf === undefined ? {} : { asOf }), planId: plan.planId, revision, version, ...part };
  return withIntegrityShown('integrity' in plan ? { ...section, integrity: plan.integrity } : section, reply);
}

/** Whether the events of an answer rebuilt from them hold; `ok` or `failed`, on `asOf` and `version` answers only. */
const INTEGRITY_HEADER = 'X-Integrity';

/**
 * An answer rebuilt from events says in a header that they were checked; its body names the failure
 * only when there is one, so that an intact past answer stays byte for byte what was served then.
 * A failed answer loses its ETag, so that no client revalidates an intact copy it kept (304) and
 * misses that the events behind it have since been altered.
 */
export function withIntegrityShown<T extends object>(answer: T | (T & { integrity: { ok: boolean } }), reply: FastifyReply): object {
  if (!('integrity' in answer)) return answer;
  const { integrity, ...rest } = answer;
  reply.header(INTEGRITY_HEADER, integrity.ok ? 'ok' : 'failed');
  if (integrity.ok) return rest;
  void reply.removeHeader('ETag');
  return answer;
}

/** Says the integrity of a rebuilt answer, and refuses to make a spreadsheet of altered figures. */
export function refuseSpreadsheetOfFailedIntegrity(integrity: { ok: boolean }, reply: FastifyReply): void {
  reply.header(INTEGRITY_HEADER, integrity.ok ? 'ok' : 'failed');
  if (!integrity.ok) throw new SpreadsheetOfFailedIntegrityError();
}
