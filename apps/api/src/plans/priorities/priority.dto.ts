import { PLAN_LIMITS } from '@app/domain';
import { PRIORITY_KINDS, PROGRESS_STATUSES, type PriorityKind, type ProgressStatus } from '@app/domain';
import {
  EnumField,
  IdentifierField,
  NestedListField,
  NumberField,
  PeriodField,
  PeriodOrDateField,
  TextField,
  TextListField,
  UserIdField,
} from '../commands/dto/fields';

/** A person's name or post ("Joanne Wagstaffe", "Head of Corporate Services"). */
const NAME_LENGTH = 200;

export class OutcomeDto {
  @IdentifierField({ description: 'Unique within the priority; assigned in order ("1", "2", ...) when absent.', example: '1a', optional: true })
  ref?: string;

  @TextField({ description: 'The expected outcome or milestone.', example: '22/23 pre-audit Accounts published' })
  description: string;

  @TextField({
    description:
      'The target date as the plan words it: "Oct 2023", "Ongoing", "Throughout the 23/24 year", "2020/21 Quarter 1". Kept as written, with the date it names where it names one.',
    example: 'June 2023',
    optional: true,
    maxLength: 200,
  })
  targetDate?: string;

  @PeriodOrDateField({
    description:
      'When the milestone falls due: a quarter or year ("2020/21-Q1", due on its last day) or a date. When absent it is due on the date its target date names, if any. A milestone due before the end of a report\'s period and not completed is overdue in that report.',
    example: '2020/21-Q1',
    optional: true,
  })
  due?: string;
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

  @TextListField({
    description:
      "Themes of the council's corporate plan in force for the plan's period, by id: each must be one of its themes (422 naming it otherwise). " +
      '`themes` stays the words the plan prints, unchecked.',
    example: ['resilient'],
    optional: true,
    limit: PLAN_LIMITS.themesPerPriority,
  })
  themeIds?: string[];

  @TextField({ description: 'The objective it is grouped under.', example: '6.3 Actively tell residents how we use Council resources', optional: true })
  objective?: string;

  @EnumField(PRIORITY_KINDS, { description: 'A service priority, a project or an action; `priority` when absent.', example: 'project', optional: true })
  kind?: PriorityKind;

  @TextField({ description: 'Who sponsors it (projects name a sponsor).', example: 'Joanne Wagstaffe', optional: true, maxLength: NAME_LENGTH })
  sponsor?: string;

  @TextField({ description: 'Who manages it.', example: 'Phil King', optional: true, maxLength: NAME_LENGTH })
  manager?: string;

  @UserIdField({ description: 'User id (the `sub` of their token) of the officer who reports its progress.', example: 'u-jones', optional: true })
  owner?: string;

  @UserIdField({ description: 'User id of who signs its progress off: not the owner.', example: 'u-patel', optional: true })
  approver?: string;

  @NestedListField(() => OutcomeDto, {
    description: 'Expected outcomes or, for a project, its milestones, each with its target date and due.',
    limit: PLAN_LIMITS.outcomesPerPriority,
  })
  outcomes: OutcomeDto[];
}

export class RevisePriorityDto {
  @TextField({ description: 'New title.', optional: true })
  title?: string;

  @TextListField({ description: 'New list of themes.', optional: true, limit: PLAN_LIMITS.themesPerPriority })
  themes?: string[];

  @TextListField({
    description: "New list of the corporate plan's themes by id, each checked against the corporate plan in force; [] unlinks them all.",
    optional: true,
    limit: PLAN_LIMITS.themesPerPriority,
  })
  themeIds?: string[];

  @TextField({ description: 'New objective; null removes it.', optional: true, nullable: true })
  objective?: string | null;

  @EnumField(PRIORITY_KINDS, { description: 'New kind: priority, project or action.', optional: true })
  kind?: PriorityKind;

  @TextField({ description: 'New sponsor; null removes it.', optional: true, nullable: true, maxLength: NAME_LENGTH })
  sponsor?: string | null;

  @TextField({ description: 'New manager; null removes it.', optional: true, nullable: true, maxLength: NAME_LENGTH })
  manager?: string | null;

  @UserIdField({ description: 'New owner, by user id; null names nobody.', optional: true, nullable: true })
  owner?: string | null;

  @UserIdField({ description: 'New approver, by user id, not the owner; null names nobody.', optional: true, nullable: true })
  approver?: string | null;

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
