import { PLAN_LIMITS, VERIFICATION_OUTCOMES, type VerificationOutcome } from '@app/domain';
import {
  BASES,
  FREQUENCIES,
  POLARITIES,
  TARGET_COMPARISONS,
  UNITS,
  type Basis,
  type Figure,
  type Frequency,
  type Polarity,
  type TargetComparison,
  type Unit,
} from '@app/domain';
import { EnumField, FigureField, IdentifierField, NestedListField, NumberField, PeriodField, TextField, TextListField, UserIdField } from '../commands/dto/fields';

/** Data-quality notes are short: a line saying where a figure comes from, a few saying how and what to beware of. */
const SOURCE_LENGTH = 200;
const METHOD_LENGTH = 500;
const CAVEATS_LENGTH = 1000;

const VALUE_DESCRIPTION =
  'The figure the actual is held to, in the unit: a number, a date (YYYY-MM-DD) for a `date` indicator ("by" it with `at-most`), ' +
  'or true or false for a `yes-no` one. Absent for a target not yet set, given in words alone ("TBA", "New PI"), or one relative to a `baseline`.';
const UPPER_DESCRIPTION = 'The top of a `between` range (inclusive); only with `comparison: "between"`.';
const BASELINE_DESCRIPTION =
  'Instead of `value`: the period whose figure the target is relative to ("more than the 2023/24 baseline"), a baseline recorded ' +
  'for it or the plan\'s actual for it, as known when each actual is recorded. Not with `value`, `upper` or `between`; numbers only.';
const COMPARISON_DESCRIPTION =
  'How the actual is held to the figure: `at-least` (80 meets "at least 80"), `more-than`, `at-most`, `less-than` ' +
  '(18 misses "less than 18"), `between` (value to upper, both included) or `equal`. Absent: what the polarity says ' +
  '(`at-least` when higher is better, `at-most` when lower is better, `equal` when on target is best). A comparison ' +
  'that contradicts the polarity is refused. Only with a value.';
const TEXT_DESCRIPTION =
  'The target as the plan words it, kept as written and shown beside the figure. No figure is ever read out of it: ' +
  'words alone are a target not yet set, not rated.';

/** The parts of a target every target statement shares: its figure, comparison, upper figure and words. */
class TargetFiguresDto {
  @FigureField({ description: VALUE_DESCRIPTION, example: 40, optional: true })
  value?: Figure;

  @FigureField({ description: UPPER_DESCRIPTION, example: 98, optional: true })
  upper?: Figure;

  @PeriodField({ description: BASELINE_DESCRIPTION, example: '2023/24', optional: true })
  baseline?: string;

  @EnumField(TARGET_COMPARISONS, { description: COMPARISON_DESCRIPTION, example: 'at-most', optional: true })
  comparison?: TargetComparison;

  @TextField({ description: TEXT_DESCRIPTION, example: 'no more than 40 per 100,000', optional: true })
  text?: string;
}

export class TargetDto extends TargetFiguresDto {
  @PeriodField({ description: 'The year or quarter the target is for.', example: '2023/24' })
  period: string;
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

  @NumberField({
    description:
      'Percent of the target within which a miss is amber; 5 when neither this nor `toleranceAbsolute` is given. A `date` indicator ' +
      'takes days (`toleranceAbsolute`, none when not given) and a `yes-no` one no tolerance.',
    example: 5,
    min: 0,
    optional: true,
  })
  tolerance?: number;

  @NumberField({
    description: "An amount in the indicator's unit (days, for a `date` indicator) within which a miss is amber, instead of `tolerance`; not with it.",
    example: 2,
    min: 0,
    optional: true,
  })
  toleranceAbsolute?: number;

  @IdentifierField({
    description: "The theme of the council's corporate plan in force for the plan's period it serves, by id; checked against it (422 otherwise).",
    example: 'resilient',
    optional: true,
  })
  themeId?: string;

  @NestedListField(() => TargetDto, { description: 'Targets per period.', limit: PLAN_LIMITS.targetsPerIndicator })
  targets: TargetDto[];

  @TextListField({
    description: 'Refs of the priorities, projects or actions it measures, each in the plan; one measure may serve several.',
    example: ['3'],
    limit: PLAN_LIMITS.prioritiesPerIndicator,
    optional: true,
  })
  priorityRefs?: string[];

  @UserIdField({ description: 'User id (the `sub` of their token) of the officer responsible for its returns.', example: 'u-jones', optional: true })
  owner?: string;

  @UserIdField({
    description: 'User id of who verifies its actuals: not the owner. Once named, only they (or the performance team, role `reporting`) may verify or reject its figures.',
    example: 'u-patel',
    optional: true,
  })
  approver?: string;
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

  @NumberField({ description: 'New tolerance, percent of the target; replaces an absolute one.', min: 0, optional: true })
  tolerance?: number;

  @NumberField({ description: "New tolerance, an amount in the indicator's unit; replaces a percent one.", min: 0, optional: true })
  toleranceAbsolute?: number;

  @IdentifierField({ description: "New theme of the corporate plan in force, by id, checked; null unlinks it.", optional: true, nullable: true })
  themeId?: string | null;

  @UserIdField({ description: 'New owner, by user id; null names nobody.', optional: true, nullable: true })
  owner?: string | null;

  @UserIdField({ description: 'New approver, by user id, not the owner; null names nobody.', optional: true, nullable: true })
  approver?: string | null;

  @TextField({ description: 'Why the definition changes.' })
  reason: string;
}

export class SetTargetDto extends TargetFiguresDto {
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

  @FigureField({
    description: 'The figure, in the unit: a number, a date (YYYY-MM-DD) for a `date` indicator, true or false for a `yes-no` one.',
    example: 97.6,
  })
  value: Figure;

  @TextField({ description: 'Commentary on the figure.', optional: true })
  commentary?: string;

  @TextField({
    description: 'Where the figure comes from (a data-quality note).',
    example: 'Bartec collection log, extracted 5 July',
    optional: true,
    maxLength: SOURCE_LENGTH,
  })
  source?: string;

  @TextField({ description: 'How the figure was worked out (a data-quality note).', example: 'Missed collections reported ÷ collections scheduled × 100,000', optional: true, maxLength: METHOD_LENGTH })
  method?: string;

  @TextField({
    description: 'What a reader must know before relying on the figure (a data-quality note).',
    example: 'Two rounds estimated after a system outage',
    optional: true,
    maxLength: CAVEATS_LENGTH,
  })
  caveats?: string;

  @TextField({ description: 'Why; required when the period already has a figure (a restatement).', optional: true })
  reason?: string;
}

export class VerifyActualDto {
  @EnumField(VERIFICATION_OUTCOMES, {
    description: 'The check of the figure: `verified` (it is right) or `rejected` (it is wrong, and stands until restated).',
    example: 'verified',
  })
  outcome: VerificationOutcome;

  @TextField({ description: 'Why; required to reject.', example: 'The return counts March twice', optional: true })
  reason?: string;
}

export class RecordBaselineDto {
  @PeriodField({ description: 'The period the figure is for, before the plan: a year, or a quarter of a quarterly indicator.', example: '2018/19' })
  period: string;

  @FigureField({ description: 'The figure, in the unit (as for an actual).', example: 97.1 })
  value: Figure;

  @TextField({ description: 'Where the figure comes from.', example: '2018/19 outturn, as printed in the plan', optional: true })
  source?: string;

  @TextField({ description: 'A note on the figure.', optional: true })
  note?: string;

  @TextField({ description: 'Why; required when it corrects a baseline the period already has.', optional: true })
  reason?: string;
}

export class LinkIndicatorDto {
  @TextListField({
    description: 'Refs of the priorities, projects or actions it measures, each in the plan; an empty list unlinks it.',
    example: ['3', '5'],
    limit: PLAN_LIMITS.prioritiesPerIndicator,
  })
  priorityRefs: string[];

  @TextField({ description: 'Why; required when it changes links the indicator already has.', optional: true })
  reason?: string;
}
