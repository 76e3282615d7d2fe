import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlanTimeTravel } from '../plans/queries/plan-time-travel';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { IndicatorSeriesController } from './indicator-series.controller';
import { GetIndicatorSeriesHandler } from './indicator-series.queries';

/** `GET /v1/indicators/{code}/series`, read from the `indicator_series` projection. Needs the global `Projector`. */
@Module({
  imports: [CqrsModule],
  controllers: [IndicatorSeriesController],
  providers: [GetIndicatorSeriesHandler, PlanTimeTravel, ReadYourWrites],
})
export class IndicatorSeriesModule {}
