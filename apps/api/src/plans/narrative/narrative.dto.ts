import { PLAN_LIMITS, SECTION_ORDER_RANGE, SECTION_TEXT_LIMITS } from '@app/domain';
import { IdentifierField, MarkdownField, TextField, TextListField, WholeNumberField } from '../commands/dto/fields';

const TITLE_LENGTH = 200;
const SECTION_TEXT = { maxLength: SECTION_TEXT_LIMITS.characters, maxLines: SECTION_TEXT_LIMITS.lines };
const SECTION_TEXT_EXAMPLE =
  'The progress of this service plan will be monitored in the following ways:\n\n' +
  '- Performance indicator monitoring by the Council\'s Management Board on a quarterly basis\n' +
  '- By Committee reports twice a year (at the end of quarters two and four)';
const OBJECTIVE_EXAMPLE = 'We will produce and deliver a Climate Change Strategy and action plan';

export class AddNarrativeSectionDto {
  @IdentifierField({
    description: 'The section\'s key: any reference ("overview", "key-aims", "structure", "monitoring", "partnerships"), since plans head their prose differently.',
    example: 'monitoring',
  })
  key: string;

  @TextField({ description: 'The heading as the plan prints it.', example: 'Introduction', maxLength: TITLE_LENGTH })
  title: string;

  @MarkdownField({ description: 'The section\'s text in Markdown, kept exactly as written (not trimmed).', example: SECTION_TEXT_EXAMPLE, ...SECTION_TEXT })
  text: string;

  @WholeNumberField({ description: 'Its place in the plan; sections are listed by place, then key, those without one last.', example: 1, optional: true, ...SECTION_ORDER_RANGE })
  order?: number;
}

export class ReviseNarrativeSectionDto {
  @TextField({ description: 'New heading.', optional: true, maxLength: TITLE_LENGTH })
  title?: string;

  @MarkdownField({ description: 'New text in Markdown, kept exactly as written.', optional: true, ...SECTION_TEXT })
  text?: string;

  @WholeNumberField({ description: 'New place in the plan; null takes its place away.', optional: true, nullable: true, ...SECTION_ORDER_RANGE })
  order?: number | null;

  @TextField({ description: 'Why the section is revised.', example: 'Monitoring arrangements updated after O&S comments' })
  reason: string;
}

export class AddContributionDto {
  @IdentifierField({
    description: 'The corporate-plan theme, by the identifier the plan gives it; not checked against the council\'s corporate plan, as a priority\'s `themeIds` are.',
    example: 'sustainable-environment',
  })
  themeId: string;

  @TextField({ description: 'The theme as the plan prints it.', example: 'Sustainable Environment', optional: true, maxLength: TITLE_LENGTH })
  themeTitle?: string;

  @TextListField({
    description: 'The theme\'s objectives the service contributes to, kept as the plan words or numbers them.',
    example: [OBJECTIVE_EXAMPLE],
    optional: true,
    limit: PLAN_LIMITS.objectivesPerContribution,
  })
  objectiveRefs?: string[];

  @TextField({
    description: 'The service\'s contribution in its own words; may be left out when the plan lists the objectives alone.',
    example: 'Corporate Services will support the service departments to meet these priorities.',
    optional: true,
  })
  contribution?: string;
}

export class ReviseContributionDto {
  @TextField({ description: 'The theme as the plan prints it; null removes it.', optional: true, nullable: true, maxLength: TITLE_LENGTH })
  themeTitle?: string | null;

  @TextListField({ description: 'The full new list of objectives.', optional: true, limit: PLAN_LIMITS.objectivesPerContribution })
  objectiveRefs?: string[];

  @TextField({ description: 'The service\'s contribution; null removes it.', optional: true, nullable: true })
  contribution?: string | null;

  @TextField({ description: 'Why the contribution is revised.', example: 'Objectives renumbered in the final Strategic Plan' })
  reason: string;
}
