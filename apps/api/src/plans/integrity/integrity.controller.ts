import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { IntegrityReportDto } from '../commands/dto/command-result.dto';
import { PlanIntegrityService } from './plan-integrity.service';
import { PlanRevisionETagInterceptor } from '../commands/plan-revision-etag.interceptor';

@ApiTags('integrity')
@ApiBearerAuth()
@UseInterceptors(PlanRevisionETagInterceptor)
@Controller('v1/plans/:planId/integrity')
export class IntegrityController {
  constructor(private readonly integrity: PlanIntegrityService) {}

  @Get()
  @Access('integrity.check')
  @ApiOperation({
    summary: 'Check the plan\'s event log has not been tampered with',
    description: 'Re-hashes every stored event of the plan and checks each links to the one before; names the first that fails.',
  })
  @ApiOkResponse({ type: IntegrityReportDto, headers: { ETag: { description: 'The revision of the last event checked, in quotes ("42").', schema: { type: 'string' } } } })
  @ApiNotModifiedResponse({ description: 'The answer carries the ETag given in `If-None-Match`: nothing was appended since, so no body is sent.' })
  @ApiForbiddenResponse({ description: 'Only auditors may run the check.' })
  @ApiNotFoundResponse({ description: 'No such plan, or not one the caller may see.' })
  check(@Param('planId') planId: string, @CurrentCaller() caller: Caller): Promise<IntegrityReportDto> {
    return this.integrity.check(planId, caller);
  }
}
