import { ApiProperty } from '@nestjs/swagger';
import { CORPORATE_PLAN_LIMITS, type CorporateObjective, type CorporateTheme } from '@app/domain';
import { IdentifierField, NestedListField, TextField } from '../plans/commands/dto/fields';

const TITLE_LENGTH = 200;
const OBJECTIVE_LENGTH = 1_000;

export class CorporateObjectiveDto implements CorporateObjective {
  @IdentifierField({ description: 'The objective\'s reference within its theme.', example: 'PL1' })
  ref: string;

  @TextField({ description: 'The objective as the corporate plan words it.', example: 'Hart should be a carbon neutral district by 2040', maxLength: OBJECTIVE_LENGTH })
  text: string;
}

export class CorporateThemeDto implements CorporateTheme {
  @IdentifierField({
    description: 'What service plans link to the theme by (a priority\'s `themeIds`, an indicator\'s `themeId`); kept when the title changes.',
    example: 'planet',
  })
  id: string;

  @TextField({ description: 'The theme as the corporate plan prints it.', example: 'Planet', maxLength: TITLE_LENGTH })
  title: string;

  @NestedListField(() => CorporateObjectiveDto, { description: 'The theme\'s objectives; may be empty.', limit: CORPORATE_PLAN_LIMITS.objectivesPerTheme })
  objectives: CorporateObjectiveDto[];
}

export class RecordCorporatePlanDto {
  @IdentifierField({ description: 'The corporate plan\'s id within the council; a new one when absent.', example: 'corporate-plan-2023-27', optional: true })
  corporatePlanId?: string;

  @TextField({ description: 'The corporate plan\'s title.', example: 'Hart District Council Corporate Plan 2023/2027', maxLength: TITLE_LENGTH })
  title: string;

  @TextField({
    description: 'The financial years it covers ("2023-2027", or one year, "2023/24"); no two corporate plans of a council may overlap.',
    example: '2023-2027',
    maxLength: 20,
  })
  period: string;

  @NestedListField(() => CorporateThemeDto, { description: 'Its themes, at least one, each id once.', limit: CORPORATE_PLAN_LIMITS.themes })
  themes: CorporateThemeDto[];
}

export class ReviseCorporatePlanDto {
  @TextField({ description: 'New title.', optional: true, maxLength: TITLE_LENGTH })
  title?: string;

  @NestedListField(() => CorporateThemeDto, {
    description:
      'The themes as they are to stand, in full: a theme left out is removed, one with a new title keeps its id. ' +
      'Links already made to a removed theme stay as recorded; new links to it are refused.',
    optional: true,
    limit: CORPORATE_PLAN_LIMITS.themes,
  })
  themes?: CorporateThemeDto[];

  @TextField({ description: 'Why the corporate plan is revised.', example: 'Council, mid-term review, minute 88' })
  reason: string;
}

export class CorporatePlanCommandResultDto {
  @ApiProperty({ description: 'The corporate plan written to.', example: 'corporate-plan-2023-27' })
  corporatePlanId: string;

  @ApiProperty({ description: 'Revision of the council\'s corporate plans stream after the write.', example: 1 })
  revision: number;

  @ApiProperty({ description: 'Global position of the last event written; pass it as `waitFor` to read your own write.', example: 1234 })
  position: number;

  @ApiProperty({ description: 'Ids of the events written.', type: [String] })
  eventIds: string[];
}
