import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlanCommandsModule } from '../plans/plan-commands.module';
import { CouncilRecordStream } from './council-record-stream';
import { COUNCIL_RECORD_HANDLERS } from './council-records.handlers';
import { CouncilRecordsService } from './council-records.service';
import { DecisionsController } from './decisions.controller';
import { InterruptedRecordsRecovery } from './interrupted-records.recovery';
import { MeetingsController } from './meetings.controller';

/**
 * Meetings and decisions covering several plans, each on a stream of its own and entered on each plan
 * through the plans' one command path (`PlanCommandService`). Needs the global `EVENT_STORE`.
 */
@Module({
  imports: [CqrsModule, PlanCommandsModule],
  controllers: [MeetingsController, DecisionsController],
  providers: [CouncilRecordStream, CouncilRecordsService, InterruptedRecordsRecovery, ...COUNCIL_RECORD_HANDLERS],
})
export class CouncilMeetingsModule {}
