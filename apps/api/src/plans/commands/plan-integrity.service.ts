import { Inject, Injectable } from '@nestjs/common';
import { CHAIN_FAILURE_SENTENCES, planKey, planStreamId, toPlanEvent, verifyChain, type ChainFailureReason } from '@app/domain';
import {
  EVENT_STORE,
  StreamNotFoundError,
  UnreadableEventError,
  type EventStore,
  type StoredEvent,
} from '@app/event-store';
import type { Caller } from '../../auth/caller';
import { PlanAccessPolicy } from '../../auth/plan-access.policy';
import type { IntegrityReportDto } from './dto/command-result.dto';
import { planNotFound } from './plan-command.service';

type IntegrityFailureReason = ChainFailureReason | 'recorded-time-mismatch' | 'unreadable';

const FAILURE_SENTENCES: Record<IntegrityFailureReason, string> = {
  ...CHAIN_FAILURE_SENTENCES,
  'recorded-time-mismatch':
    "The event's recorded time does not match the sealed decision time: when it was recorded has been altered.",
  unreadable:
    'The event cannot be read back: the event store is damaged where it is kept, and it must be restored from a backup.',
};

/** The plan's events as far as they can be read, and the damage that ends them early, if any. */
interface ReadableStream {
  events: StoredEvent[];
  unreadable: UnreadableEventError | null;
}

/** How far the store's clock may be from the service's: beyond it, `recordedAt` was not the store's. */
const RECORDING_TOLERANCE_MS = 60_000;

/** The tamper-evidence check: every stored event of the plan, re-hashed and re-linked from the first. */
@Injectable()
export class PlanIntegrityService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: PlanAccessPolicy,
  ) {}

  async check(planId: string, caller: Caller): Promise<IntegrityReportDto> {
    const { events, unreadable } = await this.readWholeStream(caller.council, planId);
    this.assertCanSee(caller, events[0]);
    const chain = verifyChain(events);
    const chainFailure = chain.firstFailure && { index: chain.checked - 1, reason: chain.firstFailure.reason };
    // Only the events the chain vouches for say truly when they were decided.
    const timeFailure = firstRecordedTimeMismatch(events.slice(0, chainFailure?.index ?? events.length));
    const failure = timeFailure ?? chainFailure;
    if (failure === null && unreadable !== null) {
      const { revision, eventId, position } = unreadable;
      return {
        planId,
        ok: false,
        eventsChecked: events.length + 1,
        firstFailure: { revision, eventId, position, reason: FAILURE_SENTENCES.unreadable },
        revision,
        version: revision,
      };
    }
    const revision = events[events.length - 1].revision;
    const checkedUpTo = { revision, version: revision };
    if (failure === null) return { planId, ok: true, eventsChecked: events.length, firstFailure: null, ...checkedUpTo };
    const failed = events[failure.index];
    return {
      planId,
      ok: false,
      eventsChecked: failure.index + 1,
      firstFailure: {
        revision: failed.revision,
        eventId: failed.id,
        position: failed.position,
        reason: FAILURE_SENTENCES[failure.reason],
      },
      ...checkedUpTo,
    };
  }

  /** Scoped by the plan's first event alone, so the check never depends on folding what it checks. */
  private assertCanSee(caller: Caller, first: StoredEvent): void {
    const drafted = toPlanEvent(first);
    if (drafted.type !== 'PlanDrafted') throw new Error(`${first.streamId} does not start with PlanDrafted`);
    this.access.assertCanSee(caller, drafted.data);
  }

  /**
   * Only the caller's council's stream: another council's plan of that id is not found, like a missing
   * one. A damaged event is a finding of the check, not a failure of it, once the events before it say
   * whose plan it is; a plan damaged from its first event cannot be scoped, and is a store fault.
   */
  private async readWholeStream(council: string, planId: string): Promise<ReadableStream> {
    const streamId = planStreamId(planKey(council, planId));
    try {
      return { events: await this.store.readStream(streamId), unreadable: null };
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw planNotFound(planId);
      if (error instanceof UnreadableEventError && error.revision > 0) {
        return { events: await this.store.readStream(streamId, { maxCount: error.revision }), unreadable: error };
      }
      throw error;
    }
  }
}

/**
 * `recordedAt` is the store's, outside the hash, yet `asOf` reads the plan by it; each event seals the
 * time it was decided (`decidedAt`), so a recorded time moved away from it is named. Events written
 * before `decidedAt` was sealed have nothing to compare with.
 */
function firstRecordedTimeMismatch(
  events: StoredEvent[],
): { index: number; reason: IntegrityFailureReason } | null {
  const index = events.findIndex(({ metadata, recordedAt }) => {
    if (typeof metadata.decidedAt !== 'string') return false;
    // Negated so that a recorded time that is no time at all (NaN) fails too.
    return !(Math.abs(Date.parse(recordedAt) - Date.parse(metadata.decidedAt)) <= RECORDING_TOLERANCE_MS);
  });
  return index === -1 ? null : { index, reason: 'recorded-time-mismatch' };
}
