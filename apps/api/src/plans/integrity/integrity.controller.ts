import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { IntegrityReportDto } from '../commands/dto/command-result.dto';
import { PlanIntegrityService } from './plan-integrity.service';

@ApiTags('integrity')
@ApiBearerAuth()
@Controller('v1/plans/:planId/integrity')
export class IntegrityController {
  constructor(private readonly integrity: PlanIntegrityService) {}

  @Get()
  @Access('integrity.check')
  @ApiOperation({
    summary: 'Check the plan\'s event log has not been tampered with',
    description: 'Re-hashes every stored event of the plan and checks each links to the one before; names the first that fails.',
  })
  @ApiOkResponse({
    type: IntegrityReportDto,
    headers: { ETag: { description: 'When the check holds: the revision of the last event checked, in quotes ("42").', schema: { type: 'string' } } },
  })
  @ApiNotModifiedResponse({
    description: 'The check holds and nothing was appended since the answer whose ETag `If-None-Match` gives, so no body is sent.',
  })
  @ApiForbiddenResponse({ description: 'Only auditors may run the check.' })
  @ApiNotFoundResponse({ description: 'No such plan, or not one the caller may see.' })
  async check(
    @Param('planId') planId: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntegrityReportDto> {
    const report = await this.integrity.check(planId, caller);
    // The revision alone does not change when a stored event is altered: a failed check carries no
    // ETag, so that an auditor revalidating an answer that held is never told by a 304 that it still does.
    if (report.ok) reply.header('ETag', `"${report.revision}"`);
    return report;
  }
}
