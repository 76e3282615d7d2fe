import { MAX_DEADLINE_WORKING_DAYS, NATIONS, UNVERIFIED_FIGURES_RULES, type Nation, type UnverifiedFiguresRule } from '@app/domain';
import { EnumField, NestedField, TextField, WholeNumberField } from '../plans/commands/dto/fields';

const workingDays = (returns: string, example: number) =>
  WholeNumberField({
    description: `Working days after the last day of the period that ${returns} returns are due by (the deadline day itself is on time).`,
    example,
    min: 1,
    max: MAX_DEADLINE_WORKING_DAYS,
    optional: true,
  });

export class DeadlineWorkingDaysDto {
  @workingDays('monthly', 10)
  monthly?: number;

  @workingDays('quarterly', 15)
  quarterly?: number;

  @workingDays('annual', 15)
  annual?: number;
}

/** Any part of the rule; what is left out stays as it is, and at least one part is given (else 422). */
export class SetCollectionRuleDto {
  @EnumField(UNVERIFIED_FIGURES_RULES, {
    description:
      'What reports do with a figure no second officer has verified yet: `rated` rates it against its target as any figure, ' +
      '`awaiting-verification` shows it unrated, as awaiting verification. A rejected figure is never rated.',
    example: 'awaiting-verification',
    optional: true,
  })
  unverifiedFigures?: UnverifiedFiguresRule;

  @NestedField(() => DeadlineWorkingDaysDto, {
    description:
      'When returns fall due, in working days (Monday to Friday, not the bank holidays of `nation`) after their period ends, per ' +
      'frequency; a frequency left out keeps its number. Returns of a period fall due by the deadlines in force on its last day.',
    example: { monthly: 10, quarterly: 15, annual: 15 },
    optional: true,
  })
  deadlineWorkingDays?: DeadlineWorkingDaysDto;

  @EnumField(NATIONS, {
    description: "The UK nation whose bank holidays are not working days for the council's deadlines (England and Wales share theirs).",
    example: 'scotland',
    optional: true,
  })
  nation?: Nation;

  @TextField({ description: 'Why the rule is set.', example: 'Committee papers carry checked figures only', optional: true })
  reason?: string;
}
