import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { PlanIntegrityService } from './plan-integrity.service';

/**
 * JSON Lines has no registered media type; `application/x-ndjson` is the one tools recognise for one
 * JSON value per line, and unlike `application/json` it does not claim the body is a single document.
 */
const EVIDENCE_MEDIA_TYPE = 'application/x-ndjson';

@ApiTags('integrity')
@Controller('v1/plans/:planId/evidence')
export class EvidenceController {
  constructor(private readonly integrity: PlanIntegrityService) {}

  @Get()
  @Access('evidence.export')
  @ApiOperation({
    summary: "The plan's whole event log with its hash chain, for an auditor to keep and check offline",
    description:
      'JSON Lines: a header (format, council, planId, streamId, exportedAt, eventCount, headHash, how to verify), then ' +
      'every stored event exactly as stored. `npm run verify-evidence -- <file>` checks it without the service.',
  })
  @ApiProduces(EVIDENCE_MEDIA_TYPE)
  @ApiOkResponse({ description: 'The evidence file, as an attachment.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such plan, or not one the caller may see.' })
  async export(@Param('planId') planId: string, @CurrentCaller() caller: Caller): Promise<StreamableFile> {
    const { filename, lines } = await this.integrity.evidence(planId, caller, new Date());
    return new StreamableFile(Readable.from(lines), {
      type: EVIDENCE_MEDIA_TYPE,
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
