import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access-table';
import { Caller, CurrentCaller } from '../../auth/caller';
import { ErrorBodyDto, IntegrityReportDto } from '../commands/dto/command-result.dto';
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
  @ApiOkResponse({ type: IntegrityReportDto })
  @ApiForbiddenResponse({ description: 'Only auditors may run the check.', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: 'No such plan, or not one the caller may see.', type: ErrorBodyDto })
  check(@Param('planId') planId: string, @CurrentCaller() caller: Caller): Promise<IntegrityReportDto> {
    return this.integrity.check(planId, caller);
  }
}
