import { PLAN_STREAM_PREFIX, type PlanEvent } from '@app/domain';
import type { ReadDocument } from '@app/read-store';
import type { ProjectedEvent, Projection } from '../projector/projection';
import { actorName, documentBody, planEventOf, planKeyOf, recordedDate } from './plan-event';
import type { VersionView } from './plan-view';

export const PLAN_VERSIONS_COLLECTION = 'plan_versions';

/** The kinds of structural change a version row counts, in the order its summary names them. */
const CHANGE_KINDS = [
  ['prioritiesAdded', 'priority added', 'priorities added'],
  ['prioritiesRevised', 'priority revised', 'priorities revised'],
  ['prioritiesWithdrawn', 'priority withdrawn', 'priorities withdrawn'],
  ['outcomesAdded', 'outcome added', 'outcomes added'],
  ['outcomesChanged', 'outcome changed', 'outcomes changed'],
  ['outcomesRemoved', 'outcome removed', 'outcomes removed'],
  ['indicatorsAdded', 'indicator added', 'indicators added'],
  ['indicatorsRevised', 'indicator revised', 'indicators revised'],
  ['targetsSet', 'target set', 'targets set'],
  ['targetsChanged', 'target changed', 'targets changed'],
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number][0];

export type ChangeItem = { kind: ChangeKind; ref: string; name: string };

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
export type VersionRow = VersionView & { changes: VersionChanges; headHash: string | null };

export type VersionTable = {
  planId: string;
  rows: VersionRow[];
  /** Structural changes since the latest version, which the next row will report. */
  unpublished: ChangeItem[];
};

const emptyCounts = (): Record<ChangeKind, number> =>
  Object.fromEntries(CHANGE_KINDS.map(([kind]) => [kind, 0])) as Record<ChangeKind, number>;

/** The structural change an event makes, or null for monitoring data and governance steps. */
function changeItemOf(event: PlanEvent): ChangeItem | null {
  switch (event.type) {
    case 'PriorityAdded':
      return { kind: 'prioritiesAdded', ref: event.data.ref, name: event.data.title };
    case 'PriorityRevised':
      return { kind: 'prioritiesRevised', ref: event.data.ref, name: event.data.reason };
    case 'PriorityWithdrawn':
      return { kind: 'prioritiesWithdrawn', ref: event.data.ref, name: event.data.title };
    case 'OutcomeAdded':
      return {
        kind: 'outcomesAdded',
        ref: `${event.data.priorityRef}/${event.data.outcome.ref}`,
        name: event.data.outcome.description,
      };
    case 'OutcomeChanged':
      return {
        kind: 'outcomesChanged',
        ref: `${event.data.priorityRef}/${event.data.outcomeRef}`,
        name: event.data.after.description,
      };
    case 'OutcomeRemoved':
      return {
        kind: 'outcomesRemoved',
        ref: `${event.data.priorityRef}/${event.data.outcome.ref}`,
        name: event.data.outcome.description,
      };
    case 'IndicatorDefined':
      return { kind: 'indicatorsAdded', ref: event.data.code, name: event.data.title };
    case 'IndicatorRevised':
      return { kind: 'indicatorsRevised', ref: event.data.code, name: event.data.reason };
    case 'TargetSet':
      return { kind: 'targetsSet', ref: event.data.code, name: `${event.data.code} ${event.data.target.period}` };
    case 'TargetChanged':
      return { kind: 'targetsChanged', ref: event.data.code, name: `${event.data.code} ${event.data.period}` };
    default:
      return null;
  }
}

function summariseChanges(items: ChangeItem[]): VersionChanges {
  const counts = emptyCounts();
  for (const item of items) counts[item.kind] += 1;
  const phrases = CHANGE_KINDS.filter(([kind]) => counts[kind] > 0).map(
    ([kind, one, many]) => `${counts[kind]} ${counts[kind] === 1 ? one : many}`,
  );
  return {
    summary: phrases.length ? phrases.join(', ') : 'No changes to priorities, indicators or targets',
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
    };
    return { ...table, rows: [...table.rows, row], unpublished: [] };
  }
  const item = changeItemOf(planEvent);
  return item ? { ...table, unpublished: [...table.unpublished, item] } : table;
}

export const versionTableProjection: Projection = {
  name: 'plan-versions',
  // 2: tables named by the plan's key (council and plan id), not by the plan id alone.
  // 3: rows carry the head hash at publication.
  version: 3,
  collections: [PLAN_VERSIONS_COLLECTION],
  filter: { streamPrefixes: [PLAN_STREAM_PREFIX] },
  documentsFor: (event) => [{ collection: PLAN_VERSIONS_COLLECTION, id: planKeyOf(event) }],
  apply(document, event, ref) {
    const table = evolveVersionTable(document ? documentBody<VersionTable>(document) : null, event);
    return table === null ? document : ({ id: ref.id, ...table } as ReadDocument);
  },
};
