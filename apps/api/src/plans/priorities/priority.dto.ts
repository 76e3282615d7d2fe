import { PLAN_LIMITS } from '@app/domain';
import { PROGRESS_STATUSES, type ProgressStatus } from '@app/domain';
import { EnumField, IdentifierField, NestedListField, NumberField, PeriodField, TextField, TextListField } from '../commands/dto/fields';

export class OutcomeDto {
  @IdentifierField({ description: 'Unique within the priority; assigned in order ("1", "2", ...) when absent.', example: '1a', optional: true })
  ref?: string;

  @TextField({ description: 'The expected outcome or milestone.', example: '22/23 pre-audit Accounts published' })
  description: string;

  @TextField({
    description: 'The target date as the plan words it: "Oct 2023", "Ongoing", "Throughout the 23/24 year".',
    example: 'June 2023',
    optional: true,
    maxLength: 200,
  })
  targetDate?: string;
}

export class AddPriorityDto {
  @IdentifierField({ description: 'The priority\'s reference in the plan.', example: '3' })
  ref: string;

  @TextField({ description: 'The priority as the plan words it.' })
  title: string;

  @TextListField({
    description: 'Corporate-plan themes it serves.',
    example: ['Resilient and financially sound council'],
    limit: PLAN_LIMITS.themesPerPriority,
  })
  themes: string[];

  @TextField({ description: 'The objective it is grouped under.', example: '6.3 Actively tell residents how we use Council resources', optional: true })
  objective?: string;

  @NestedListField(() => OutcomeDto, { description: 'Expected outcomes, each with its target date.', limit: PLAN_LIMITS.outcomesPerPriority })
  outcomes: OutcomeDto[];
}

export class RevisePriorityDto {
  @TextField({ description: 'New title.', optional: true })
  title?: string;

  @TextListField({ description: 'New list of themes.', optional: true, limit: PLAN_LIMITS.themesPerPriority })
  themes?: string[];

  @TextField({ description: 'New objective; null removes it.', optional: true, nullable: true })
  objective?: string | null;

  @NestedListField(() => OutcomeDto, {
    description: 'The full new list of outcomes, matched to the old ones by ref.',
    optional: true,
    limit: PLAN_LIMITS.outcomesPerPriority,
  })
  outcomes?: OutcomeDto[];

  @TextField({ description: 'Why the priority is revised.', example: 'Reworded to reflect O&S comments' })
  reason: string;
}

export class RecordProgressDto {
  @PeriodField({ description: 'The period the progress is about.' })
  period: string;

  @NumberField({ description: 'Percentage complete, 0 to 100.', example: 50 })
  percentComplete: number;

  @EnumField(PROGRESS_STATUSES, { description: 'Status of the priority or milestone.', example: 'on-track' })
  status: ProgressStatus;

  @TextField({ description: 'Where things stand, as reported.', optional: true })
  position?: string;

  @TextField({ description: 'Commentary for the period.', example: 'Action slipped to Q4', optional: true })
  commentary?: string;

  @IdentifierField({ description: 'The outcome ref this progress is for; the whole priority when absent.', optional: true })
  milestone?: string;
}
