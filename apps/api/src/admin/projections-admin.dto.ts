import { PROJECTOR_MODES, type ProjectorMode } from '@app/platform';
import type { ProjectionState } from '@app/projections';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const PROJECTION_STATES: ProjectionState[] = ['catching-up', 'live', 'failed', 'standby', 'stopped', 'rebuilding'];

export class ProjectionFailureDto {
  @ApiProperty({ example: 'Cannot read properties of undefined (reading \'code\')' })
  message: string;

  @ApiPropertyOptional({ description: 'Global position of the event the projection could not apply.' })
  position?: number;

  @ApiPropertyOptional({ example: 'servicePlan-hart/9b1f4c1e-3f0a-4b47-8a0e-6f4c8d1f2a10' })
  streamId?: string;

  @ApiPropertyOptional({ example: 'ActualRecorded' })
  eventType?: string;

  @ApiPropertyOptional()
  eventId?: string;
}

export class RebuildProgressDto {
  @ApiProperty({ description: 'Events replayed so far.' })
  processed: number;

  @ApiProperty({ description: 'Events to replay: those the projection reads, up to the newest when the rebuild began.' })
  total: number;

  @ApiProperty({ description: 'Replay rate since the rebuild began.' })
  eventsPerSecond: number;
}

export class ProjectionStatusDto {
  @ApiProperty({ example: 'plan-history' })
  name: string;

  @ApiProperty({ description: 'Version of the projection\'s code; a new version rebuilds it when the projector starts.' })
  version: number;

  @ApiProperty({
    enum: PROJECTION_STATES,
    description:
      '`live`: caught up; `catching-up`: behind the newest event; `failed`: stopped at an event it cannot apply ' +
      '(see `error`; rebuild it once the cause is fixed); `rebuilding`: being dropped and replayed (see `rebuild`); ' +
      '`standby`: another instance runs it; `stopped`: not run by this process.',
  })
  state: ProjectionState;

  @ApiProperty({ type: Number, nullable: true, description: 'Position of the last event applied; null before the first.' })
  checkpoint: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Position of the newest event the projection reads.' })
  head: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Events not applied yet; null when too many to count cheaply.' })
  lagEvents: number | null;

  @ApiProperty({ description: 'Age in seconds of the oldest event not applied yet; 0 when caught up.' })
  lagSeconds: number;

  @ApiPropertyOptional({ type: ProjectionFailureDto, description: 'Where and why it stopped, when `failed`.' })
  error?: ProjectionFailureDto;

  @ApiPropertyOptional({ type: RebuildProgressDto, description: 'How far the replay has gone, while `rebuilding`.' })
  rebuild?: RebuildProgressDto;
}

export class ProjectionsStatusDto {
  @ApiProperty({
    enum: PROJECTOR_MODES,
    description: '`in-process`: this API applies the events; `external`: the projector worker does, and rebuilds run there.',
  })
  projectorMode: ProjectorMode;

  @ApiProperty({ type: [ProjectionStatusDto] })
  projections: ProjectionStatusDto[];
}

export class RebuildAcceptedDto {
  @ApiProperty({ example: 'plan-history' })
  projection: string;

  @ApiProperty({ enum: ['rebuilding'] })
  state: 'rebuilding';
}
