import { ApiProperty } from '@nestjs/swagger';

export class PlanCommandResultDto {
  @ApiProperty({ description: 'The plan written to.', example: '9b1f4c1e-3f0a-4b47-8a0e-6f4c8d1f2a10' })
  planId: string;

  @ApiProperty({ description: 'The plan stream\'s revision after the write; also the ETag, and what If-Match names.', example: 42 })
  revision: number;

  @ApiProperty({
    description: 'The same number as `revision`, kept for clients written before it was named so; not the published version label.',
    example: 42,
    deprecated: true,
  })
  version: number;

  @ApiProperty({ description: 'Global position of the last event written; pass it as `waitFor` to read your own write.', example: 1234 })
  position: number;

  @ApiProperty({ description: 'Ids of the events written.', type: [String] })
  eventIds: string[];
}

export class IntegrityFailureDto {
  @ApiProperty({
    description:
      'Revision of the first event whose hash or chain link does not hold, whose recorded time is not its sealed decision time, or that cannot be read back from a damaged store.',
  })
  revision: number;

  @ApiProperty()
  eventId: string;

  @ApiProperty()
  position: number;

  @ApiProperty({ description: 'What does not hold.', example: 'The event\'s content no longer matches its hash' })
  reason: string;
}

export class IntegrityReportDto {
  @ApiProperty()
  planId: string;

  @ApiProperty({ description: 'True when every event\'s hash, link to the one before and recorded time hold.' })
  ok: boolean;

  @ApiProperty({ description: 'How many events were checked: the whole stream.' })
  eventsChecked: number;

  @ApiProperty({ type: IntegrityFailureDto, nullable: true })
  firstFailure: IntegrityFailureDto | null;

  @ApiProperty({ description: 'Revision of the last event checked; also the ETag.' })
  revision: number;

  @ApiProperty({ description: 'The same number as `revision`, kept for older clients.', deprecated: true })
  version: number;

  @ApiProperty({
    description:
      'The chain\'s head: the hash of the plan\'s last event, which vouches for every event before it and is what a ' +
      'committee paper or an evidence file prints. Null when the check fails: a broken chain has no head to vouch for.',
    type: String,
    nullable: true,
    example: '3f0c9a…',
  })
  head: string | null;
}
