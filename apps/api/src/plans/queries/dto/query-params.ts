import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateBy } from 'class-validator';
import { PLAN_EVENT_TYPES, PLAN_STATUSES, type PlanEventType } from '@app/domain';
import { REPORT_SHEETS, type ReportSheetName } from '../../../exports/plan-sheets';
import { IdentifierField } from '../../commands/dto/fields';
import { InstantParam } from './instant-param';

/** `waitFor=<position>`: answer only once the projections have applied that position. */
export class ReadYourWritesParams {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'A global position, the `position` of a command\'s answer; the answer waits (bounded) until the projections reach it, else 503 with `Retry-After`.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  waitFor?: number;
}

export class PagingParams extends ReadYourWritesParams {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'Items per page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page, as given: an opaque text.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  cursor?: string;
}

export class ListPlansParams extends PagingParams {
  @ApiPropertyOptional({ example: 'Corporate Services', description: 'Only the plans of this service, named exactly.' })
  @IsOptional()
  @IsString()
  service?: string;

  @ApiPropertyOptional({ example: '2023/24', description: 'The plan period label, e.g. 2023/24 or 2020-2023.' })
  @IsOptional()
  @IsString()
  period?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES, description: 'Only the plans at this stage of their life.' })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: (typeof PLAN_STATUSES)[number];
}

/** `asOf` rebuilds the answer from the events recorded up to that instant; the answer says which instant. */
export class AsOfParams extends ReadYourWritesParams {
  @InstantParam({ description: 'The record-time instant to read the answer as of; the answer\'s `asOf` gives the instant used.', dateMeans: 'end-of-day' })
  asOf?: Date;
}

export class ReadPlanParams extends AsOfParams {
  @IdentifierField({ example: '2', description: 'A published version label; the plan as it was when it was published. Not with `asOf`.', optional: true })
  @ValidateBy({
    name: 'notWithAsOf',
    validator: {
      validate: (_, args) => (args?.object as ReadPlanParams | undefined)?.asOf === undefined,
      defaultMessage: () =>
        'version cannot be combined with asOf: ask for the plan as published at a version, or as it stood at an instant, not both',
    },
  })
  version?: string;
}

export class HistoryParams extends PagingParams {
  @InstantParam({ description: 'Recorded at or after this instant.', dateMeans: 'start-of-day' })
  from?: Date;

  @InstantParam({ description: 'Recorded at or before this instant.', dateMeans: 'end-of-day' })
  to?: Date;

  @ApiPropertyOptional({ example: 'TargetChanged', enum: PLAN_EVENT_TYPES, description: 'Only the events of this type.' })
  @IsOptional()
  @IsIn(PLAN_EVENT_TYPES)
  type?: PlanEventType;

  @IdentifierField({ example: 'CP7', description: 'A priority ref, indicator code, budget line code, risk ref, section key or theme id; codes in any capitals ("cp7" is CP7).', optional: true })
  ref?: string;
}

/** A report asked for as CSV holds one of its sheets; XLSX holds them all. */
export class ReportParams extends AsOfParams {
  @ApiPropertyOptional({
    enum: REPORT_SHEETS,
    default: REPORT_SHEETS[0],
    description: 'With `Accept: text/csv`, which of the report\'s tables the file holds (an XLSX workbook holds every one).',
  })
  @IsOptional()
  @IsIn(REPORT_SHEETS)
  sheet?: ReportSheetName;
}
