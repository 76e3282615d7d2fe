import type { ErrorBody } from '@app/platform';
import type { CouncilExceptions, CouncilReport, MonitoringReport, PlanDiff, PlanHistoryEntry, PlanListItem, PlanView, VersionTable } from '@app/projections';
import type { Page } from '../plans/queries/handlers/plan-queries';
import type { EventsIntegrity } from '../plans/queries/plan-time-travel';
import type { CorporatePlanAnswer, CorporatePlanHistoryAnswer } from '../corporate-plans/corporate-plans.handlers';
import type { DecisionAnswer, MeetingAnswer } from '../council-meetings/council-records.answers';
import type { IndicatorSeriesAnswer } from '../indicator-series/indicator-series.queries';
import type { CouncilWideAnswer } from '../reports/council-report.queries';
import type { RollForwardOutcome } from '../plans/commands/plan-command.service';
import type { ReturnsAnswer } from '../returns/returns.queries';
import type { CollectionRuleAnswer } from '../settings/collection-rule.handlers';
import type { RiskMatrixAnswer } from '../settings/risk-matrix.handlers';
import type { RollupRuleAnswer } from '../settings/rollup-rule.handlers';

/**
 * The answers of the reads, named as the OpenAPI document publishes them. `npm run openapi:schemas`
 * draws their JSON schemas from these types into `answer-schemas.drawn.json`; a read documents its answer
 * by one of these names (`@Answers('PlanAnswer')`).
 */

/** An answer rebuilt from events (`asOf`, `version`) carries `integrity` only when its events fail their check. */
interface PastAnswer {
  /**
   * The record-time instant the answer was read as of, when `asOf` was asked.
   * @format date-time
   */
  asOf?: string;
  /** Present only when an answer rebuilt from events finds them altered: which event fails and why. */
  integrity?: EventsIntegrity;
}

export type PlanAnswer = PlanView & PastAnswer;

export type ReportAnswer = MonitoringReport & PastAnswer;

export type PlanListPage = Page<PlanListItem>;

export type HistoryPage = Page<PlanHistoryEntry>;

export type CorporatePlanPage = Page<CorporatePlanAnswer>;

export type CouncilReportAnswer = CouncilWideAnswer<CouncilReport>;

export type CouncilExceptionsAnswer = CouncilWideAnswer<CouncilExceptions>;

export type RollForwardAnswer = RollForwardOutcome;

export type { CollectionRuleAnswer, CorporatePlanAnswer, IndicatorSeriesAnswer, CorporatePlanHistoryAnswer, DecisionAnswer, ErrorBody, MeetingAnswer, PlanDiff, ReturnsAnswer, RiskMatrixAnswer, RollupRuleAnswer, VersionTable };
