import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { AsOfParams } from '../plans/queries/dto/query-params';

/** Which service's plans the series runs through, and as of when. */
export class IndicatorSeriesParams extends AsOfParams {
  @ApiProperty({
    example: 'Corporate Services',
    description: "The service whose plans, year after year, the series runs through, written as the plans name it. Required: the same code may mean another measure in another service.",
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  service!: string;
}
