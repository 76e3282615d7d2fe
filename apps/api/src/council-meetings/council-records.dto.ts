import { PLAN_LIMITS, PLANS_PER_COUNCIL_RECORD } from '@app/domain';
import { DateField, IdentifierField, NestedListField, TextField, TextListField } from '../plans/commands/dto/fields';

const PLAN_ID = { description: 'A plan of the caller\'s council.', example: 'hart-place-2024-25', maxLength: 100 };

export class PlanConsideredDto {
  @TextField(PLAN_ID)
  planId: string;

  @TextListField({
    description: "The committee's comments on this plan, one per entry; none when the minutes are cited by reference.",
    example: ['Add a measure of affordable homes delivered.'],
    limit: PLAN_LIMITS.commentsPerScrutiny,
  })
  comments: string[];
}

export class RecordMeetingDto {
  @TextField({ description: 'The committee that met.', example: 'Overview and Scrutiny Committee', maxLength: 200 })
  committee: string;

  @DateField({ description: 'The day it met; not after today.', example: '2024-03-19' })
  meetingDate: string;

  @TextField({ description: 'The minute reference.', example: 'minute 126', optional: true, maxLength: 200 })
  minuteRef?: string;

  @NestedListField(() => PlanConsideredDto, {
    description:
      'Each plan the meeting considered, once: scrutiny of a plan not yet approved, a review of an approved plan\'s progress, which does not reopen it.',
    limit: PLANS_PER_COUNCIL_RECORD,
  })
  plans: PlanConsideredDto[];
}

export class PlanToApproveDto {
  @TextField(PLAN_ID)
  planId: string;

  @IdentifierField({ description: 'The version approved; the latest published when absent, which it must be in any case.', example: '2', optional: true })
  version?: string;
}

export class TakeDecisionDto {
  @TextField({ description: 'The body that decided.', example: 'Cabinet', maxLength: 200 })
  body: string;

  @DateField({ description: 'The day of the decision: not before the scrutiny of any plan it approves, nor after today.', example: '2024-04-04' })
  meetingDate: string;

  @TextField({ description: 'The decision or minute reference, unique within the council: asking again under it changes nothing.', example: 'Cabinet 4 April 2024, Service Plans 2024-25', maxLength: 200 })
  decisionRef: string;

  @TextField({ description: 'What was decided, as the report is titled.', example: 'Service Plans 2024-25', maxLength: 400 })
  title: string;

  @NestedListField(() => PlanToApproveDto, { description: 'Each plan approved, once.', limit: PLANS_PER_COUNCIL_RECORD })
  plans: PlanToApproveDto[];
}
