import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CouncilRecordsService } from './council-records.service';

/**
 * Completes, as the application starts, the meetings and decisions a stopped process left entered on
 * only some of their plans. At start-up rather than on the next request: a plan half-approved by a
 * decision nobody asks about again would stay so, and its version table would disagree with the
 * decision. Reading the records' streams is cheap (a council has a few dozen a year); every step is
 * a keyed write, so two processes starting together write each missing approval once. A store that
 * cannot be read now does not stop the application: the record is completed at the next start, or by
 * a request for the same decision.
 */
@Injectable()
export class InterruptedRecordsRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger('CouncilRecords');

  constructor(private readonly records: CouncilRecordsService) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.records.completeInterrupted();
    } catch (error) {
      this.logger.error({ err: error }, 'Meetings or decisions interrupted part-way could not be completed at start-up');
    }
  }
}
