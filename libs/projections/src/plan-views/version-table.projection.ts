import { PLAN_STREAM_PREFIX } from '@app/domain';
import type { ReadDocument } from '@app/read-store';
import type { ProjectedEvent, Projection } from '../projector/projection';
import { approvedByOf } from './governance/governance-views';
import { actorName, documentBody, planEventOf, planKeyOf, recordedDate } from './plan-event';
import { CHANGE_KINDS, changeItemOf, type ChangeItem, type ChangeKind } from './plan-event-traits';
import type { ApprovedBy } from './governance/governance-views';
import type { VersionView } from './plan-view';
import { counted } from './summary-text';

export const PLAN_VERSIONS_COLLECTION = 'plan_versions';

export type VersionChanges = {
  /** "3 indicators added, 1 target changed". */
  summary: string;
  counts: Record<ChangeKind, number>;
  items: ChangeItem[];
};

/**
 * A row of the version-control table as the plan view has it, with what the version changed and the
 * chain's head at publication: the stored hash of the VersionPublished event itself, which through
 * the chain vouches for every event before it and the publication too (the hash of the event before
 * would leave the publication's own reason, label and author out).
 */
export type VersionRow = VersionView & { changes: VersionChanges; headHash: string | null; approvedBy: ApprovedBy | null };

export type VersionTable = {
  planId: string;
  rows: VersionRow[];
  /** Structural changes since the latest version, which the next row will report. */
  unpublished: ChangeItem[];
};

const emptyCounts = (): Record<ChangeKind, number> =>
  Object.fromEntries(CHANGE_KINDS.map(([kind]) => [kind, 0])) as Record<ChangeKind, number>;

function summariseChanges(items: ChangeItem[]): VersionChanges {
  const counts = emptyCounts();
  for (const item of items) counts[item.kind] += 1;
  const phrases = CHANGE_KINDS.filter(([kind]) => counts[kind] > 0).map(([kind, one, many]) =>
    many === undefined ? one : counted(counts[kind], one, many),
  );
  return {
    summary: phrases.length ? phrases.join(', ') : 'No changes to the plan’s content',
    counts,
    items,
  };
}

function evolveVersionTable(table: VersionTable | null, event: ProjectedEvent): VersionTable | null {
  const planEvent = planEventOf(event);
  if (table === null) {
    return planEvent?.type === 'PlanDrafted' ? { planId: planEvent.data.planId, rows: [], unpublished: [] } : null;
  }
  if (planEvent === null) return table;
  if (planEvent.type === 'VersionPublished') {
    const row: VersionRow = {
      label: planEvent.data.label,
      date: planEvent.data.effectiveDate ?? recordedDate(event),
      reason: planEvent.data.reason,
      madeBy: actorName(event),
      revision: event.revision,
      recordedAt: event.recordedAt,
      changes: summariseChanges(table.unpublished),
      headHash: typeof event.metadata.hash === 'string' ? event.metadata.hash : null,
      approvedBy: null,
    };
    return { ...table, rows: [...table.rows, row], unpublished: [] };
  }
  if (planEvent.type === 'PlanApproved') {
    const approvedBy = approvedByOf(planEvent);
    return { ...table, rows: table.rows.map((row) => (row.label === planEvent.data.versionLabel ? { ...row, approvedBy } : row)) };
  }
  const item = changeItemOf(planEvent);
  return item ? { ...table, unpublished: [...table.unpublished, item] } : table;
}

export const versionTableProjection: Projection = {
  name: 'plan-versions',
  // 2: tables named by the plan's key (council and plan id), not by the plan id alone.
  // 3: rows carry the head hash at publication.
  // 4: rows count budget lines added, revised and removed.
  // 5: counts name projects, actions and milestones apart from priorities and outcomes.
  // 6: `counts` name the risk register's kinds of change too.
  // 7: rows count changes to contracts, key posts, skills and the workforce.
  // 8: rows count narrative sections and contributions to corporate themes too.
  // 12: the approved version's row says who approved it (`approvedBy`).
  // 13: checks of actuals are read as the plan's monitoring, not as unknown types.
  // 14: rows count owners and approvers assigned to indicators and priorities.
  // 15: roll-forwards are read as steps of the plan's governance, not as unknown types.
  // 16: indicators' and targets' events are read as IndicatorDefined 5 and TargetSet 3 read them (baseline targets).
  version: 16,
  collections: [PLAN_VERSIONS_COLLECTION],
  filter: { streamPrefixes: [PLAN_STREAM_PREFIX] },
  documentsFor: (event) => [{ collection: PLAN_VERSIONS_COLLECTION, id: planKeyOf(event) }],
  apply(document, event, ref) {
    const table = evolveVersionTable(document ? documentBody<VersionTable>(document) : null, event);
    return table === null ? document : ({ id: ref.id, ...table } as ReadDocument);
  },
};
