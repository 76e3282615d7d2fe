import {
  CORPORATE_PLANS_STREAM_PREFIX,
  describeCorporatePlanChanges,
  evolveCorporatePlans,
  isCorporatePlanEventType,
  type CorporatePlanEvent,
  type CorporateTheme,
  type PlanPeriod,
} from '@app/domain';
import type { ReadDocument } from '@app/read-store';
import type { DocumentRef, ProjectedEvent, Projection } from '../projector/projection';
import { actorOf, documentBody } from '../plan-views/plan-event';

export const CORPORATE_PLANS_COLLECTION = 'corporate_plans';

/** A line of a corporate plan's history: what its event did, who did it, when, and why. */
export interface CorporatePlanHistoryEntry {
  type: CorporatePlanEvent['type'];
  recordedAt: string;
  actor: { name: string; role: string } | null;
  reason: string | null;
  /** One line per change, in the words of the plan's history ("Theme place removed: Place"). */
  changes: string[];
}

/** `GET /v1/corporate-plans/{id}`: the plan as it stands now, and what made it so. */
export interface CorporatePlanView {
  corporatePlanId: string;
  council: string;
  title: string;
  period: string;
  /** As the plan view's: `kind` (`financial-year`, `multi-year`) and the first and last day. */
  periodRange: Omit<PlanPeriod, 'label'>;
  themes: CorporateTheme[];
  recordedAt: string;
  updatedAt: string;
  history: CorporatePlanHistoryEntry[];
}

/** A corporate plan's document id: within its council, as a service plan's key is. */
export const corporatePlanDocumentId = (council: string, corporatePlanId: string): string =>
  `${encodeURIComponent(council)}/${corporatePlanId}`;

const councilOfStream = (streamId: string): string => decodeURIComponent(streamId.slice(CORPORATE_PLANS_STREAM_PREFIX.length));

function corporatePlanEventOf(event: ProjectedEvent): CorporatePlanEvent | null {
  return isCorporatePlanEventType(event.type) ? (event as ProjectedEvent & CorporatePlanEvent) : null;
}

function historyEntry(event: ProjectedEvent, corporate: CorporatePlanEvent): CorporatePlanHistoryEntry {
  const actor = actorOf(event);
  return {
    type: corporate.type,
    recordedAt: event.recordedAt,
    actor: actor ? { name: actor.name || actor.id, role: actor.role } : null,
    reason: corporate.type === 'CorporatePlanRevised' ? corporate.data.reason : null,
    changes: corporate.type === 'CorporatePlanRevised' ? describeCorporatePlanChanges(corporate.data) : [`Corporate plan recorded: ${corporate.data.title}`],
  };
}

/**
 * One document per corporate plan of every council, folded with the domain's own evolve so the view
 * cannot read an event differently from the decider, with its history beside it: a corporate plan
 * changes a few times in its four years, so its history stays small enough to keep in the document.
 */
export const corporatePlanProjection: Projection = {
  name: 'corporate-plans',
  version: 1,
  collections: [CORPORATE_PLANS_COLLECTION],
  indexes: { [CORPORATE_PLANS_COLLECTION]: [{ council: 1 }] },
  filter: { streamPrefixes: [CORPORATE_PLANS_STREAM_PREFIX] },
  documentsFor(event): DocumentRef[] {
    if (corporatePlanEventOf(event) === null) return [];
    return [{ collection: CORPORATE_PLANS_COLLECTION, id: corporatePlanDocumentId(councilOfStream(event.streamId), String(event.data.corporatePlanId)) }];
  },
  apply(document, event, ref) {
    const corporate = corporatePlanEventOf(event);
    if (corporate === null) return document;
    const view = document === null ? null : documentBody<CorporatePlanView>(document);
    if (view === null && corporate.type !== 'CorporatePlanRecorded') return null;
    const council = councilOfStream(event.streamId);
    const state = evolveCorporatePlans(
      { plans: view === null ? {} : { [view.corporatePlanId]: { corporatePlanId: view.corporatePlanId, council, title: view.title, period: { label: view.period, ...view.periodRange }, themes: view.themes } } },
      corporate,
    );
    const plan = state.plans[String(event.data.corporatePlanId)];
    const next: CorporatePlanView = {
      corporatePlanId: plan.corporatePlanId,
      council,
      title: plan.title,
      period: plan.period.label,
      periodRange: { kind: plan.period.kind, from: plan.period.from, to: plan.period.to },
      themes: plan.themes,
      recordedAt: view?.recordedAt ?? event.recordedAt,
      updatedAt: event.recordedAt,
      history: [...(view?.history ?? []), historyEntry(event, corporate)],
    };
    return { id: ref.id, ...next } as ReadDocument;
  },
};
