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

/** Events of Hart's Corporate Services plan 2023/24 (see the seeds), at each stage of its life. */

export const HART_PLAN_ID = 'hart-corporate-services-2023-24';
const planId = HART_PLAN_ID;

export const hartDrafted: PlanDrafted = {
  type: 'PlanDrafted',
  data: {
    planId,
    council: 'hart',
    service: 'Corporate Services',
    title: 'Service Plan 2023/24: Corporate Services',
    period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
    owner: 'Graeme Clark',
  },
};

export const priority3Added: PriorityAdded = {
  type: 'PriorityAdded',
  data: {
    planId,
    ref: '3',
    title: 'Ensure an effective transition from the Mendip/Capita outsourced arrangement',
    themes: ['Resilient and financially sound council'],
    objective: null,
    outcomes: [
      { ref: '1', description: 'Smooth transition and knowledge transfer', targetDate: { text: 'July 2023', date: '2023-07-31' } },
      { ref: '2', description: '22/23 pre-audit Accounts published', targetDate: { text: 'June 2023', date: '2023-06-30' } },
      { ref: '3', description: 'Ensure adequate skills in the finance team', targetDate: { text: 'Ongoing', date: null } },
    ],
  },
};

export const cp7Defined: IndicatorDefined = {
  type: 'IndicatorDefined',
  data: {
    planId,
    code: 'CP7',
    title: 'Percentage of Council Tax collected',
    description: 'Year to date figures, values are cumulative',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'cumulative-ytd',
    frequency: 'quarterly',
    tolerance: 5,
    targets: [
      { period: '2023/24', value: 98, text: null, comparison: 'at-least' },
      { period: '2023/24-Q1', value: 24.5, text: null, comparison: 'at-least' },
    ],
  },
};

export const cp10Defined: IndicatorDefined = {
  type: 'IndicatorDefined',
  data: {
    planId,
    code: 'CP10',
    title: 'Number of missed collections excluding garden waste (per 100,000)',
    description: null,
    unit: 'rate-per-100k',
    polarity: 'lower-is-better',
    basis: 'period',
    frequency: 'quarterly',
    tolerance: 5,
    targets: [{ period: '2023/24', value: 40, text: 'no more than 40 bins per 100,000', comparison: 'at-most' }],
  },
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
    assessedAgainst: {
      target: { period: '2023/24-Q1', value: 24.5, text: null, comparison: 'at-least' },
      source: 'period',
      tolerancePercent: 5,
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
