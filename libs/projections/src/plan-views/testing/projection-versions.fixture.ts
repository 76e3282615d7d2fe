import {
  HART_ILLUSTRATIVE_ACTUALS,
  HART_INDICATORS,
  HART_PRIORITIES,
  HART_QUARTERS,
  hartIndicator,
  hartIndicatorDefinition,
  hartYearTarget,
} from '@app/domain/plan/testing/hart-2023-24.seed';
import type { Figure, Polarity, Target, Unit } from '@app/domain';
import type { ProjectedEvent } from '../../projector/projection';
import { hartPlan } from './hart-plan.fixture';
import { CHECKER, OFFICER, PlanStream } from './plan-stream.fixture';

/** Priorities and indicators `hartPlan` already holds; the rest of the seed's are added later in the year. */
const IN_THE_STORY = { priorities: ['6', '8', '10'], indicators: ['CP7', 'CP10'] };
/** Quarters `hartPlan` already reported for its two indicators. */
const REPORTED = ['2023/24-Q1', '2023/24-Q2'];

/**
 * What every registered projection is folded through for `projection-versions.json`: Hart's plan
 * (`hartPlan`), then the rest of its year, so that the stream holds every plan event type and more
 * than a snapshot interval of events: reopened for revision, a priority revised, outcomes added,
 * changed and removed, an indicator revised, baselines recorded and corrected, an indicator linked to priorities and relinked, the rest of the seed's priorities and indicators,
 * version 3 published and approved, a year of illustrative actuals with one restated, progress, the
 * plan rolled forward to 2024/25 and closed. Another council's plan, rolled forward from its 2017-2020 plan, sits beside it, with its budget lines added, revised and
 * removed and a printed total set and removed, a risk register, its contract, key posts and skills
 * entered, revised and removed, its workforce recorded twice, and its prose: narrative sections and
 * contributions to its strategic themes, added, revised and removed. The story after `hartPlan` is ILLUSTRATIVE;
 * outcome dates the seed writes as text are left unread (null), as only the events' shapes matter here.
 */
export function projectionVersionsStream(): ProjectedEvent[] {
  const threeRivers = new PlanStream('three-rivers-cs-2020-23', '2019-10-02T10:00:00.000Z', 5, 'three-rivers');
  threeRivers.add('PlanDrafted', {
    council: 'three-rivers',
    service: 'Corporate Services',
    title: 'Corporate Services Service Plan 2020-2023',
    period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
    owner: null,
  });
  threeRivers.add('PlanRolledForwardFrom', { fromPlanId: 'three-rivers-cs-2017-20', fromPeriod: '2017-2020', fromRevision: 41, fromVersionLabel: '3' });
  enterThreeRiversBudget(threeRivers);
  registerRisks(threeRivers);
  enterTheRegisterAndWorkforce(threeRivers);
  writeTheProse(threeRivers);
  const hart = hartPlan();
  reviseInTheYear(hart);
  reportTheYear(hart);
  return [...threeRivers.events, ...hart.events];
}

/** The net cost the plan prints, then an ILLUSTRATIVE income line revised and removed and a printed total set and removed. */
function enterThreeRiversBudget(plan: PlanStream): void {
  const latest = (year: string, value: number) => ({ year, kind: 'latest' as const, value });
  plan.add('BudgetLineAdded', {
    code: 'CS-NET',
    title: 'Net Cost of Service (Direct cost / Income Only)',
    note: null,
    amounts: [latest('2020/21', 1_824_973), latest('2021/22', 1_768_881), latest('2022/23', 1_840_221)],
  });
  const income = [{ year: '2020/21', kind: 'original' as const, value: -120_000 }];
  plan.add('BudgetLineAdded', { code: 'LAND', title: 'Land charges', note: null, amounts: income });
  plan.add('BudgetLineRevised', {
    code: 'LAND',
    changes: { note: 'Fewer searches', amounts: [...income, latest('2020/21', -98_450.1)] },
    previous: { note: null, amounts: income },
    reason: 'Latest budget for 2020/21',
  });
  plan.add('BudgetPrintedTotalSet', { year: '2020/21', kind: 'latest', value: 1_726_532.9, previous: null, reason: null });
  plan.add('BudgetLineRemoved', {
    code: 'LAND',
    previous: { title: 'Land charges', note: 'Fewer searches', amounts: [...income, latest('2020/21', -98_450.1)] },
    reason: 'Shown under Planning',
  });
  plan.add('BudgetPrintedTotalRemoved', { year: '2020/21', kind: 'latest', previous: 1_726_532.9, reason: 'The plan prints no total' });
}

/** Two of Three Rivers' nine risks as printed (R1's inherent score is ILLUSTRATIVE), one revised, one removed, one reviewed. */
function registerRisks(plan: PlanStream): void {
  const low4 = { likelihood: 2, impact: 2, score: 4, band: 'low' as const };
  const medium6 = { likelihood: 3, impact: 2, score: 6, band: 'medium' as const };
  const base = { owner: null, controls: null, reviewDate: null };
  plan.add('RiskAdded', { ref: 'R1', title: 'Insufficient staff', ...base, inherent: { likelihood: 3, impact: 3, score: 9, band: 'high' }, residual: low4 });
  plan.add('RiskAdded', { ref: 'R4', title: 'Fraudulent activity', ...base, inherent: null, residual: { likelihood: 1, impact: 2, score: 2, band: 'low' } });
  plan.add('RiskRevised', { ref: 'R1', changes: { owner: 'Head of Corporate Services' }, previous: { owner: null }, reason: 'Owner named' });
  plan.add('RiskRemoved', { ref: 'R4', title: 'Fraudulent activity', reason: 'Moved to the corporate register' });
  plan.add('RiskReviewed', { ref: 'R1', period: '2020/21-Q1', residual: medium6, commentary: 'Two vacancies' }, { actor: OFFICER });
}

function enterTheRegisterAndWorkforce(plan: PlanStream): void {
  const hosting = {
    ref: 'C1',
    title: 'Website hosting, licence and maintenance',
    serviceArea: 'Communications',
    contact: 'Phil King',
    description: 'Website hosting, licence and maintenance',
    supplier: 'Byte9',
    value: 19700,
    start: { text: 'March 2014', date: '2014-03-31' },
    end: null,
    review: null,
    extension: 'Annual renewal',
  };
  const payroll = { ...hosting, ref: 'C2', title: 'Payroll bureau', supplier: 'Acme', value: null, start: null, extension: null };
  plan.add('ContractAdded', { contract: hosting });
  plan.add('ContractAdded', { contract: payroll });
  const bare = { succession: null, skills: null, networks: null, impact: null, options: null };
  plan.add('KeyPostAdded', { keyPost: { ...bare, ref: 'SPOF1', jobTitle: 'Emergency Planning and Risk Manager / Data Protection Officer' } });
  plan.add('KeyPostAdded', { keyPost: { ...bare, ref: 'SPOF2', jobTitle: 'Senior Communications Officer' } });
  plan.add('SkillAdded', { skill: { ref: 'SK1', jobTitle: 'Graphic Designer', qualification: null, cpdRequired: true } });
  plan.add('SkillAdded', { skill: { ref: 'SK2', jobTitle: 'Senior Communications Officer', qualification: null, cpdRequired: null } });
  const march2020 = { asAt: '2020-03-31', units: [{ name: 'Communications', headcount: 4, fte: 3.6 }] };
  plan.add('WorkforceRecorded', { position: march2020, replaced: null, reason: null });
  plan.add('VersionPublished', { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });
  plan.add('ContractRevised', { ref: 'C1', changes: { value: 21000 }, previous: { value: 19700 }, reason: 'Renewed' });
  plan.add('ContractRemoved', { contract: payroll, reason: 'Brought in house' });
  plan.add('KeyPostRevised', { ref: 'SPOF1', changes: { options: 'Extend traded partnership arrangements.' }, previous: { options: null }, reason: 'Options agreed' });
  plan.add('KeyPostRemoved', { keyPost: { ...bare, ref: 'SPOF2', jobTitle: 'Senior Communications Officer' }, reason: 'Post shared' });
  plan.add('SkillRevised', { ref: 'SK1', changes: { qualification: 'Design degree' }, previous: { qualification: null }, reason: 'Asked' });
  plan.add('SkillRemoved', { skill: { ref: 'SK2', jobTitle: 'Senior Communications Officer', qualification: null, cpdRequired: null }, reason: 'Post shared' });
  const units = [{ name: 'Communications', headcount: 5, fte: null }];
  plan.add('WorkforceRecorded', { position: { asAt: '2021-03-31', units }, replaced: march2020, reason: 'Year-end figures' });
  plan.add('VersionPublished', { label: '2.0', reason: 'Register and workforce updated', effectiveDate: '2020-02-25' });
}

function reviseInTheYear(plan: PlanStream): void {
  plan.add('PlanReopenedForRevision', { reason: 'Priorities of the new Corporate Plan' });
  plan.add('PriorityRevised', {
    ref: '10',
    kind: 'priority',
    changes: { objective: '6.1 Modernise the Council’s technology' },
    previous: { objective: null },
    reason: 'Linked to the new Corporate Plan',
  });
  const migration = {
    ref: '10a',
    description: 'Migrate the remaining servers to the cloud',
    targetDate: { text: 'Dec 2023', date: '2023-12-31' },
    due: { period: '2023/24-Q3', date: '2023-12-31' },
  };
  const ofPriority10 = { priorityRef: '10', priorityKind: 'priority' } as const;
  plan.add('OutcomeAdded', { ...ofPriority10, outcome: migration, reason: 'Split out of the priority' });
  const later = { ...migration, targetDate: { text: 'Jan 2024', date: '2024-01-31' } };
  plan.add('OutcomeChanged', { ...ofPriority10, outcomeRef: '10a', before: migration, after: later, reason: 'Supplier delay' });
  plan.add('OutcomeRemoved', { ...ofPriority10, outcome: later, reason: 'Done within the priority after all' });
  plan.add('IndicatorRevised', {
    code: 'CP10',
    changes: { tolerance: 10 },
    previous: { tolerance: 5 },
    reason: 'Roadworks make monthly figures swing',
  });
  const cp7Outturn = { period: '2022/23', value: 97.1, source: '2022/23 outturn', note: null };
  plan.add('BaselineRecorded', { code: 'CP7', unit: 'percent', baseline: cp7Outturn, previous: null, reason: null });
  plan.add('BaselineRecorded', {
    code: 'CP7',
    unit: 'percent',
    baseline: { ...cp7Outturn, value: 97.4 },
    previous: cp7Outturn,
    reason: 'Audited outturn',
  });
  plan.add('IndicatorLinked', { code: 'CP7', priorityRefs: ['6', '8'], previous: [], reason: null });
  plan.add('IndicatorLinked', { code: 'CP7', priorityRefs: ['8'], previous: ['6', '8'], reason: 'Measures the income work only' });
  const nobody = { owner: null, approver: null };
  plan.add('IndicatorOwnershipAssigned', { code: 'CP7', owner: 'u-revenues', approver: CHECKER.id, previous: nobody, reason: null });
  plan.add('PriorityOwnershipAssigned', {
    ref: '10',
    kind: 'priority',
    owner: 'u-ict',
    approver: null,
    previous: nobody,
    reason: 'Named after the restructure',
  });
  for (const { ref, title, themes, outcomes } of HART_PRIORITIES.filter(({ ref }) => !IN_THE_STORY.priorities.includes(ref))) {
    plan.add('PriorityAdded', {
      ref,
      title,
      themes, themeIds: [],
      objective: null,
      kind: 'priority',
      sponsor: null,
      manager: null,
      outcomes: outcomes.map(({ description, targetDate }, index) => ({
        ref: `${ref}${String.fromCharCode(97 + index)}`,
        description,
        targetDate: { text: targetDate, date: null },
        due: null,
      })),
    });
  }
  for (const { code } of HART_INDICATORS.filter(({ code }) => !IN_THE_STORY.indicators.includes(code))) {
    // CP11's tolerance is an amount in its unit, so that both kinds are held.
    const tolerance = code === 'CP11' ? { tolerance: null, toleranceAbsolute: 10 } : { tolerance: 5, toleranceAbsolute: null };
    plan.add('IndicatorDefined', { ...hartIndicatorDefinition(code), ...tolerance, themeId: null, targets: [hartYearTarget(code)] });
  }
  // A range, a strict comparison and a target not yet set, with their words.
  const targetFor = (code: string, target: Target) => {
    const { unit, polarity } = hartIndicator(code);
    plan.add('TargetSet', { code, unit, polarity, target, reason: null, authority: null });
  };
  targetFor('CP13', { period: '2023/24-Q1', value: 44, upper: 48, baseline: null, comparison: 'between', text: 'Between 44% and 48%' });
  targetFor('CP12', { period: '2023/24-Q4', value: 25, upper: null, baseline: null, comparison: 'less-than', text: 'Less than £25' });
  targetFor('CP9', { period: '2023/24-Q1', value: null, upper: null, baseline: null, comparison: null, text: 'TBA' });
  // ILLUSTRATIVE: a date target, a yes/no result and a target relative to a baseline, each of a unit or kind of its own.
  for (const { code, title, unit, polarity, tolerance, target } of EXTRA_INDICATORS) {
    plan.add('IndicatorDefined', {
      code,
      title,
      description: null,
      unit,
      polarity,
      basis: 'annual',
      frequency: 'annual',
      tolerance: null,
      toleranceAbsolute: tolerance,
      themeId: null,
      targets: [target],
    });
  }
  plan.add('BaselineRecorded', { code: 'CS22', unit: 'percent', baseline: { period: '2022/23', value: 61, source: 'Residents survey 2022', note: null }, previous: null, reason: null });
  plan.add('VersionPublished', { label: '3', reason: 'Version updated for the new Corporate Plan', effectiveDate: '2023-10-01' });
  plan.add('PlanApproved', { body: 'Cabinet', meetingDate: '2023-10-05', decisionRef: 'Cabinet minute 61', versionLabel: '3' });
  plan.add('ProgressReviewed', {
    committee: 'Overview and Scrutiny Services Panel',
    meetingDate: '2023-11-14',
    minuteRef: 'minute 44',
    comments: ['Keep the Council Tax collection rate under review'],
    meetingId: '0b6f5a0e-4c1d-5e8f-9a2b-3c4d5e6f7a8b',
  });
}

const EXTRA_INDICATORS: ReadonlyArray<{
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  tolerance: number;
  target: Target;
  actual: Figure;
  baselineFigure: number | null;
}> = [
  {
    code: 'CS20',
    title: 'Statement of accounts published',
    unit: 'date',
    polarity: 'lower-is-better',
    tolerance: 7,
    target: { period: '2023/24', value: '2024-09-30', upper: null, baseline: null, comparison: 'at-most', text: 'By September 2024' },
    actual: '2024-10-04',
    baselineFigure: null,
  },
  {
    code: 'CS21',
    title: 'Pay policy statement published',
    unit: 'yes-no',
    polarity: 'higher-is-better',
    tolerance: 0,
    target: { period: '2023/24', value: true, upper: null, baseline: null, comparison: 'equal', text: null },
    actual: false,
    baselineFigure: null,
  },
  {
    code: 'CS22',
    title: 'Residents satisfied with the way the Council runs things',
    unit: 'percent',
    polarity: 'higher-is-better',
    tolerance: 2,
    target: { period: '2023/24', value: null, upper: null, baseline: '2022/23', comparison: 'more-than', text: 'Above the 2022 survey' },
    actual: 64,
    baselineFigure: 61,
  },
];

function reportTheYear(plan: PlanStream): void {
  const officer = { actor: OFFICER };
  for (const [code, figures] of Object.entries(HART_ILLUSTRATIVE_ACTUALS)) {
    const { unit, polarity } = hartIndicator(code);
    const assessedAgainst = {
      target: hartYearTarget(code),
      source: 'year' as const,
      tolerancePercent: code === 'CP10' ? 10 : 5,
      toleranceAbsolute: null,
      baselineFigure: null,
    };
    for (const [period, value] of Object.entries(figures)) {
      if (IN_THE_STORY.indicators.includes(code) && REPORTED.includes(period)) continue;
      plan.add('ActualRecorded', { code, unit, polarity, period, value, commentary: null, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst }, officer);
    }
  }
  plan.add(
    'ActualRestated',
    {
      code: 'CP7',
      unit: 'percent',
      polarity: 'higher-is-better',
      period: HART_QUARTERS[2],
      previous: { value: HART_ILLUSTRATIVE_ACTUALS.CP7[HART_QUARTERS[2]]!, commentary: null },
      value: 86.2,
      commentary: 'Late direct debits counted',
      reason: 'Figures corrected after the reconciliation',
      assessedAgainst: { target: hartYearTarget('CP7'), source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
      recordedBy: OFFICER.id,
      source: 'Capita revenues system',
      method: 'Cash received ÷ net collectable debit',
      caveats: null,
    },
    officer,
  );
  for (const { code, unit, polarity, target, actual, baselineFigure, tolerance } of EXTRA_INDICATORS) {
    const assessedAgainst = { target, source: 'period' as const, tolerancePercent: null, toleranceAbsolute: tolerance, baselineFigure };
    plan.add('ActualRecorded', { code, unit, polarity, period: '2023/24', value: actual, commentary: null, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst }, officer);
  }
  const checker = { actor: CHECKER };
  plan.add('ActualVerified', { code: 'CP7', unit: 'percent', period: HART_QUARTERS[2], value: 86.2, verifiedBy: CHECKER.id }, checker);
  plan.add(
    'ActualRejected',
    {
      code: 'CP7',
      unit: 'percent',
      period: HART_QUARTERS[3],
      value: HART_ILLUSTRATIVE_ACTUALS.CP7[HART_QUARTERS[3]]!,
      rejectedBy: CHECKER.id,
      reason: 'The year-end figure is not yet reconciled',
    },
    checker,
  );
  for (const priorityRef of ['8', '10']) {
    plan.add(
      'ProgressRecorded',
      {
        priorityRef,
        milestone: null,
        period: HART_QUARTERS[3],
        percentComplete: 100,
        status: 'completed',
        position: null,
        commentary: null,
      },
      officer,
    );
  }
  plan.add('PlanRolledForward', { toPlanId: 'hart-cs-2024-25', toPeriod: '2024/25' });
  plan.add('PlanClosed', { reason: 'Superseded by the 2024/25 plan' });
}

/** Three Rivers' introduction and two of its themes as printed; their revision and removal are ILLUSTRATIVE. */
function writeTheProse(plan: PlanStream): void {
  const introduction = 'The progress of this service plan will be monitored in the following ways:\n\n- By Committee reports twice a year';
  plan.add('NarrativeSectionAdded', { key: 'monitoring', title: 'Introduction', text: introduction, order: 1 });
  plan.add('NarrativeSectionAdded', { key: 'structure', title: '1.3 Service, Organisational Chart', text: 'Corporate Services', order: 3 });
  plan.add('NarrativeSectionRevised', {
    key: 'monitoring',
    changes: { text: `${introduction} (at the end of quarters two and four)` },
    previous: { text: introduction },
    reason: 'Quarters named',
  });
  plan.add('NarrativeSectionRemoved', { key: 'structure', title: '1.3 Service, Organisational Chart', reason: 'The chart is a picture' });
  plan.add('ContributionAdded', {
    themeId: 'housing-and-thriving-communities',
    themeTitle: 'Housing and Thriving Communities',
    objectiveRefs: ['We will work on a local plan to deliver sufficient housing and adopt that plan by 2021'],
    contribution: 'Corporate Services will support the service departments to meet these priorities.',
  });
  plan.add('ContributionAdded', {
    themeId: 'sustainable-environment',
    themeTitle: 'Sustainable Environment',
    objectiveRefs: ['We will produce and deliver a Climate Change Strategy and action plan'],
    contribution: null,
  });
  plan.add('ContributionRevised', {
    themeId: 'sustainable-environment',
    changes: { themeTitle: null },
    previous: { themeTitle: 'Sustainable Environment' },
    reason: 'Named by its id alone',
  });
  plan.add('ContributionRemoved', { themeId: 'sustainable-environment', themeTitle: null, reason: 'Led by another service' });
}
