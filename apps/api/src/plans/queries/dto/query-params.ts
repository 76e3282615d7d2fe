import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { PLAN_STATUSES } from '@app/domain';

/** `waitFor=<position>`: answer only once the projections have applied that position. */
export class ReadYourWritesParams {
  @ApiPropertyOptional({ description: 'Global position from a command response; the answer waits (bounded) until the projections reach it.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  waitFor?: number;
}

export class PagingParams extends ReadYourWritesParams {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  cursor?: string;
}

export class ListPlansParams extends PagingParams {
  @ApiPropertyOptional({ example: 'Corporate Services' })
  @IsOptional()
  @IsString()
  service?: string;

  @ApiPropertyOptional({ example: '2023/24', description: 'The plan period label, e.g. 2023/24 or 2020-2023.' })
  @IsOptional()
  @IsString()
  period?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: (typeof PLAN_STATUSES)[number];
}

/** `asOf` rebuilds the answer from the events recorded up to that instant. */
export class AsOfParams extends ReadYourWritesParams {
  @ApiPropertyOptional({ example: '2024-03-19T18:00:00Z', description: 'Record-time instant (ISO 8601).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class ReadPlanParams extends AsOfParams {
  @ApiPropertyOptional({ example: '2', description: 'A published version label; the plan as it was when it was published.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  version?: string;
}

export class HistoryParams extends PagingParams {
  @ApiPropertyOptional({ description: 'Recorded at or after this instant (ISO 8601).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Recorded at or before this instant (ISO 8601).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ example: 'TargetChanged' })
  @IsOptional()
  @IsString()
  type?: string;

  @ApiPropertyOptional({ example: 'CP7', description: 'A priority ref or indicator code.' })
  @IsOptional()
  @IsString()
  ref?: string;
}
