import type {
  ActualRecorded,
  IndicatorDefined,
  PlanApproved,
  PlanClosed,
  PlanDrafted,
  PlanEvent,
  PlanSubmittedForScrutiny,
  PriorityAdded,
  ScrutinyCommentsRecorded,
  VersionPublished,
} from '../plan-events';
import type { Target } from '../indicators/indicator-values';
import { SPEC_ACTOR } from './given-when-then';
import {
  hartIndicatorDefinition,
  hartOutcome,
  hartPlanDraft,
  hartPriority,
  hartYearFigure,
  hartYearTarget,
} from './hart-2023-24.seed';

/** Events of Hart's Corporate Services plan 2023/24, from its seed, at each stage of its life. */

export const HART_PLAN_ID = 'hart-corporate-services-2023-24';
const planId = HART_PLAN_ID;

export const hartDrafted: PlanDrafted = {
  type: 'PlanDrafted',
  data: { planId, ...hartPlanDraft() },
};

const priority3 = hartPriority('3');

/** Priority 3 with the first three of its outcomes. */
export const priority3Added: PriorityAdded = {
  type: 'PriorityAdded',
  data: {
    planId,
    ref: priority3.ref,
    title: priority3.title,
    themes: priority3.themes, themeIds: [],
    objective: null,
    kind: 'priority',
    sponsor: null,
    manager: null,
    outcomes: [hartOutcome('3', 0, '1', '2023-07-31'), hartOutcome('3', 1, '2', '2023-06-30'), hartOutcome('3', 2, '3', null)],
  },
};

/** The Q1 profile is ILLUSTRATIVE: the seed sets only the year's target. */
const cp7Q1Profile: Target = { period: '2023/24-Q1', value: 24.5, text: null, upper: null, baseline: null, comparison: 'at-least' };

/** CP12 as the Hart plan defines it, before its targets: what a DefineIndicator command for it says. */
export const CP12_DEFINITION = {
  code: 'CP12',
  title: 'Overall cost of waste per household',
  unit: 'currency' as const,
  polarity: 'lower-is-better' as const,
  basis: 'annual' as const,
  frequency: 'annual' as const,
};

export const cp7Defined: IndicatorDefined = {
  type: 'IndicatorDefined',
  data: {
    planId,
    ...hartIndicatorDefinition('CP7'),
    tolerance: 5,
    toleranceAbsolute: null, themeId: null,
    targets: [hartYearFigure('CP7'), cp7Q1Profile],
  },
};

export const cp10Defined: IndicatorDefined = {
  type: 'IndicatorDefined',
  data: { planId, ...hartIndicatorDefinition('CP10'), tolerance: 5, toleranceAbsolute: null, themeId: null, targets: [hartYearTarget('CP10')] },
};

const version1Published: VersionPublished = {
  type: 'VersionPublished',
  data: { planId, label: '1', reason: 'Version to be considered by O&S Committee', effectiveDate: '2023-05-30' },
};

export const submittedToScrutiny: PlanSubmittedForScrutiny = {
  type: 'PlanSubmittedForScrutiny',
  data: { planId, committee: 'Overview and Scrutiny Committee', meetingDate: '2023-06-20', versionLabel: '1' },
};

export const scrutinyCommentsRecorded: ScrutinyCommentsRecorded = {
  type: 'ScrutinyCommentsRecorded',
  data: {
    planId,
    committee: 'Overview and Scrutiny Committee',
    meetingDate: '2023-06-20',
    minuteRef: 'minute 126',
    comments: ['Add a measure of missed bin collections'],
    meetingId: null,
  },
};

export const version2Published: VersionPublished = {
  type: 'VersionPublished',
  data: { planId, label: '2', reason: 'Version updated to reflect O&S comments', effectiveDate: '2023-06-27' },
};

const approvedByCabinet: PlanApproved = {
  type: 'PlanApproved',
  data: { planId, body: 'Cabinet', meetingDate: '2023-07-06', decisionRef: 'CAB 23/07', versionLabel: '2' },
};

export const cp7Q1Recorded: ActualRecorded = {
  type: 'ActualRecorded',
  data: {
    planId,
    code: 'CP7',
    unit: 'percent',
    polarity: 'higher-is-better',
    period: '2023/24-Q1',
    value: 29.1,
    commentary: null,
    recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
    assessedAgainst: {
      target: cp7Q1Profile,
      source: 'period',
      tolerancePercent: 5,
      toleranceAbsolute: null,
      baselineFigure: null,
    },
  },
};

const planClosed: PlanClosed = {
  type: 'PlanClosed',
  data: { planId, reason: 'The 2023/24 year has ended' },
};

export const draftPlan: PlanEvent[] = [hartDrafted, priority3Added, cp7Defined, version1Published];
export const planInScrutiny: PlanEvent[] = [...draftPlan, submittedToScrutiny];
export const approvedPlan: PlanEvent[] = [
  ...planInScrutiny,
  scrutinyCommentsRecorded,
  cp10Defined,
  version2Published,
  approvedByCabinet,
];
export const planInMonitoring: PlanEvent[] = [...approvedPlan, cp7Q1Recorded];
export const closedPlan: PlanEvent[] = [...planInMonitoring, planClosed];
