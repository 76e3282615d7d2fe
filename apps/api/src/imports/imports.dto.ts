import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
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
