import { MILESTONE_WITHOUT_ENTRY_RULES, ROLLUP_ROUNDINGS, type MilestoneWithoutEntry, type RollupRounding } from '@app/domain';
import { EnumField, TextField } from '../plans/commands/dto/fields';

export class SetRollupRuleDto {
  @EnumField(ROLLUP_ROUNDINGS, {
    description:
      'How an objective\'s or the plan\'s mean is brought to a whole percent, once, after averaging: `half-up` (62.5 → 63), `half-even` (62.5 → 62, 63.5 → 64) or `down` (62.9 → 62).',
    example: 'half-up',
  })
  rounding: RollupRounding;

  @EnumField(MILESTONE_WITHOUT_ENTRY_RULES, {
    description:
      'A milestone without a progress entry (or a priority tracked as a whole without one): `zero` counts it as 0%, `excluded` leaves it out of the mean.',
    example: 'zero',
  })
  milestoneWithoutEntry: MilestoneWithoutEntry;

  @TextField({ description: 'Why the rule is set.', example: 'As the performance team prints its quarterly report', optional: true })
  reason?: string;
}
