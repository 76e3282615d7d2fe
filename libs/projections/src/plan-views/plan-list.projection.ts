import { PLAN_STREAM_PREFIX, type PlanStatus } from '@app/domain';
import type { ReadDocument } from '@app/read-store';
import type { Projection } from '../projector/projection';
import { approvedByOf, type ApprovedBy } from './governance/governance-views';
import { documentBody, planEventOf, planKeyOf } from './plan-event';
import { advanceLifecycle, type PlanStage } from './plan-view';

export const PLAN_LIST_COLLECTION = 'plan_list';

/** One row of `GET /v1/plans`: enough to find a plan, never its content. */
export type PlanListItem = {
  planId: string;
  council: string;
  title: string;
  service: string;
  period: string;
  status: PlanStatus;
  stage: PlanStage;
  version: string | null;
  /** The plan's latest approval, by a decision covering several plans or its own: kept when the plan is reopened, as the plan view keeps it. */
  approvedBy: ApprovedBy | null;
  /** When the plan's last event was recorded. */
  updatedAt: string;
};

export const planListProjection: Projection = {
  name: 'plan-list',
  // 2: entries named by the plan's key (council and plan id), not by the plan id alone.
  // 3: its digest's fixture stream gained budget events, which move an entry's revision as any event does.
  // 4: risk events are read as the plan's (a structural one moves a plan revised after comments), not as unknown types.
  // 5: its held output covers plans with contracts, key posts, skills and workforce events, whose
  //    changes move a row's updatedAt as any event's do; its code did not change.
  // 6: narrative events are read as the plan's (a structural one moves a plan revised after comments), not as unknown types.
  // 10: each entry says who approved the plan (`approvedBy`: body, date, decision reference).
  // 11: checks of actuals are read as the plan's monitoring, not as unknown types.
  // 12: assignments of owners and approvers are read as the plan's structural changes, not as unknown types.
  // 13: roll-forwards are read as steps of the plan's governance, not as unknown types.
  // 14: indicators' and targets' events hold their data as IndicatorDefined 5 and TargetSet 3 read it (baseline targets), older ones upcast.
  version: 14,
  collections: [PLAN_LIST_COLLECTION],
  // Every list query is within one council; the other filters narrow it.
  indexes: {
    [PLAN_LIST_COLLECTION]: [
      { council: 1, service: 1 },
      { council: 1, period: 1 },
      { council: 1, status: 1 },
    ],
  },
  filter: { streamPrefixes: [PLAN_STREAM_PREFIX] },
  documentsFor: (event) => [{ collection: PLAN_LIST_COLLECTION, id: planKeyOf(event) }],
  apply(document, event, ref) {
    const planEvent = planEventOf(event);
    if (document === null) {
      if (planEvent?.type !== 'PlanDrafted') return null;
      const { planId, council, title, service, period } = planEvent.data;
      const item: PlanListItem = {
        planId,
        council,
        title,
        service,
        period: period.label,
        status: 'draft',
        stage: 'draft',
        version: null,
        approvedBy: null,
        updatedAt: event.recordedAt,
      };
      return { id: ref.id, ...item } as ReadDocument;
    }
    const item = documentBody<PlanListItem>(document);
    if (planEvent === null) return { id: document.id, ...item, updatedAt: event.recordedAt } as ReadDocument;
    const lifecycle = advanceLifecycle({ status: item.status, stage: item.stage }, planEvent.type);
    const next: PlanListItem = {
      ...item,
      ...lifecycle,
      version: planEvent.type === 'VersionPublished' ? planEvent.data.label : item.version,
      approvedBy: planEvent.type === 'PlanApproved' ? approvedByOf(planEvent) : item.approvedBy,
      updatedAt: event.recordedAt,
    };
    return { id: document.id, ...next } as ReadDocument;
  },
};
