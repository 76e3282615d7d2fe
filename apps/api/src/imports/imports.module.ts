import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { FastifyInstance } from 'fastify';
import { PlanCommandsModule } from '../plans/plan-commands.module';
import { acceptImportFiles } from './import-bodies';
import { ImportPlanCommandHandler } from './import-plan.command';
import { ImportsController } from './imports.controller';

/** Plans brought in from spreadsheets, through the one command service (`PlanCommandsModule`). */
@Module({
  imports: [CqrsModule, PlanCommandsModule],
  controllers: [ImportsController],
  providers: [ImportPlanCommandHandler],
})
export class ImportsModule implements OnModuleInit {
  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    acceptImportFiles(this.http.httpAdapter.getInstance<FastifyInstance>());
  }
}
