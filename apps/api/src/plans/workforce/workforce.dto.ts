import { PLAN_LIMITS } from '@app/domain';
import { BooleanField, DateField, IdentifierField, NestedListField, NumberField, TextField, WholeNumberField } from '../commands/dto/fields';

/** Far above any service's team, low enough that a headcount is always a count of people. */
const MAX_HEADCOUNT = 100_000;
/** Job titles are short; the texts about a post are paragraphs. */
const JOB_TITLE_LENGTH = 200;

export class AddKeyPostDto {
  @IdentifierField({ description: 'The post\'s reference among the plan\'s single points of failure.', example: 'SPOF1' })
  ref: string;

  @TextField({ description: 'Job title of the single point of failure.', example: 'Senior Communications Officer', maxLength: JOB_TITLE_LENGTH })
  jobTitle: string;

  @TextField({ description: 'Succession planning for the post.', example: 'Data Protection – nothing identified', optional: true })
  succession?: string;

  @TextField({ description: 'Risks and skills required.', example: 'Statutory service. Knowledge of requirements of Civil Contingencies Act.', optional: true })
  skills?: string;

  @TextField({ description: 'Knowledge and networks.', example: 'Active participation in Herts Local Resilience Forum activities', optional: true })
  networks?: string;

  @TextField({ description: 'Impact on the service.', example: 'Less likely to be able to respond to major incident/civil emergency.', optional: true })
  impact?: string;

  @TextField({ description: 'Future options for providing the service.', example: 'Extend traded partnership arrangements.', optional: true })
  options?: string;
}

/** Any of the fields, with a reason; null clears an optional one. */
export class ReviseKeyPostDto {
  @TextField({ description: 'New job title.', optional: true, maxLength: JOB_TITLE_LENGTH })
  jobTitle?: string;

  @TextField({ description: 'New succession planning; null removes it.', optional: true, nullable: true })
  succession?: string | null;

  @TextField({ description: 'New risks and skills required; null removes them.', optional: true, nullable: true })
  skills?: string | null;

  @TextField({ description: 'New knowledge and networks; null removes them.', optional: true, nullable: true })
  networks?: string | null;

  @TextField({ description: 'New impact on the service; null removes it.', optional: true, nullable: true })
  impact?: string | null;

  @TextField({ description: 'New future options; null removes them.', optional: true, nullable: true })
  options?: string | null;

  @TextField({ description: 'Why the post is revised.', example: 'Deputy appointed' })
  reason: string;
}

export class AddSkillDto {
  @IdentifierField({ description: 'The reference of the post\'s line in the skills table.', example: 'SK1' })
  ref: string;

  @TextField({ description: 'Job title.', example: 'Graphic Designer', maxLength: JOB_TITLE_LENGTH })
  jobTitle: string;

  @TextField({ description: 'The skills and qualifications the post needs.', example: 'MoR qualification', optional: true })
  qualification?: string;

  @BooleanField({ description: 'Whether continuing professional development is required.', example: true, optional: true })
  cpdRequired?: boolean;
}

export class ReviseSkillDto {
  @TextField({ description: 'New job title.', optional: true, maxLength: JOB_TITLE_LENGTH })
  jobTitle?: string;

  @TextField({ description: 'New qualification; null removes it.', optional: true, nullable: true })
  qualification?: string | null;

  @BooleanField({ description: 'Whether CPD is required; null when the plan does not say.', optional: true, nullable: true })
  cpdRequired?: boolean | null;

  @TextField({ description: 'Why the skill is revised.', example: 'CPD now required' })
  reason: string;
}

export class WorkforceUnitDto {
  @TextField({ description: 'The team or unit.', example: 'Communications', maxLength: JOB_TITLE_LENGTH })
  name: string;

  @WholeNumberField({ description: 'People in the unit.', example: 4, min: 0, max: MAX_HEADCOUNT })
  headcount: number;

  @NumberField({ description: 'Full-time equivalent, at most the headcount.', example: 3.6, optional: true, min: 0, max: MAX_HEADCOUNT })
  fte?: number;
}

export class RecordWorkforceDto {
  @DateField({ description: 'The date the figures are at.', example: '2020-03-31' })
  asAt: string;

  @NestedListField(() => WorkforceUnitDto, { description: 'Headcount per unit; totals are computed.', limit: PLAN_LIMITS.unitsPerWorkforce })
  units: WorkforceUnitDto[];

  @TextField({ description: 'Why the figures change; required when they replace figures recorded before.', example: 'Year-end figures', optional: true })
  reason?: string;
}
