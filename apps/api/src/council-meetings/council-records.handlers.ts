import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DecisionAsked, MeetingAsked } from '@app/domain';
import type { Caller } from '../auth/caller';
import type { RequestTrace } from '../plans/commands/command-origin';
import type { DecisionAnswer, MeetingAnswer } from './council-records.answers';
import { CouncilRecordsService } from './council-records.service';

export class RecordMeetingCommand extends Command<MeetingAnswer> {
  constructor(
    readonly caller: Caller,
    readonly meeting: MeetingAsked,
    readonly trace: RequestTrace,
  ) {
    super();
  }
}

export class TakeDecisionCommand extends Command<DecisionAnswer> {
  constructor(
    readonly caller: Caller,
    readonly decision: DecisionAsked,
    readonly trace: RequestTrace,
  ) {
    super();
  }
}

export class GetMeetingQuery extends Query<MeetingAnswer> {
  constructor(
    readonly caller: Caller,
    readonly meetingId: string,
  ) {
    super();
  }
}

export class GetDecisionQuery extends Query<DecisionAnswer> {
  constructor(
    readonly caller: Caller,
    readonly decisionId: string,
  ) {
    super();
  }
}

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand, MeetingAnswer> {
  constructor(private readonly records: CouncilRecordsService) {}

  execute({ caller, meeting, trace }: RecordMeetingCommand): Promise<MeetingAnswer> {
    return this.records.recordMeeting(caller, meeting, trace);
  }
}

@CommandHandler(TakeDecisionCommand)
export class TakeDecisionHandler implements ICommandHandler<TakeDecisionCommand, DecisionAnswer> {
  constructor(private readonly records: CouncilRecordsService) {}

  execute({ caller, decision, trace }: TakeDecisionCommand): Promise<DecisionAnswer> {
    return this.records.takeDecision(caller, decision, trace);
  }
}

@QueryHandler(GetMeetingQuery)
export class GetMeetingHandler implements IQueryHandler<GetMeetingQuery, MeetingAnswer> {
  constructor(private readonly records: CouncilRecordsService) {}

  execute({ caller, meetingId }: GetMeetingQuery): Promise<MeetingAnswer> {
    return this.records.readMeeting(caller, meetingId);
  }
}

@QueryHandler(GetDecisionQuery)
export class GetDecisionHandler implements IQueryHandler<GetDecisionQuery, DecisionAnswer> {
  constructor(private readonly records: CouncilRecordsService) {}

  execute({ caller, decisionId }: GetDecisionQuery): Promise<DecisionAnswer> {
    return this.records.readDecision(caller, decisionId);
  }
}

export const COUNCIL_RECORD_HANDLERS = [RecordMeetingHandler, TakeDecisionHandler, GetMeetingHandler, GetDecisionHandler];
