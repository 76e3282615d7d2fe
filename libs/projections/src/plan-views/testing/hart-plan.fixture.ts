import type { Target } from '@app/domain';
import {
  hartIndicatorDefinition,
  hartOutcome,
  hartPlanDraft,
  hartPriority,
  hartYearFigure,
  hartYearTarget,
} from '@app/domain/plan/testing/hart-2023-24.seed';
import { OFFICER, PlanStream } from './plan-stream.fixture';

/**
 * Hart's 2023/24 Corporate Services plan, shortened: two versions around O&S scrutiny, a withdrawn
 * priority, Council Tax collection (CP7, cumulative, 98% for the year, profiled 49% by Q2 and not
 * profiled for Q1) and missed bins (CP10, no more than 40 per 100,000), then two quarters of data.
 * The Hart facts come from the seed; the story around them (the 97% draft target, the Q2 profile,
 * the withdrawal, the figures) is ILLUSTRATIVE.
 */
export const HART_OBJECTIVE = '6.3 Actively tell residents how we use Council resources';

const cp7YearTarget = hartYearFigure('CP7');
const cp7DraftTarget: Target = { ...cp7YearTarget, value: 97 };
const cp7Q2Profile: Target = { period: '2023/24-Q2', value: 49, text: null, upper: null, baseline: null, comparison: 'at-least' };
const cp10YearTarget = hartYearTarget('CP10');

export function hartPlan(): PlanStream {
  const plan = new PlanStream('hart-cs-2023-24');
  plan.add('PlanDrafted', hartPlanDraft());
  const priority = (ref: string, objective: string | null) => {
    const { title, themes } = hartPriority(ref);
    return { ref, title, themes, themeIds: [], objective, kind: 'priority' as const, sponsor: null, manager: null };
  };
  plan.add('PriorityAdded', { ...priority('6', HART_OBJECTIVE), outcomes: [hartOutcome('6', 1, '6a', '2024-03-31')] });
  plan.add('PriorityAdded', { ...priority('8', HART_OBJECTIVE), outcomes: [hartOutcome('8', 1, '8a', '2024-03-31')] });
  plan.add('PriorityAdded', { ...priority('10', null), outcomes: [] });
  plan.add('IndicatorDefined', { ...hartIndicatorDefinition('CP7'), tolerance: 5, toleranceAbsolute: null, themeId: null, targets: [cp7DraftTarget] });
  plan.add('IndicatorDefined', { ...hartIndicatorDefinition('CP10'), tolerance: 5, toleranceAbsolute: null, themeId: null, targets: [cp10YearTarget] });
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
    meetingId: null,
  });
  plan.add('TargetChanged', {
    code: 'CP7',
    unit: 'percent',
    polarity: 'higher-is-better',
    period: '2023/24',
    previous: cp7DraftTarget,
    target: cp7YearTarget,
    reason: 'O&S minute 126',
    authority: null,
  });
  plan.add('TargetSet', {
    code: 'CP7',
    unit: 'percent',
    polarity: 'higher-is-better',
    target: cp7Q2Profile,
    reason: 'Profiled collection to the end of September',
    authority: null,
  });
  plan.add('PriorityWithdrawn', { ref: '6', kind: 'priority', title: hartPriority('6').title, reason: 'merged into 8' });
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
      assessedAgainst: { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
      recordedBy: OFFICER.id, source: null, method: null, caveats: null,
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
      recordedBy: OFFICER.id, source: null, method: null, caveats: null,
      assessedAgainst: {
        target: cp10YearTarget,
        source: 'year',
        tolerancePercent: 5,
        toleranceAbsolute: null,
        baselineFigure: null,
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
      recordedBy: OFFICER.id, source: null, method: null, caveats: null,
      assessedAgainst: {
        target: cp7Q2Profile,
        source: 'period',
        tolerancePercent: 5,
        toleranceAbsolute: null,
        baselineFigure: null,
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
      recordedBy: OFFICER.id, source: null, method: null, caveats: null,
      assessedAgainst: {
        target: cp10YearTarget,
        source: 'year',
        tolerancePercent: 5,
        toleranceAbsolute: null,
        baselineFigure: null,
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
