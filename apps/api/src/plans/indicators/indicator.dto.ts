import { PLAN_LIMITS } from '@app/domain';
import {
  BASES,
  FREQUENCIES,
  POLARITIES,
  UNITS,
  type Basis,
  type Frequency,
  type Polarity,
  type Unit,
} from '@app/domain';
import { EnumField, IdentifierField, NestedListField, NumberField, PeriodField, TextField } from '../commands/dto/fields';

export class TargetDto {
  @PeriodField({ description: 'The year or quarter the target is for.', example: '2023/24' })
  period: string;

  @NumberField({ description: 'The target as a number.', example: 98, optional: true })
  value?: number;

  @TextField({ description: 'The target as the plan words it.', example: 'no more than 40 per 100,000', optional: true })
  text?: string;
}

export class DefineIndicatorDto {
  @IdentifierField({ description: 'The indicator\'s code; "cp7" and "CP7" are the same code.', example: 'CP7' })
  code: string;

  @TextField({ description: 'Title.', example: 'Percentage of Council Tax collected.' })
  title: string;

  @TextField({ description: 'How it is measured.', optional: true })
  description?: string;

  @EnumField(UNITS, { description: 'Unit of the values.', example: 'percent' })
  unit: Unit;

  @EnumField(POLARITIES, { description: 'Which way is better.', example: 'higher-is-better' })
  polarity: Polarity;

  @EnumField(BASES, { description: 'What a value stands for.', example: 'cumulative-ytd' })
  basis: Basis;

  @EnumField(FREQUENCIES, { description: 'How often it is reported.', example: 'quarterly' })
  frequency: Frequency;

  @NumberField({ description: 'Percent of the target within which a miss is amber; 5 when absent.', example: 5, min: 0, optional: true })
  tolerance?: number;

  @NestedListField(() => TargetDto, { description: 'Targets per period.', limit: PLAN_LIMITS.targetsPerIndicator })
  targets: TargetDto[];
}

export class ReviseIndicatorDto {
  @TextField({ description: 'New title.', optional: true })
  title?: string;

  @TextField({ description: 'New description; null removes it.', optional: true, nullable: true })
  description?: string | null;

  @EnumField(UNITS, { description: 'New unit.', optional: true })
  unit?: Unit;

  @EnumField(POLARITIES, { description: 'New polarity.', optional: true })
  polarity?: Polarity;

  @EnumField(BASES, { description: 'New basis.', optional: true })
  basis?: Basis;

  @EnumField(FREQUENCIES, { description: 'New frequency.', optional: true })
  frequency?: Frequency;

  @NumberField({ description: 'New tolerance, percent of the target.', min: 0, optional: true })
  tolerance?: number;

  @TextField({ description: 'Why the definition changes.' })
  reason: string;
}

export class SetTargetDto {
  @NumberField({ description: 'The target as a number.', example: 75, optional: true })
  value?: number;

  @TextField({ description: 'The target as the plan words it.', optional: true })
  text?: string;

  @TextField({
    description: 'Why; required when it changes a target the period already has.',
    example: 'Raised after O&S comments',
    optional: true,
  })
  reason?: string;

  @TextField({ description: 'Who authorised the change.', example: 'O&S Committee, minute 126', optional: true })
  authority?: string;
}

export class RecordActualDto {
  @PeriodField({ description: 'The period the figure is for.' })
  period: string;

  @NumberField({ description: 'The figure.', example: 97.6 })
  value: number;

  @TextField({ description: 'Commentary on the figure.', optional: true })
  commentary?: string;

  @TextField({ description: 'Why; required when the period already has a figure (a restatement).', optional: true })
  reason?: string;
}

export class RecordBaselineDto {
  @PeriodField({ description: 'The period the figure is for, before the plan: a year, or a quarter of a quarterly indicator.', example: '2018/19' })
  period: string;

  @NumberField({ description: 'The figure.', example: 97.1 })
  value: number;

  @TextField({ description: 'Where the figure comes from.', example: '2018/19 outturn, as printed in the plan', optional: true })
  source?: string;

  @TextField({ description: 'A note on the figure.', optional: true })
  note?: string;

  @TextField({ description: 'Why; required when it corrects a baseline the period already has.', optional: true })
  reason?: string;
}
