import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EarlierPlans } from '../plans/queries/earlier-plans';
import { PlanTimeTravel } from '../plans/queries/plan-time-travel';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { SettingsModule } from '../settings/settings.module';
import { CouncilReportPlans } from './council-report-plans';
import { COUNCIL_REPORT_QUERY_HANDLERS } from './council-report.queries';
import { CouncilReportsController } from './council-reports.controller';

/** The council-wide reports, `GET /v1/reports/{period}` and its exceptions, read from the plans' report inputs. Needs the global `Projector`. */
@Module({
  imports: [CqrsModule, SettingsModule],
  controllers: [CouncilReportsController],
  providers: [...COUNCIL_REPORT_QUERY_HANDLERS, CouncilReportPlans, PlanTimeTravel, EarlierPlans, ReadYourWrites],
})
export class ReportsModule {}
