import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApprovalController } from './commands/controllers/approval.controller';
import { CloseController } from './commands/controllers/close.controller';
import { EvidenceController } from './commands/controllers/evidence.controller';
import { IndicatorsController } from './commands/controllers/indicators.controller';
import { IntegrityController } from './commands/controllers/integrity.controller';
import { PlansController } from './commands/controllers/plans.controller';
import { PrioritiesController } from './commands/controllers/priorities.controller';
import { ProgressController } from './commands/controllers/progress.controller';
import { ScrutinyController } from './commands/controllers/scrutiny.controller';
import { VersionsController } from './commands/controllers/versions.controller';
import { ExecutePlanCommandHandler } from './commands/execute-plan-command';
import { PlanCommandService } from './commands/plan-command.service';
import { PlanIntegrityService } from './commands/plan-integrity.service';
import { PlanStreamCache } from './commands/plan-stream-cache';
import { PlanRevisionETagInterceptor } from './commands/plan-revision-etag.interceptor';

/**
 * The command side of the HTTP API: one controller per resource, every command through the
 * CommandBus to `PlanCommandService`, and the integrity check over a plan's stream. Needs the
 * global `EVENT_STORE` and `PlanAccessPolicy` (AuthModule).
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    PlansController,
    PrioritiesController,
    IndicatorsController,
    ProgressController,
    ScrutinyController,
    VersionsController,
    ApprovalController,
    CloseController,
    IntegrityController,
    EvidenceController,
  ],
  providers: [PlanStreamCache, PlanCommandService, ExecutePlanCommandHandler, PlanIntegrityService, PlanRevisionETagInterceptor],
})
export class PlanCommandsModule {}
