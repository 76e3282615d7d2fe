import { ImportFormatNotSupportedError, ImportRefusedError } from '@app/application-errors';
import { UNITS } from '@app/domain';
import { Body, Controller, Headers, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { Access } from '../auth/access-table';
import { CurrentCaller, type Caller } from '../auth/caller';
import { CommandTrace, type RequestTrace } from '../plans/commands/command-origin';
import { draftPlanIdFor } from '../plans/commands/plan-ids';
import { ApiRefusal } from '../openapi/answers';
import { IMPORT_FILE_LIMIT_BYTES, IMPORT_MEDIA_TYPES, importFormatOf } from './import-bodies';
import { ImportPlanCommand, type PlanImportAnswer } from './import-plan.command';
import { ImportParams, PlanImportAnswerDto } from './imports.dto';
import { prepareImport } from './plan-import';
import { readPlanWorkbook } from './workbook-reading';

const IMPORT_PROBLEMS_EXAMPLE = [
  { sheet: 'Indicators', row: 7, column: 'Unit', message: `unit: must be one of: ${UNITS.join(', ')}` },
  { sheet: 'Targets', row: 9, column: 'Period', message: "'2023/24-Q5' is not a quarter: quarters run from Q1 (April to June) to Q4 (January to March)." },
];

@ApiTags('imports')
@Controller('v1/imports')
export class ImportsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Access('plans.import')
  @ApiOperation({
    summary: 'Bring a plan in from a workbook laid out as the plan template, a CSV of its sheets, or its JSON',
    description:
      'The body is the file itself, with its Content-Type: XLSX or CSV (`text/csv`, UTF-8) up to ' +
      `${IMPORT_FILE_LIMIT_BYTES / 1024 / 1024} MB, or the plan's JSON as \`GET /v1/plans/{planId}\` answers it, within the API's JSON body limit. ` +
      'Every row becomes the command its route runs (draft the plan, add priorities with their outcomes, define indicators with their targets, ...), ' +
      'validated as that route validates it. `dryRun=true` answers every problem (sheet, row, column, sentence) and writes nothing; ' +
      'otherwise the plan is written whole in one append, or, with any problem, not at all (422 naming them). ' +
      'A plan of that id that exists already is refused with 409, the dry run included. The template is described in docs/import-template.md.',
  })
  @ApiConsumes(IMPORT_MEDIA_TYPES.xlsx, IMPORT_MEDIA_TYPES.csv, IMPORT_MEDIA_TYPES.json)
  @ApiBody({ description: 'The workbook, CSV or JSON plan.', schema: { type: 'string', format: 'binary' } })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key with the same file answers the first import again and writes nothing more; with another file, 422.',
  })
  @ApiOkResponse({ description: 'The dry run: every problem, and what the import would write.', type: PlanImportAnswerDto })
  @ApiCreatedResponse({ description: 'The plan, written whole in one append.', type: PlanImportAnswerDto })
  @ApiBadRequestResponse({ description: 'The file cannot be read as a plan at all: not a workbook, or one far too big.' })
  @ApiRefusal(409, 'A plan of that id exists already.', `A plan with the id 'corporate-services-2023-24' already exists: "Corporate Services Plan 2023/24".`)
  @ApiPayloadTooLargeResponse({ description: 'The file is over the import limit.' })
  @ApiRefusal(415, 'The Content-Type is none the import reads.', new ImportFormatNotSupportedError(Object.values(IMPORT_MEDIA_TYPES)).message)
  @ApiRefusal(
    422,
    'The plan has problems, each named in `problems` (sheet, row, column, sentence), and nothing was written; or the Idempotency-Key was used for another file.',
    new ImportRefusedError(IMPORT_PROBLEMS_EXAMPLE).message,
    { problems: IMPORT_PROBLEMS_EXAMPLE },
  )
  async import(
    @Query() params: ImportParams,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandTrace() trace: RequestTrace,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanImportAnswer> {
    const format = importFormatOf(contentType);
    if (format === null) throw new ImportFormatNotSupportedError(Object.values(IMPORT_MEDIA_TYPES));
    const dryRun = params.dryRun === 'true';
    const workbook = await readPlanWorkbook(format, body);
    const planId = (fromSheet: string | undefined): string =>
      params.planId ?? fromSheet ?? (trace.idempotencyKey ? draftPlanIdFor(caller.council, trace.idempotencyKey) : randomUUID());
    const prepared = await prepareImport(workbook, { council: caller.council, planId });
    // What an Idempotency-Key is bound to: the file's bytes and the plan it is imported as, not a parsed form of them.
    const file = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body ?? null));
    const bound: RequestTrace = { ...trace, body: { format, planId: params.planId ?? null, sha256: createHash('sha256').update(file).digest('hex') } };
    const answer = await this.bus.execute(new ImportPlanCommand(prepared, caller, bound, dryRun));
    void reply.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED);
    if (answer.written) void reply.header('ETag', `"${answer.written.revision}"`);
    return answer;
  }
}
