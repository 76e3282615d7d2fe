import { PLAN_STREAM_PREFIX } from '@app/domain';
import type { ReadDocument } from '@app/read-store';
import type { Projection } from '../projector/projection';
import { PLAN_REPORT_INPUTS_COLLECTION, planReportInputsOf } from '../council-reports/plan-report-inputs';
import { INDICATOR_SERIES_COLLECTION, seriesPlanOf } from '../indicator-series/series-plans';
import { PLAN_RETURNS_COLLECTION, planReturnsOf, periodsTouchedBy } from '../returns/plan-returns';
import { documentBody, planEventOf, planKeyOf } from './plan-event';
import { isSnapshotRevision, PLAN_SNAPSHOTS_COLLECTION, snapshotOf } from './plan-snapshot.projection';
import { evolvePlanView, type PlanView } from './plan-view';

export const PLANS_COLLECTION = 'plans';

export type PlanDocument = PlanView & { id: string };

/**
 * The current plan, beside it what its report is built from (for council-wide reports to read a
 * council's plans in one query), what its indicators' series across years are made of (for the
 * series and for the next plan's direction of travel to find a service's plans in one query) and the
 * returns it owes per period (for the council's returns list), and every hundred events a snapshot of
 * it for time travel to start from. All are cut from the one fold of the plan view in the same batch
 * as the plan, so they never disagree with it.
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
  // 19: each plan's indicators are kept beside it for their series across years, in `indicator_series`.
  // 20: a plan says which plan it was rolled forward from (`rolledForwardFrom`) and to (`rolledForwardTo`).
  // 21: the returns each plan owes per period are kept beside it, in `plan_returns`.
  // 22: targets may be relative to a baseline (`baseline`, `baselineFigure`), and figures may be dates or yes/no results.
  // 23: each actual carries its data-quality notes (source, method, caveats).
  version: 23,
  collections: [PLANS_COLLECTION, PLAN_REPORT_INPUTS_COLLECTION, INDICATOR_SERIES_COLLECTION, PLAN_RETURNS_COLLECTION, PLAN_SNAPSHOTS_COLLECTION],
  indexes: {
    [PLAN_SNAPSHOTS_COLLECTION]: [{ planKey: 1, revision: -1 }, { planKey: 1, recordedAt: -1 }],
    // Every council report reads the council's plans covering a period, of some services or all.
    [PLAN_REPORT_INPUTS_COLLECTION]: [{ council: 1, service: 1, 'periodRange.from': 1 }, { council: 1, 'periodRange.from': 1 }],
    // A series reads a service's plans; a report finds the plan of its service ending as its own begins.
    [INDICATOR_SERIES_COLLECTION]: [{ council: 1, service: 1, 'periodRange.to': 1 }],
    // The returns list reads a council's returns for a period, or for every period ended by today.
    [PLAN_RETURNS_COLLECTION]: [{ council: 1, live: 1, period: 1 }, { council: 1, live: 1, periodEnd: 1 }],
  },
  filter: { streamPrefixes: [PLAN_STREAM_PREFIX] },
  documentsFor: (event) => [{ collection: PLANS_COLLECTION, id: planKeyOf(event) }],
  apply(document, event, ref) {
    const view = evolvePlanView(document ? documentBody<PlanView>(document) : null, event);
    if (view === null) return document;
    const next: PlanDocument = { id: ref.id, ...view };
    return next as ReadDocument;
  },
  // Report inputs, series and returns are wholes of the latest plan, so a batch cuts them once from its end.
  deriveLatest(document, events, ref) {
    const view = documentBody<PlanView>(document);
    const inputs = { collection: PLAN_REPORT_INPUTS_COLLECTION, document: planReportInputsOf(ref.id, view) as unknown as ReadDocument };
    const series = { collection: INDICATOR_SERIES_COLLECTION, document: seriesPlanOf(ref.id, view) as unknown as ReadDocument };
    const periods = new Set(
      events.flatMap((event) => {
        const planEvent = planEventOf(event);
        return planEvent === null ? [] : periodsTouchedBy(event, planEvent.type, view);
      }),
    );
    const returns = [...periods].map((period) => ({
      collection: PLAN_RETURNS_COLLECTION,
      document: planReturnsOf(ref.id, view, period) as unknown as ReadDocument,
    }));
    return [inputs, series, ...returns];
  },
  // A snapshot is the plan at its own revision, so it is cut at that event.
  derive(document, event) {
    if (!isSnapshotRevision(event.revision)) return [];
    const snapshot = snapshotOf(planKeyOf(event), documentBody<PlanView>(document), event);
    return [{ collection: PLAN_SNAPSHOTS_COLLECTION, document: snapshot as unknown as ReadDocument }];
  },
};
