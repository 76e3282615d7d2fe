import { PlanNotFoundError } from '@app/application-errors';
import { evidenceHeader, evidenceLine, planKey, planStreamId, toPlanEvent } from '@app/domain';
import {
  EVENT_STORE,
  StreamNotFoundError,
  UnreadableEventError,
  type EventStore,
  type StoredEvent,
} from '@app/event-store';
import type { Caller } from '../../auth/caller';
import { PlanAccessPolicy } from '../../auth/plan-access.policy';
import type { IntegrityReportDto } from '../commands/dto/command-result.dto';
import { firstStoredEventFailure, INTEGRITY_FAILURE_SENTENCES } from '../stored-events-integrity';
import { Inject, Injectable } from '../nest';

/** The plan's events as far as they can be read, and the damage that ends them early, if any. */
interface ReadableStream {
  events: StoredEvent[];
  unreadable: UnreadableEventError | null;
}

/** The plan's evidence file: its name and its lines, read from the store page by page as they are sent. */
export interface EvidenceExport {
  filename: string;
  lines: AsyncIterable<string>;
}

/** Events read per page while an evidence file is sent, so that a long plan is never held whole. */
const EVIDENCE_PAGE = 500;

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
    const found = firstStoredEventFailure(events);
    if (found === null && unreadable !== null) {
      const { revision, eventId, position } = unreadable;
      return {
        planId,
        ok: false,
        eventsChecked: events.length + 1,
        firstFailure: { revision, eventId, position, reason: INTEGRITY_FAILURE_SENTENCES.unreadable },
        revision,
        version: revision,
        head: null,
      };
    }
    const last = events[events.length - 1];
    const checkedUpTo = { revision: last.revision, version: last.revision };
    if (found === null) {
      return { planId, ok: true, eventsChecked: events.length, firstFailure: null, ...checkedUpTo, head: String(last.metadata.hash) };
    }
    return { planId, ok: false, eventsChecked: found.index + 1, firstFailure: found.failure, ...checkedUpTo, head: null };
  }

  /**
   * Every stored event of the plan exactly as stored, after a header giving the count and head hash
   * of the stream as it stood when the export began; events appended meanwhile are left for the next.
   * Access and a missing plan are decided before the first line, from the first event, as the check's.
   */
  async evidence(planId: string, caller: Caller, exportedAt: Date): Promise<EvidenceExport> {
    const streamId = planStreamId(planKey(caller.council, planId));
    const firstPage = await this.readEvidencePage(streamId, planId, 0);
    this.assertCanSee(caller, firstPage[0]);
    const [last] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    const header = evidenceHeader({
      council: caller.council,
      planId,
      streamId,
      exportedAt: exportedAt.toISOString(),
      eventCount: last.revision + 1,
      headHash: (last.metadata.hash as string | undefined) ?? null,
    });
    const readPage = (fromRevision: number) => this.readEvidencePage(streamId, planId, fromRevision);
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      let page = firstPage;
      for (;;) {
        for (const event of page) {
          if (event.revision > last.revision) return;
          yield `${evidenceLine(event)}\n`;
        }
        const next = page[page.length - 1].revision + 1;
        if (page.length < EVIDENCE_PAGE || next > last.revision) return;
        page = await readPage(next);
      }
    }
    const day = header.exportedAt.slice(0, 10);
    return { filename: `${planId.replace(/[^A-Za-z0-9._-]/g, '_')}-evidence-${day}.jsonl`, lines: lines() };
  }

  private async readEvidencePage(streamId: string, planId: string, fromRevision: number): Promise<StoredEvent[]> {
    try {
      return await this.store.readStream(streamId, { fromRevision, maxCount: EVIDENCE_PAGE });
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw PlanNotFoundError.withId(planId);
      throw error;
    }
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
      if (error instanceof StreamNotFoundError) throw PlanNotFoundError.withId(planId);
      if (error instanceof UnreadableEventError && error.revision > 0) {
        return { events: await this.store.readStream(streamId, { maxCount: error.revision }), unreadable: error };
      }
      throw error;
    }
  }
}
