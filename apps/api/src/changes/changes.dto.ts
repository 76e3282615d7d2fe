import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ReadYourWritesParams } from '../plans/queries/dto/query-params';

export const DEFAULT_CHANGES_PAGE = 100;
export const MAX_CHANGES_PAGE = 1000;

export class ChangesParams extends ReadYourWritesParams {
  @ApiPropertyOptional({
    minimum: 0,
    description:
      'Only changes after this position (exclusive): the `next` of the page before. Absent: from the first change. ' +
      'A stream resumes from its `Last-Event-ID` header instead when one is sent.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CHANGES_PAGE, default: DEFAULT_CHANGES_PAGE, description: 'Changes per page; a stream ignores it.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CHANGES_PAGE)
  limit?: number;
}

/** The `Last-Event-ID` header of a stream that resumes, as class-validator checks it. */
export class ResumeHeaders {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  'Last-Event-ID'?: number;
}

export class ChangeDto {
  @ApiProperty({ description: 'Global position of the event; also the `id` of its server-sent event.', example: 1234 })
  position: number;

  @ApiProperty({ example: 'hart-cs-2023-24' })
  planId: string;

  @ApiProperty({ description: 'The service the plan belongs to.', example: 'Corporate Services' })
  service: string;

  @ApiProperty({ description: "The plan stream's revision after this event.", example: 9 })
  revision: number;

  @ApiProperty({ description: 'The event type; later releases add types, each carried as it comes.', example: 'TargetChanged' })
  type: string;

  @ApiProperty({ description: 'When the event was recorded (ISO 8601).', example: '2024-03-20T10:15:00.000Z' })
  recordedAt: string;

  @ApiProperty({ description: 'The one line the audit trail shows for it.', example: 'Target for CP7 2023/24 changed from 97% to 98%: O&S minute 126' })
  summary: string;
}

export class ChangesPageDto {
  @ApiProperty({ type: [ChangeDto], description: 'In global order, each once.' })
  items: ChangeDto[];

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The position of the last change served (else the `after` given): pass it as `after` for what follows. ' +
      'Null only while nothing has been served. A page shorter than `limit` means the feed is caught up for now.',
    example: 1234,
  })
  next: number | null;
}
