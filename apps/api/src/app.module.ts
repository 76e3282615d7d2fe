import {
  EventStoreModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
  type OpenApiOptions,
  PlatformConfigModule,
  ProjectorModule,
  ReadStoreModule,
} from '@app/platform';
import { Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { PlanCommandsModule } from './plans/plan-commands.module';
import { PlanQueriesModule } from './plans/plan-queries.module';

export const API_DOCUMENT: OpenApiOptions = {
  title: 'Council service plans',
  description:
    'Service plans of UK councils and their performance: priorities, indicators, targets, actuals, ' +
    'progress, scrutiny, versions and approval, each change an event. Every `/v1` route needs a bearer token.',
  version: '1',
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
    AdminModule,
  ],
})
export class AppModule {}
