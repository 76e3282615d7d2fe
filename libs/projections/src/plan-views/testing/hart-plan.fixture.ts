import { OFFICER, PlanStream } from './plan-stream.fixture';

/**
 * Hart's 2023/24 Corporate Services plan, shortened: two versions around O&S scrutiny, a withdrawn
 * priority, Council Tax collection (CP7, cumulative, 98% for the year, profiled 49% by Q2 and not
 * profiled for Q1) and missed bins (CP10, no more than 40 per 100,000), then two quarters of data.
 */
export const HART_OBJECTIVE = '6.3 Actively tell residents how we use Council resources';

export function hartPlan(): PlanStream {
  const plan = new PlanStream('hart-cs-2023-24');
  plan.add('PlanDrafted', {
    council: 'hart',
    service: 'Corporate Services',
    title: 'Corporate Services Service Plan 2023/24',
    period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
    owner: 'Head of Corporate Services',
  });
  plan.add('PriorityAdded', {
    ref: '6',
    title: 'Improving external communication',
    themes: ['People', 'Resilient and financially sound council'],
    objective: HART_OBJECTIVE,
    outcomes: [
      {
        ref: '6a',
        description: 'Development of marketing and advertising policy',
        targetDate: { text: 'Oct 2023', date: '2023-10-31' },
      },
    ],
  });
  plan.add('PriorityAdded', {
    ref: '8',
    title: "Refresh Hart's Digital Strategy and customer offer",
    themes: ['People', 'Resilient and financially sound council'],
    objective: HART_OBJECTIVE,
    outcomes: [
      {
        ref: '8a',
        description: 'Draft, consult and deliver new Digital Strategy',
        targetDate: { text: 'March 2024', date: '2024-03-31' },
      },
    ],
  });
  plan.add('PriorityAdded', {
    ref: '10',
    title: 'IT - On-premises server upgrade/ move to cloud',
    themes: ['Resilient and financially sound council'],
    objective: null,
    outcomes: [],
  });
  plan.add('IndicatorDefined', {
    code: 'CP7',
    title: 'Percentage of Council Tax collected',
    description: 'Year to date figures, values are cumulative (higher is better)',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'cumulative-ytd',
    frequency: 'quarterly',
    tolerance: 5,
    targets: [{ period: '2023/24', value: 97, text: null, comparison: 'at-least' }],
  });
  plan.add('IndicatorDefined', {
    code: 'CP10',
    title: 'Number of missed collections excluding garden waste (per 100,000)',
    description: null,
    unit: 'rate-per-100k',
    polarity: 'lower-is-better',
    basis: 'period',
    frequency: 'quarterly',
    tolerance: 5,
    targets: [{ period: '2023/24', value: 40, text: 'no more than 40 per 100,000', comparison: 'at-most' }],
  });
  plan.add('VersionPublished', { label: '1', reason: 'Version to be considered by O&S Committee', effectiveDate: null });
  plan.add('PlanSubmittedForScrutiny', {
    committee: 'Overview and Scrutiny Committee',
    meetingDate: '2023-06-20',
    versionLabel: '1',
  });
  plan.add('ScrutinyCommentsRecorded', {
    committee: 'Overview and Scrutiny Committee',
    meetingDate: '2023-06-20',
    minuteRef: 'minute 126',
    comments: ['Merge priority 6 into 8', 'Raise the Council Tax collection target to 98%'],
  });
  plan.add('TargetChanged', {
    code: 'CP7',
    unit: 'percent',
    polarity: 'higher-is-better',
    period: '2023/24',
    previous: { period: '2023/24', value: 97, text: null, comparison: 'at-least' },
    target: { period: '2023/24', value: 98, text: null, comparison: 'at-least' },
    reason: 'O&S minute 126',
    authority: null,
  });
  plan.add('TargetSet', {
    code: 'CP7',
    unit: 'percent',
    polarity: 'higher-is-better',
    target: { period: '2023/24-Q2', value: 49, text: null, comparison: 'at-least' },
    reason: 'Profiled collection to the end of September',
    authority: null,
  });
  plan.add('PriorityWithdrawn', { ref: '6', title: 'Improving external communication', reason: 'merged into 8' });
  plan.add('VersionPublished', { label: '2', reason: 'Version updated to reflect O&S comments', effectiveDate: null });
  plan.add('PlanApproved', {
    body: 'Cabinet',
    meetingDate: '2023-07-06',
    decisionRef: 'Cabinet minute 23',
    versionLabel: '2',
  });
  const officer = { actor: OFFICER };
  plan.add(
    'ActualRecorded',
    {
      code: 'CP7',
      unit: 'percent',
      polarity: 'higher-is-better',
      period: '2023/24-Q1',
      value: 28.1,
      commentary: 'In line with last year',
      assessedAgainst: { target: null, source: 'none', tolerancePercent: 5 },
    },
    officer,
  );
  plan.add(
    'ActualRecorded',
    {
      code: 'CP10',
      unit: 'rate-per-100k',
      polarity: 'lower-is-better',
      period: '2023/24-Q1',
      value: 35,
      commentary: null,
      assessedAgainst: {
        target: { period: '2023/24', value: 40, text: 'no more than 40 per 100,000', comparison: 'at-most' },
        source: 'year',
        tolerancePercent: 5,
      },
    },
    officer,
  );
  plan.add(
    'ProgressRecorded',
    {
      priorityRef: '8',
      milestone: null,
      period: '2023/24-Q1',
      percentComplete: 25,
      status: 'on-track',
      position: 'Review of the 2019 strategy under way',
      commentary: null,
    },
    officer,
  );
  plan.add(
    'ProgressRecorded',
    {
      priorityRef: '10',
      milestone: null,
      period: '2023/24-Q1',
      percentComplete: 60,
      status: 'on-track',
      position: null,
      commentary: null,
    },
    officer,
  );
  plan.add(
    'ActualRecorded',
    {
      code: 'CP7',
      unit: 'percent',
      polarity: 'higher-is-better',
      period: '2023/24-Q2',
      value: 55.2,
      commentary: 'Ahead of profile',
      assessedAgainst: {
        target: { period: '2023/24-Q2', value: 49, text: null, comparison: 'at-least' },
        source: 'period',
        tolerancePercent: 5,
      },
    },
    officer,
  );
  plan.add(
    'ActualRecorded',
    {
      code: 'CP10',
      unit: 'rate-per-100k',
      polarity: 'lower-is-better',
      period: '2023/24-Q2',
      value: 41,
      commentary: 'Two rounds disrupted by roadworks',
      assessedAgainst: {
        target: { period: '2023/24', value: 40, text: 'no more than 40 per 100,000', comparison: 'at-most' },
        source: 'year',
        tolerancePercent: 5,
      },
    },
    officer,
  );
  plan.add(
    'ProgressRecorded',
    {
      priorityRef: '8',
      milestone: '8a',
      period: '2023/24-Q2',
      percentComplete: 50,
      status: 'at-risk',
      position: 'Consultation drafted',
      commentary: 'Consultation delayed to Q3',
    },
    officer,
  );
  plan.add(
    'ProgressRecorded',
    {
      priorityRef: '10',
      milestone: null,
      period: '2023/24-Q2',
      percentComplete: 100,
      status: 'completed',
      position: 'Servers migrated',
      commentary: null,
    },
    officer,
  );
  return plan;
}
