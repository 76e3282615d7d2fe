import { EventStoreModule } from '@app/event-store/nest';
import { LoggingModule, MetricsModule, PlatformConfigModule } from '@app/platform';
import { HealthModule, ProjectorModule } from '@app/projections/nest';
import { ReadStoreModule } from '@app/read-store/nest';
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
