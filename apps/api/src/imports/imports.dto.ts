import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PlanCommandResultDto } from '../plans/commands/dto/command-result.dto';
import { PlanIdField } from '../plans/governance/governance.dto';

export class ImportParams {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: '`true`: check every row and answer its problems, writing nothing. `false`: import the plan, all or nothing.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';

  @PlanIdField(
    'The id of the plan the import makes, before the one its Plan sheet names; derived from the Idempotency-Key when neither names one, else a new UUID.',
  )
  planId?: string;
}

export class ImportProblemDto {
  @ApiProperty({ description: 'The sheet, as the template names it (or as the file does, for a sheet the template lacks).', example: 'Indicators' })
  sheet: string;

  @ApiProperty({ description: 'The row as the spreadsheet numbers it; null for the sheet as a whole.', example: 7, nullable: true, type: 'integer' })
  row: number | null;

  @ApiProperty({ description: "The column's header; null for the row or sheet as a whole.", example: 'Unit', nullable: true, type: String })
  column: string | null;

  @ApiProperty({
    description: "What is wrong: class-validator's sentence for a field, the plan's own for a broken rule, the reader's for a cell.",
    example: 'unit: must be one of: percent, number, count, currency, days, rate-per-100k',
  })
  message: string;
}

export class PlanImportAnswerDto {
  @ApiProperty({ description: 'Whether this was a dry run, which writes nothing.' })
  dryRun: boolean;

  @ApiProperty({ description: 'The plan the import makes; null when its Plan sheet could not be read.', nullable: true, type: String, example: 'hart-corporate-services-2023-24' })
  planId: string | null;

  @ApiProperty({ description: 'No problem at all: the plan can be (dry run) or was imported.' })
  importable: boolean;

  @ApiProperty({ description: 'Commands the rows come to, the draft among them.', example: 36 })
  commands: number;

  @ApiProperty({ description: 'Events they decide (or, refused, the events of the commands the rules accepted).', example: 36 })
  events: number;

  @ApiProperty({ description: 'Every problem, in workbook order; empty for a plan written.', type: [ImportProblemDto] })
  problems: ImportProblemDto[];

  @ApiProperty({ description: 'The write, as any plan command answers it; null on a dry run.', type: PlanCommandResultDto, nullable: true })
  written: PlanCommandResultDto | null;
}
