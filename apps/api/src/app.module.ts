import { PLAN_LIMITS } from '@app/domain';
import { EventStoreModule } from '@app/event-store/nest';
import { LoggingModule, MAX_BODY_DEPTH, MetricsModule, type OpenApiOptions, PlatformConfigModule } from '@app/platform';
import { HealthModule, ProjectorModule } from '@app/projections/nest';
import { ReadStoreModule } from '@app/read-store/nest';
import { Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { ChangesModule } from './changes/changes.module';
import { CouncilMeetingsModule } from './council-meetings/council-meetings.module';
import { ImportsModule } from './imports/imports.module';
import { IndicatorSeriesModule } from './indicator-series/indicator-series.module';
import { CorporatePlansModule } from './corporate-plans/corporate-plans.module';
import { completeApiDocument } from './openapi/api-document';
import { PlanCommandsModule } from './plans/plan-commands.module';
import { PlanQueriesModule } from './plans/plan-queries.module';
import { ReportsModule } from './reports/reports.module';
import { ReturnsModule } from './returns/returns.module';
import { SettingsModule } from './settings/settings.module';

export const API_DOCUMENT: OpenApiOptions = {
  title: 'Council service plans',
  description:
    'Service plans of UK councils and their performance: priorities, indicators, targets, actuals, ' +
    'progress, scrutiny, versions and approval, each change an event. Every `/v1` route needs a bearer token.\n\n' +
    `A plan holds at most ${PLAN_LIMITS.prioritiesPerPlan.limit} priorities, ${PLAN_LIMITS.outcomesPerPlan.limit} outcomes in all, ` +
    `${PLAN_LIMITS.indicatorsPerPlan.limit} indicators, ${PLAN_LIMITS.scrutinyRecordsPerPlan.limit} records of scrutiny with ` +
    `${PLAN_LIMITS.commentsPerPlan.limit} comments in all, ${PLAN_LIMITS.risksPerPlan.limit} risks, and ${PLAN_LIMITS.versionsPerPlan.limit} published versions; ` +
    'each list shows its own limit as `maxItems`. A command beyond a limit is refused with 422 naming it. ' +
    'Periods name the financial years 2000/01 to 2099/00. References and codes are plain letters, digits, spaces and ' +
    '`. - _ / ( )`, read the same in a body and a path; codes are compared without regard to case (`cp7` is `CP7`). ' +
    `Bodies nest at most ${MAX_BODY_DEPTH} levels deep.`,
  version: '1',
  complete: completeApiDocument,
};

/**
 * The HTTP service. The store modules come before `ProjectorModule`: the projector must stop before
 * the stores close, and global modules shut down in the reverse order of import.
 */
@Module({
  imports: [
    PlatformConfigModule,
    LoggingModule,
    MetricsModule,
    EventStoreModule,
    ReadStoreModule,
    ProjectorModule.forRoot('in-process-mode'),
    HealthModule,
    AuthModule,
    PlanCommandsModule,
    PlanQueriesModule,
    ImportsModule,
    CouncilMeetingsModule,
    ChangesModule,
    ReportsModule,
    IndicatorSeriesModule,
    ReturnsModule,
    SettingsModule,
    CorporatePlansModule,
    AdminModule,
  ],
})
export class AppModule {}
