import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BudgetQueriesController } from './budget/budget-queries.controller';
import { ContractsReadController } from './contracts/contracts-read.controller';
import { ContributionsReadController, SectionsReadController } from './narrative/narrative-reads.controller';
import { PlanQueriesController } from './queries/controllers/plan-queries.controller';
import { PLAN_QUERY_HANDLERS } from './queries/handlers/plan-queries';
import { EarlierPlans } from './queries/earlier-plans';
import { PlanReader } from './queries/plan-reader';
import { PlanTimeTravel } from './queries/plan-time-travel';
import { ReadYourWrites } from './queries/read-your-writes';
import { IndicatorsReadController } from './indicators/indicators-read.controller';
import { PrioritiesReadController } from './priorities/priorities-read.controller';
import { RiskRegisterController } from './risks/risk-register.controller';
import { SettingsModule } from '../settings/settings.module';
import { KeyPostsReadController, SkillsReadController, WorkforceReadController } from './workforce/workforce-read.controller';

/** The query side: every read route of the contract, answered from the projections (and reports' roll-up rule from the council's settings). */
@Module({
  imports: [CqrsModule, SettingsModule],
  // Each section's read answers its part of the plan view, through the plan read's one path.
  controllers: [
    PlanQueriesController,
    PrioritiesReadController,
    IndicatorsReadController,
    BudgetQueriesController,
    RiskRegisterController,
    ContractsReadController,
    WorkforceReadController,
    KeyPostsReadController,
    SkillsReadController,
    SectionsReadController,
    ContributionsReadController,
  ],
  providers: [...PLAN_QUERY_HANDLERS, PlanReader, PlanTimeTravel, EarlierPlans, ReadYourWrites],
})
export class PlanQueriesModule {}
