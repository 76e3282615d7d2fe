import { Module } from '@nestjs/common';
import { ProjectionsAdminController } from './projections-admin.controller';
import { ProjectionsAdmin } from './projections-admin.service';

/** The operator's operations: the projections' state, and rebuilding one. Needs the global `Projector`. */
@Module({
  controllers: [ProjectionsAdminController],
  providers: [ProjectionsAdmin],
})
export class AdminModule {}
