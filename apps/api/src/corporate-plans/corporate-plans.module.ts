import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { CorporatePlansController } from './corporate-plans.controller';
import { CORPORATE_PLAN_HANDLERS } from './corporate-plans.handlers';
import { CorporatePlansStore } from './corporate-plans.store';

/**
 * A council's corporate plans: recorded and revised on their own stream, read from their projection.
 * The plan command side reads the stream through `CorporatePlansStore` to check theme links. Needs the
 * global `EVENT_STORE`, `READ_STORE` and `Projector`.
 */
@Module({
  imports: [CqrsModule],
  controllers: [CorporatePlansController],
  providers: [CorporatePlansStore, ReadYourWrites, ...CORPORATE_PLAN_HANDLERS],
  exports: [CorporatePlansStore],
})
export class CorporatePlansModule {}
