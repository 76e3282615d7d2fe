import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import {
  endOfUkDay,
  normalisePeriod,
  periodBounds,
  returnDeadline,
  returnDeadlineRuleInForceAt,
  returnStatus,
  RETURN_STATUSES,
  ukDateOf,
  type RecordedSettingsEvent,
  type ReturnStatus,
  type WorkingDayCalendar,
} from '@app/domain';
import { documentBody, PLAN_RETURNS_COLLECTION, type ActualVerificationView, type PlanReturnsDocument, type ReturnView } from '@app/projections';
import { findAll, READ_STORE, type FieldCondition, type ReadStore } from '@app/read-store';
import type { Caller } from '../auth/caller';
import { CouncilSettingsStore } from '../settings/council-settings.store';
import { BankHolidayCalendar } from './bank-holiday-calendar';

/** One return: whose, for which plan and period, by when, and where it stands. */
export type ReturnAnswerItem = {
  planId: string;
  planTitle: string;
  service: string;
  period: string;
  kind: ReturnView['kind'];
  /** The indicator's code, for an indicator's figure; null for a priority's progress. */
  code: string | null;
  /** The priority's (project's, action's) ref, for its progress; null for an indicator. */
  ref: string | null;
  title: string;
  owner: string | null;
  approver: string | null;
  /**
   * The last day it may be submitted on time.
   * @format date
   */
  deadline: string;
  status: ReturnStatus;
  /** When and by whom what stands for the period was recorded; null while nothing is. */
  recordedAt: string | null;
  recordedBy: string | null;
  /** Who verified the figure; null until someone has. */
  verifiedBy: string | null;
  /** The figure's check (a rejected one is owed again); null for progress and while nothing is recorded. */
  verification: ActualVerificationView | null;
};

export type ReturnsAnswer = {
  council: string;
  /** The period asked for; null for every period ended by `today`. */
  period: string | null;
  /**
   * The UK date due and overdue were decided on.
   * @format date
   */
  today: string;
  mine: boolean;
  status: ReturnStatus | null;
  /** The returns in scope by status, before `status` keeps one of them. */
  counts: Record<ReturnStatus, number>;
  /** By deadline, then service and plan. */
  items: ReturnAnswerItem[];
};

export class GetReturnsQuery extends Query<ReturnsAnswer> {
  constructor(
    readonly caller: Caller,
    readonly filters: { period: string | null; status: ReturnStatus | null; mine: boolean },
    readonly now: Date,
  ) {
    super();
  }
}

/** A caller's own return: one they own, or a figure awaiting their verification as its approver. */
const isCallers = (item: ReturnAnswerItem, caller: Caller): boolean =>
  item.owner === caller.id || (item.approver === caller.id && item.status === 'submitted');

function itemOf(document: PlanReturnsDocument, entry: ReturnView, deadline: string, today: string): ReturnAnswerItem {
  const { submission } = entry;
  const verification = submission?.verification ?? null;
  return {
    planId: document.planId,
    planTitle: document.planTitle,
    service: document.service,
    period: document.period,
    kind: entry.kind,
    code: entry.kind === 'indicator' ? entry.ref : null,
    ref: entry.kind === 'priority' ? entry.ref : null,
    title: entry.title,
    owner: entry.owner,
    approver: entry.approver,
    deadline,
    status: returnStatus(submission && { verification: verification?.state ?? null }, deadline, today),
    recordedAt: submission?.recordedAt ?? null,
    recordedBy: submission?.recordedBy ?? null,
    verifiedBy: verification?.state === 'verified' ? verification.by : null,
    verification,
  };
}

/**
 * The returns of the caller's council (an officer's services only) from the `plan_returns`
 * projection: one query by council and period, or every period ended by today. Each period's
 * deadline is counted by the council's deadlines in force on its last day, and due or overdue is
 * decided against today.
 */
@QueryHandler(GetReturnsQuery)
export class GetReturnsHandler implements IQueryHandler<GetReturnsQuery, ReturnsAnswer> {
  private readonly calendar: WorkingDayCalendar = new BankHolidayCalendar();

  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly settings: CouncilSettingsStore,
  ) {}

  async execute({ caller, filters, now }: GetReturnsQuery): Promise<ReturnsAnswer> {
    const today = ukDateOf(now);
    const period = filters.period === null ? null : normalisePeriod(filters.period);
    const where: Record<string, FieldCondition> = { council: caller.council, live: true, ...(period === null ? { periodEnd: { $lt: today } } : { period }) };
    if (caller.services !== null) where.service = { $in: caller.services };
    const [found, { recorded }] = await Promise.all([findAll(this.reads, PLAN_RETURNS_COLLECTION, where), this.settings.load(caller.council)]);
    const deadlineOf = this.deadlines(recorded);
    const inScope = found
      .map((document) => documentBody<PlanReturnsDocument>(document))
      .flatMap((document) => document.returns.map((entry) => itemOf(document, entry, deadlineOf(document.period), today)))
      .filter((item) => !filters.mine || isCallers(item, caller))
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.service.localeCompare(b.service) || a.planTitle.localeCompare(b.planTitle));
    const counts = Object.fromEntries(RETURN_STATUSES.map((status) => [status, inScope.filter((item) => item.status === status).length])) as Record<ReturnStatus, number>;
    return {
      council: caller.council,
      period,
      today,
      mine: filters.mine,
      status: filters.status,
      counts,
      items: filters.status === null ? inScope : inScope.filter((item) => item.status === filters.status),
    };
  }

  /** Each period's deadline, worked out once per period asked about. */
  private deadlines(recorded: RecordedSettingsEvent[]): (period: string) => string {
    const known = new Map<string, string>();
    return (period) => {
      let deadline = known.get(period);
      if (deadline === undefined) {
        const rule = returnDeadlineRuleInForceAt(recorded, endOfUkDay(periodBounds(period).to).toISOString());
        deadline = returnDeadline(period, rule, this.calendar);
        known.set(period, deadline);
      }
      return deadline;
    };
  }
}
