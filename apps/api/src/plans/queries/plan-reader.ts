import { PlanNotFoundError } from '@app/application-errors';
import { planKey, type PlanKey } from '@app/domain';
import { type JsonFields, READ_STORE, type ReadStore } from '@app/read-store';
import {
  documentBody,
  PLAN_LIST_COLLECTION,
  PLANS_COLLECTION,
  STORED_DOCUMENT_FIELDS,
  type PlanListItem,
  type PlanView,
} from '@app/projections';
import type { Caller } from '../../auth/caller';
import { PlanAccessPolicy } from '../../auth/plan-access.policy';
import { Inject, Injectable } from '../nest';
import { PlanTimeTravel, type RebuiltPlan } from './plan-time-travel';

/** The plan view as the read store holds its text, and the revision it is at, for its ETag. */
export interface PlanJson {
  json: string;
  revision: number;
}

/** The plan view's own fields, and beside them what the access check and the ETag need. */
const PLAN_JSON_FIELDS: JsonFields = { omit: STORED_DOCUMENT_FIELDS, pick: ['planId', 'council', 'service', 'revision'] };

/** Now (neither), as the system held it at an instant (`asOf`), or as published at a version label. */
export type PlanPoint = { asOf?: Date; version?: string };

/** An answer read as of an instant, saying first which instant was used (a date stands for a moment of it). */
export function answeredAsOf<T extends object>(answer: T, asOf: Date | undefined): T & { asOf?: string } {
  return asOf === undefined ? answer : { asOf: asOf.toISOString(), ...answer };
}

/**
 * Finds the plan a query is about, checks the caller may see it, and gives it now, as of an instant,
 * or at a version. A plan is looked up under the caller's council only, so another council's plan is
 * "not found" exactly as a missing one is: the same answer after the same one lookup of a missing
 * document, before anything of the plan is read.
 */
@Injectable()
export class PlanReader {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly timeTravel: PlanTimeTravel,
    private readonly access: PlanAccessPolicy,
  ) {}

  async current(caller: Caller, planId: string): Promise<PlanView> {
    const document = await this.reads.get(PLANS_COLLECTION, planKey(caller.council, planId));
    if (!document) throw PlanNotFoundError.withId(planId);
    const view = documentBody<PlanView>(document);
    this.access.assertCanSee(caller, view);
    return view;
  }

  /**
   * The plan now as `current` gives it, but as the JSON text the read store holds: the answer is
   * sent as it is, never parsed or serialised again, and the access check and the revision come
   * from the same read of the same document.
   */
  async currentJson(caller: Caller, planId: string): Promise<PlanJson> {
    const stored = await this.reads.getJson(PLANS_COLLECTION, planKey(caller.council, planId), PLAN_JSON_FIELDS);
    if (!stored) throw PlanNotFoundError.withId(planId);
    const { council, service, revision } = stored.picked as Pick<PlanView, 'council' | 'service' | 'revision'>;
    this.access.assertCanSee(caller, { planId, council, service });
    return { json: stored.json, revision };
  }

  /**
   * The access check alone, from the plan's small list entry, for answers that do not need the plan;
   * gives the key its other documents are found by.
   */
  async assertVisible(caller: Caller, planId: string): Promise<PlanKey> {
    const key = planKey(caller.council, planId);
    const document = await this.reads.get(PLAN_LIST_COLLECTION, key);
    if (!document) throw PlanNotFoundError.withId(planId);
    const { council, service } = documentBody<PlanListItem>(document);
    this.access.assertCanSee(caller, { planId, council, service });
    return key;
  }

  /** The plan now, or rebuilt at a past point with what its events' integrity is. */
  async at(caller: Caller, planId: string, point: PlanPoint): Promise<PlanView | RebuiltPlan> {
    if (point.asOf !== undefined) {
      // Only the access check is needed of the current plan: its small list entry, not the whole plan.
      const key = await this.assertVisible(caller, planId);
      const view = await this.timeTravel.asOf(key, point.asOf);
      if (!view) throw PlanNotFoundError.atInstant(planId, point.asOf);
      return view;
    }
    const current = await this.current(caller, planId);
    return point.version === undefined ? current : this.atVersion(current, point.version);
  }

  async atVersion(current: PlanView, label: string): Promise<RebuiltPlan> {
    const published = current.versions.find((version) => version.label === label);
    if (!published) throw PlanNotFoundError.withoutVersion(current.planId, label);
    const key = planKey(current.council, current.planId);
    return (await this.timeTravel.atRevision(key, published.revision)) as RebuiltPlan;
  }
}
