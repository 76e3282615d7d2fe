import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { ChangeStreams } from './change-streams';
import { ChangesController } from './changes.controller';
import { ReadChangesHandler } from './read-changes.query';

/** The change feed, `GET /v1/changes`, paged or streamed, read from the `changes` projection. Needs the global `Projector`. */
@Module({
  imports: [CqrsModule],
  controllers: [ChangesController],
  providers: [ReadChangesHandler, ChangeStreams, ReadYourWrites],
})
export class ChangesModule {}
