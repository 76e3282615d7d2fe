import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BudgetLinesController } from './budget/budget-lines.controller';
import { PrintedBudgetTotalsController } from './budget/printed-totals.controller';
import { ApprovalController } from './governance/approval.controller';
import { CloseController } from './governance/close.controller';
import { RollForwardController } from './governance/roll-forward.controller';
import { RollForwardPlanHandler } from './governance/roll-forward.command';
import { ContractsController } from './contracts/contracts.controller';
import { EvidenceController } from './integrity/evidence.controller';
import { IndicatorsController } from './indicators/indicators.controller';
import { IntegrityController } from './integrity/integrity.controller';
import { PlansController } from './governance/plans.controller';
import { ContributionsController } from './narrative/contributions.controller';
import { SectionsController } from './narrative/sections.controller';
import { PrioritiesController } from './priorities/priorities.controller';
import { ProgressController } from './priorities/progress.controller';
import { RisksController } from './risks/risks.controller';
import { ScrutinyController } from './governance/scrutiny.controller';
import { VersionsController } from './governance/versions.controller';
import { KeyPostsController, SkillsController, WorkforceController } from './workforce/workforce.controller';
import { ExecutePlanCommandHandler } from './commands/execute-plan-command';
import { PlanCommandService } from './commands/plan-command.service';
import { PlanIntegrityService } from './integrity/plan-integrity.service';
import { PlanStreamCache } from './commands/plan-stream-cache';
import { PlanRevisionETagInterceptor } from './commands/plan-revision-etag.interceptor';
import { SettingsModule } from '../settings/settings.module';
import { CorporatePlansModule } from '../corporate-plans/corporate-plans.module';

/**
 * The command side of the HTTP API: one folder per kind of content (its DTOs and controllers), every command through the
 * CommandBus to `PlanCommandService`, and the integrity check over a plan's stream. Needs the
 * global `EVENT_STORE` and `PlanAccessPolicy` (AuthModule), the council's settings (SettingsModule), whose risk matrix the decisions scoring risks are given, and its corporate plans (CorporatePlansModule), against which theme links are checked.
 */
@Module({
  imports: [CqrsModule, SettingsModule, CorporatePlansModule],
  controllers: [
    // governance: drafting, scrutiny, versions, approval, closing, rolling forward to next year
    PlansController,
    ScrutinyController,
    VersionsController,
    ApprovalController,
    CloseController,
    RollForwardController,
    // priorities and their progress
    PrioritiesController,
    ProgressController,
    // indicators, their targets and actuals
    IndicatorsController,
    // budget lines and the totals the plan prints
    BudgetLinesController,
    PrintedBudgetTotalsController,
    // the risk register and its reviews
    RisksController,
    // the contracts register
    ContractsController,
    // the workforce at a date, single points of failure, skills and qualifications
    WorkforceController,
    KeyPostsController,
    SkillsController,
    // narrative sections and contributions to corporate themes
    SectionsController,
    ContributionsController,
    // integrity and evidence over the whole stream
    IntegrityController,
    EvidenceController,
  ],
  providers: [PlanStreamCache, PlanCommandService, ExecutePlanCommandHandler, RollForwardPlanHandler, PlanIntegrityService, PlanRevisionETagInterceptor],
  // Imports bring a whole plan in through the same service, and meetings and decisions covering several plans enter themselves on each through it.
  exports: [PlanCommandService],
})
export class PlanCommandsModule {}
