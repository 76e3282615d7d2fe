import { PLAN_STREAM_PREFIX } from '@app/domain';
import type { ReadDocument } from '@app/read-store';
import type { Projection } from '../projector/projection';
import { PLAN_REPORT_INPUTS_COLLECTION, planReportInputsOf } from '../council-reports/plan-report-inputs';
import { documentBody, planKeyOf } from './plan-event';
import { isSnapshotRevision, PLAN_SNAPSHOTS_COLLECTION, snapshotOf } from './plan-snapshot.projection';
import { evolvePlanView, type PlanView } from './plan-view';

export const PLANS_COLLECTION = 'plans';

export type PlanDocument = PlanView & { id: string };

/**
 * The current plan, beside it what its report is built from (for council-wide reports to read a
 * council's plans in one query), and every hundred events a snapshot of it for time travel to start from.
 */
export const planViewProjection: Projection = {
  name: 'plan-view',
  // 3: documents named by the plan's key (council and plan id), not by the plan id alone.
  // 4: snapshots keep their last event's hash, for time travel to link what it reads on to it.
  // 5: every plan carries its budget (lines and computed totals).
  // 6: priorities show their kind, sponsor and manager, and outcomes their due.
  // 7: the plan (and its snapshots) carries the risk register, `risks`.
  // 8: plans carry their contracts, workforce, key posts and skills.
  // 9: plans carry their narrative sections and contributions to corporate themes.
  // 10: indicators carry their baselines from before the plan.
  // 11: targets carry how the actual is held to them (their comparison), and tolerances may be amounts.
  // 12: the plan view records when each target was set.
  // 13: each plan's report inputs are kept beside it, in `plan_report_inputs`.
  // 14: indicators carry the refs of the priorities they measure (`priorityRefs`).
  // 15: scrutiny records name the meeting they came from, and reviews of an approved plan's progress show among them.
  // 16: priorities carry `themeIds` and indicators `themeId`, their links to the corporate plan's themes.
  // 17: each actual says who recorded it and how it was checked (verified, rejected or not yet).
  // 18: indicators and priorities show their owner and approver.
  // 19: each actual carries its data-quality notes (source, method, caveats).
  version: 19,
  collections: [PLANS_COLLECTION, PLAN_REPORT_INPUTS_COLLECTION, PLAN_SNAPSHOTS_COLLECTION],
  indexes: {
    [PLAN_SNAPSHOTS_COLLECTION]: [{ planKey: 1, revision: -1 }, { planKey: 1, recordedAt: -1 }],
    // Every council report reads the council's plans covering a period, of some services or all.
    [PLAN_REPORT_INPUTS_COLLECTION]: [{ council: 1, service: 1, 'periodRange.from': 1 }, { council: 1, 'periodRange.from': 1 }],
  },
  filter: { streamPrefixes: [PLAN_STREAM_PREFIX] },
  documentsFor: (event) => [{ collection: PLANS_COLLECTION, id: planKeyOf(event) }],
  apply(document, event, ref) {
    const view = evolvePlanView(document ? documentBody<PlanView>(document) : null, event);
    if (view === null) return document;
    const next: PlanDocument = { id: ref.id, ...view };
    return next as ReadDocument;
  },
  derive(document, event, ref) {
    const view = documentBody<PlanView>(document);
    const inputs = { collection: PLAN_REPORT_INPUTS_COLLECTION, document: planReportInputsOf(ref.id, view) as unknown as ReadDocument };
    if (!isSnapshotRevision(event.revision)) return [inputs];
    const snapshot = snapshotOf(planKeyOf(event), view, event);
    return [inputs, { collection: PLAN_SNAPSHOTS_COLLECTION, document: snapshot as unknown as ReadDocument }];
  },
};
