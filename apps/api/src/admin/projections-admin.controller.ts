import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access-table';
import { ApiRefusal } from '../openapi/answers';
import { ProjectionsStatusDto, RebuildAcceptedDto } from './projections-admin.dto';
import { ProjectionsAdmin } from './projections-admin.service';

@ApiTags('admin')
@Controller('v1/admin/projections')
export class ProjectionsAdminController {
  constructor(private readonly admin: ProjectionsAdmin) {}

  @Get()
  @Access('projections.status')
  @ApiOperation({ summary: 'Each projection\'s version, state, checkpoint and lag, and why it failed if it did' })
  @ApiOkResponse({ type: ProjectionsStatusDto })
  status(): Promise<ProjectionsStatusDto> {
    return this.admin.status();
  }

  @Post(':name/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @Access('projections.rebuild')
  @ApiOperation({
    summary: 'Drop a projection\'s documents and replay its events, then run it live again',
    description:
      'Answers at once; the status shows the projection `rebuilding`, with its progress, until it is live again. ' +
      'The other projections run on. Rebuilding a `failed` projection once the cause is fixed brings it back. ' +
      'Reads of this projection see partial documents until the replay ends.',
  })
  @ApiAcceptedResponse({ type: RebuildAcceptedDto, description: 'The rebuild has begun.' })
  @ApiRefusal(404, 'No projection has that name.', "There is no projection named 'plan-histories'; there are plan-view, plan-list, plan-history, ….")
  @ApiRefusal(
    409,
    'A rebuild of it is under way, another instance runs it, or the projector worker runs the projections ' +
      '(PROJECTOR_MODE=external): rebuild there with `npm run rebuild -- <name>`.',
    "This API does not run the projections (PROJECTOR_MODE=external): rebuild plan-history on the projector worker with 'npm run rebuild -- plan-history'.",
  )
  rebuild(@Param('name') name: string): RebuildAcceptedDto {
    return this.admin.rebuild(name);
  }
}
