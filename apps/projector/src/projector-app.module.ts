import {
  EventStoreModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
  PlatformConfigModule,
  ProjectorModule,
  ReadStoreModule,
} from '@app/platform';
import { Module } from '@nestjs/common';

/**
 * The projection worker: applies events to the read models, with `/health` and `/metrics` and no
 * other route. The store modules come before `ProjectorModule` so that the projector stops first.
 */
@Module({
  imports: [
    PlatformConfigModule,
    LoggingModule,
    MetricsModule,
    EventStoreModule,
    ReadStoreModule,
    ProjectorModule.forRoot('always'),
    HealthModule,
  ],
})
export class ProjectorAppModule {}
