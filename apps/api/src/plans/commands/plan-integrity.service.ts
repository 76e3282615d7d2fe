import { Inject, Injectable } from '@nestjs/common';
import { planStreamId, toPlanEvent, verifyChain, type ChainFailureReason } from '@app/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type StoredEvent } from '@app/event-store';
import type { Caller } from '../../auth/caller';
import { PlanAccessPolicy } from '../../auth/plan-access.policy';
import type { IntegrityReportDto } from './dto/command-result.dto';
import { planNotFound } from './plan-command.service';

const FAILURE_SENTENCES: Record<ChainFailureReason, string> = {
  'hash-mismatch': 'The event no longer matches the hash recorded when it was written: it has been altered.',
  'previous-hash-mismatch':
    'The event does not link to the event before it: an event before it was altered, removed or inserted.',
};

/** The tamper-evidence check: every stored event of the plan, re-hashed and re-linked from the first. */
@Injectable()
export class PlanIntegrityService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: PlanAccessPolicy,
  ) {}

  async check(planId: string, caller: Caller): Promise<IntegrityReportDto> {
    const events = await this.readWholeStream(planId);
    this.assertCanSee(caller, events[0]);
    const { ok, checked, firstFailure } = verifyChain(events);
    const failedEvent = firstFailure && events.find((event) => event.id === firstFailure.eventId);
    return {
      planId,
      ok,
      eventsChecked: checked,
      firstFailure: failedEvent
        ? {
            revision: failedEvent.revision,
            eventId: failedEvent.id,
            position: failedEvent.position,
            reason: FAILURE_SENTENCES[firstFailure.reason],
          }
        : null,
      version: events[events.length - 1].revision,
    };
  }

  /** Scoped by the plan's first event alone, so the check never depends on folding what it checks. */
  private assertCanSee(caller: Caller, first: StoredEvent): void {
    const drafted = toPlanEvent(first);
    if (drafted.type !== 'PlanDrafted') throw new Error(`${first.streamId} does not start with PlanDrafted`);
    this.access.assertCanSee(caller, drafted.data);
  }

  private async readWholeStream(planId: string): Promise<StoredEvent[]> {
    try {
      return await this.store.readStream(planStreamId(planId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw planNotFound(planId);
      throw error;
    }
  }
}
