import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { COUNCIL_REPORT_SHEETS, type CouncilReportSheetName } from '../exports/council-sheets';
import { AsOfParams } from '../plans/queries/dto/query-params';

/** Which of the council's plans a council-wide answer covers, and as of when. */
export class CouncilReportParams extends AsOfParams {
  @ApiPropertyOptional({ example: 'Corporate Services', description: 'Only the plans of this service, written as the plans name it.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  service?: string;

  @ApiPropertyOptional({
    example: 'people',
    description:
      "Only the priorities and indicators naming this theme, and the plans holding any: a theme of the corporate plan by its id (`themeIds`, `themeId`; in any capitals), or a theme in the words the plans print (priorities' `themes`). Risks name no theme, so a theme's answer holds none.",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  theme?: string;
}

/** The council report asked for as CSV holds one of its tables; XLSX holds them all. */
export class CouncilReportSheetParams extends CouncilReportParams {
  @ApiPropertyOptional({
    enum: COUNCIL_REPORT_SHEETS,
    default: COUNCIL_REPORT_SHEETS[0],
    description: "With `Accept: text/csv`, which of the report's tables the file holds (an XLSX workbook holds every one).",
  })
  @IsOptional()
  @IsIn(COUNCIL_REPORT_SHEETS)
  sheet?: CouncilReportSheetName;
}
