import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { SettingsModule } from '../settings/settings.module';
import { ReturnsController } from './returns.controller';
import { GetReturnsHandler } from './returns.queries';

/** `GET /v1/returns`, read from the plans' returns and the council's deadlines. Needs the global `Projector`. */
@Module({
  imports: [CqrsModule, SettingsModule],
  controllers: [ReturnsController],
  providers: [GetReturnsHandler, ReadYourWrites],
})
export class ReturnsModule {}
