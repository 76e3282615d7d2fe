import { UNVERIFIED_FIGURES_RULES, type UnverifiedFiguresRule } from '@app/domain';
import { EnumField, TextField } from '../plans/commands/dto/fields';

export class SetCollectionRuleDto {
  @EnumField(UNVERIFIED_FIGURES_RULES, {
    description:
      'What reports do with a figure no second officer has verified yet: `rated` rates it against its target as any figure, ' +
      '`awaiting-verification` shows it unrated, as awaiting verification. A rejected figure is never rated.',
    example: 'awaiting-verification',
  })
  unverifiedFigures: UnverifiedFiguresRule;

  @TextField({ description: 'Why the rule is set.', example: 'Committee papers carry checked figures only', optional: true })
  reason?: string;
}
