import type { Outcome } from '../priorities/priority-values';
import type { Target, TargetComparison } from '../indicators/indicator-values';
import { defaultComparison } from '../indicators/targets';
import type { PlanPeriod } from '../plan-values';

/**
 * Hart District Council, Service Plan 2023/24: Corporate Services, as published
 * (`/work/shared/seeds/hart-2023-24-corporate-services-service-plan.txt`), in the shapes of the
 * command API's request bodies (the helpers at the end give them in the shapes of the plan's events,
 * for the domain and projection specs). Where the seed states an indicator's polarity or basis, it is taken
 * from there ("Year to date figures, values are cumulative (higher is better)"); where it is silent
 * (CP2, CP4, CP10, CP11) the choice is noted beside the indicator.
 */

export interface HartOutcome {
  description: string;
  targetDate: string;
}

export interface HartPriority {
  ref: string;
  title: string;
  themes: string[];
  outcomes: HartOutcome[];
}

export interface HartIndicator {
  code: string;
  title: string;
  description?: string;
  unit: 'percent' | 'currency' | 'rate-per-100k';
  polarity: 'higher-is-better' | 'lower-is-better';
  basis: 'cumulative-ytd' | 'period-end-snapshot' | 'period' | 'annual';
  frequency: 'quarterly' | 'annual';
  /** The comparison is given where the words state one ("no more than"), else it is the polarity's. */
  targets: Array<{ period: string; value: number; comparison?: TargetComparison; text?: string }>;
}

const RESILIENT = 'Resilient and financially sound council';
const PEOPLE = 'People';
const PLACE = 'Place';
const PLANET = 'Planet';

const sameDate = (targetDate: string, descriptions: string[]): HartOutcome[] =>
  descriptions.map((description) => ({ description, targetDate }));

export const HART_PLAN = {
  council: 'hart',
  title: 'Service Plan 2023/24: Corporate Services',
  service: 'Corporate Services',
  period: '2023/24',
  owner: 'Graeme Clark',
} as const;

export const HART_PRIORITIES: HartPriority[] = [
  {
    ref: '1',
    title:
      "Review Medium Term Financial Strategy to ensure the Council's financial resources and commitments are aligned with its strategic priorities, underpinned by robust financial controls and effective monitoring",
    themes: [RESILIENT],
    outcomes: [
      {
        description:
          'Produce budget strategy to address forecast MTFS shortfall 2024/25 and beyond, and to strengthen resources to priority areas, developed in conjunction service managers and councillors',
        targetDate: 'Oct 2023',
      },
      {
        description: 'Review S106 balances and procedures to ensure transparency, regular reporting and swift approval to spend',
        targetDate: 'Aug 2023',
      },
      { description: 'Detailed budget review and rebase, including staff and central cost allocations', targetDate: 'Aug 2023' },
      { description: 'Review reserves, including SANGs, as per Council approval Feb 2023', targetDate: 'Aug 2023' },
      { description: 'Revised MTFP including risk and sensitivities, submit for Council approval', targetDate: 'Feb 2024' },
      { description: 'Strengthen staff cost budgeting and monitoring', targetDate: 'Nov 2023' },
    ],
  },
  {
    ref: '2',
    title: 'Update the Commercial Strategy to ensure it supports the MTFS and reflects the latest statutory framework',
    themes: [RESILIENT],
    outcomes: [
      {
        description: 'Restated priorities and actions with associated savings/income targets, linked to overall MTFS',
        targetDate: 'August 2023 Cabinet',
      },
    ],
  },
  {
    ref: '3',
    title:
      'Ensure an effective transition from the Mendip/Capita outsourced arrangement and the production of high-quality statutory Accounts',
    themes: [RESILIENT],
    outcomes: [
      { description: 'Smooth transition and knowledge transfer', targetDate: 'July 2023' },
      { description: '22/23 pre-audit Accounts published', targetDate: 'June 2023' },
      { description: 'Ensure adequate skills and experience in the HDC finance team', targetDate: 'Ongoing' },
      {
        description:
          'Effective forward planning for technical accounting changes, including new lease accounting standards',
        targetDate: 'March 2024',
      },
    ],
  },
  {
    ref: '4',
    title: 'Plan and implement changes as a result of the Elections Act 2022 for May 2024',
    themes: [RESILIENT],
    outcomes: sameDate('Throughout the 23/24 year', [
      'Elections team fully trained and aware.',
      'All IT and procedural changes implemented and tested.',
      'Staff, councillors, T&P councils and the public informed through effective comms strategy',
    ]),
  },
  {
    ref: '5',
    title: 'Successfully deliver May 2023 local elections',
    themes: [PEOPLE],
    outcomes: sameDate('May 2023', [
      'Implementation of all new statutory requirements',
      'Achievement of full staff recruitment for election duties',
      'Smooth running on the day with positive feedback from candidates, agents and voters',
    ]),
  },
  {
    ref: '6',
    title: 'Improving external communication',
    themes: [PEOPLE, RESILIENT],
    outcomes: sameDate('March 2024', [
      'Deliver phase two of website development – outcomes including: form enhancements; integrated payments; resident newsletter; mapping capabilities; media library; accessibility; pdf pages into publications; microsite scoping',
      'Development of marketing and advertising policy',
      'Hart News review and re-launch',
      'Social media policy development',
      'Achieve accessibility standards across internal and external channels',
    ]),
  },
  {
    ref: '7',
    title: 'Committee services',
    themes: [PEOPLE, PLACE],
    outcomes: [
      {
        description: 'Ongoing rollout of ModGov Report Manager for Portfolio Holders and Shared services',
        targetDate: 'July 2023',
      },
      { description: 'Review effectiveness of ModGov at Hart', targetDate: 'March 2024' },
    ],
  },
  {
    ref: '8',
    title: "Refresh Hart's Digital Strategy and customer offer",
    themes: [PEOPLE, RESILIENT],
    outcomes: sameDate('March 2024', [
      '2019 Digital Strategy review measuring the outcomes delivered as part of the original programme of activity.',
      'Draft, consult and deliver new Digital Strategy across service areas setting out new focus for the next three years',
    ]),
  },
  {
    ref: '9',
    title: 'Improve customer offer and access to services and council information',
    themes: [PEOPLE, RESILIENT],
    outcomes: sameDate('March 2024', [
      'Review of current customer offer across all channels in preparation for contract review for outsourced services with BDBC',
      'Review of current telephone choices for customers accessing 01252 622122 with proposal for new IVR',
    ]),
  },
  {
    ref: '10',
    title: 'IT - On-premises server upgrade/ move to cloud - Windows 2012 support ends in Oct 2023',
    themes: [RESILIENT],
    outcomes: sameDate('September 2023', ['Full supported IT infrastructure']),
  },
  {
    ref: '11',
    title: 'Implement Cloud based telephony system',
    themes: [PEOPLE, RESILIENT],
    outcomes: sameDate('December 2023', ['Migrate away from on-premises based telephony system']),
  },
  {
    ref: '12',
    title: 'Rationalise/ decommission on-premises IT equipment',
    themes: [RESILIENT],
    outcomes: sameDate('July 2023', [
      'Complete final stage of the server room refresh',
      'The Council controls its overhead costs for direct dial telephony whilst expanding the flexibility for staff via a non desk-based solution',
    ]),
  },
  {
    ref: '13',
    title: 'Review and develop a strategy for key outsourced and shared services',
    themes: [RESILIENT],
    outcomes: [
      {
        description:
          'Cabinet approval for options appraisal and direction to ensure lead-in times are adequately prepared for and a pathway to secure value for money and robust services is agreed – to include: Capita services contract; Council provided outsourced contracts including legal, licensing and building control',
        targetDate: 'Sept 2024',
      },
      { description: 'Forward plan for new financial systems currently part of Capita contract', targetDate: 'March 2024' },
    ],
  },
  {
    ref: '14',
    title:
      'Waste and recycling - develop options for new legislation and contract renewal, and ensure robust contract monitoring through the client management arrangement',
    themes: [RESILIENT, PLANET, PLACE],
    outcomes: sameDate('Ongoing', [
      'Cabinet approval for options appraisal and direction to ensure lead-in times are adequately prepared for and a pathway to secure value for money and robust services is agreed',
      'Implement new legislation in the most cost-effective way possible',
      'Reduce carbon impact of service',
      'Review performance monitoring of the contract and the client team',
    ]),
  },
  {
    ref: '15',
    title:
      'Robust and effective procurement process and practice across the council that secures value for money and is legally compliant',
    themes: [RESILIENT],
    outcomes: sameDate('Feb 2024', [
      'Prepare for Procurement Bill and update guidance and rules as required',
      'Guidance and the Contract Procurement Rules are up to date and in line with the updated legislation expected to be passed in 23/24',
    ]),
  },
  {
    ref: '16',
    title:
      "Achieve the Council's Climate change aspirations and targets through a strengthened staff resource and robust action plan",
    themes: [PLANET],
    outcomes: [
      { description: 'New appointments made to complete the revised sustainability team', targetDate: 'May 2023' },
      {
        description: 'Present a revised climate change action plan, including financial implications, to Cabinet via O&S',
        targetDate: 'April 2023',
      },
    ],
  },
  {
    ref: '17',
    title:
      'Ensure effective Internal audit provision that adds value to services, gives assurance about controls and governance and confidence to the Audit Committee',
    themes: [RESILIENT],
    outcomes: sameDate('Sept 2023', [
      'Implement the new service provided by Southern Internal Audit Service and quickly embed the new arrangements',
      'Service managers and Audit Committee receive clear reports with high level of buy-in to recommendations',
    ]),
  },
  {
    ref: '18',
    title: 'Highly effective, skilled and well-motivated staff at the Council supported by an excellent HR service',
    themes: [PEOPLE, RESILIENT],
    outcomes: [
      {
        description:
          'Review HR policies and procedures to ensure all are current and effective and support staff recruitment and retention',
        targetDate: 'Dec 2023',
      },
      {
        description:
          'Undertake audit of JDs to ensure a full set of up-to-date documents is held with good controls on access and revisions',
        targetDate: 'Aug 2023',
      },
      {
        description: 'Improve staffing management information including FTEs, turnover and pay and conditions',
        targetDate: 'March 2024',
      },
    ],
  },
  {
    ref: '19',
    title:
      'To have strong, effective and transparent governance for corporate and service projects, with adequate skills and capacity in project resources',
    themes: [RESILIENT],
    outcomes: [
      { description: 'Consolidating project resource and strengthen reporting lines', targetDate: 'June 2023' },
      {
        description: 'Implement actions arising from audit reports and lessons learned analysis from closed projects',
        targetDate: 'Ongoing',
      },
      {
        description:
          'Implement new Terms of Reference for corporate Project Board and improve report back to Cabinet and O&S',
        targetDate: 'April 2023',
      },
    ],
  },
];

const YEAR = HART_PLAN.period;

export const HART_INDICATORS: HartIndicator[] = [
  {
    code: 'CP1',
    title: 'Percentage of the Internal Audit Plan completed during the year',
    description: 'Year to date figures, values are cumulative (higher is better)',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'cumulative-ytd',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 100, text: '100% by year end' }],
  },
  {
    // The seed states neither polarity nor basis: a satisfaction rate, judged per quarter.
    code: 'CP2',
    title: 'Percentage customer satisfaction with Internal Audit.',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'period',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 90, text: '90%' }],
  },
  {
    code: 'CP3',
    title: 'Quality of customer service call handling',
    description:
      'This indicator is measured from the scoring of a recorded call against quality standards from a monitoring sample (higher is better)',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'period',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 90, text: '90%' }],
  },
  {
    // The seed states neither polarity nor basis: the share of savings schemes delivered so far.
    code: 'CP4',
    title: 'Implementation of savings schemes targets to meet MTFS requirements.',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'period-end-snapshot',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 100, text: '100%' }],
  },
  {
    code: 'CP5',
    title: 'Percentage of telephone calls answered by the Contact Centre in 30 seconds.',
    description: 'Percentage value given is as at end of the quarter (higher is better)',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'period-end-snapshot',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 70, text: '70%' }],
  },
  {
    code: 'CP6',
    title: 'Percentage of Non-domestic Rates collected.',
    description: 'Year to date figures, values are cumulative (higher is better)',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'cumulative-ytd',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 98, text: '98%' }],
  },
  {
    code: 'CP7',
    title: 'Percentage of Council Tax collected.',
    description: 'Year to date figures, values are cumulative (higher is better)',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'cumulative-ytd',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 98, text: '98%' }],
  },
  {
    code: 'CP8',
    title: 'Percentage uptime of key systems',
    description: 'Percentage value given is for the quarter and rounded to one decimal place (higher is better)',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'period',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 99, text: '99%' }],
  },
  {
    code: 'CP9',
    title: "Percentage of uptime of Hart's website",
    description: 'Percentage value given is for the quarter and rounded to one decimal place (higher is better)',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'period',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 99.5, text: '99.5%' }],
  },
  {
    // Lower is better, as the seed says; the basis is not stated: missed bins per 100,000 in the quarter.
    code: 'CP10',
    title: 'Number of missed collections excluding garden waste (per 100,000)',
    description:
      "A missed collection is where a round has taken place and a bin (or bins) has been missed, this excludes any mutually pre-agreed suspension of service, usually applied where events are beyond the control of either the authorities' or their contractor. (lower is better)",
    unit: 'rate-per-100k',
    polarity: 'lower-is-better',
    basis: 'period',
    frequency: 'quarterly',
    targets: [
      {
        period: YEAR,
        value: 40,
        comparison: 'at-most',
        text: 'Target, as set in the Serco contract, aims to miss no more than 40 bins per 100,000 collected for all bin collections except garden',
      },
    ],
  },
  {
    code: 'CP11',
    title: 'Number of missed garden waste collections (per 100,000)',
    description:
      "A missed collection is where a round has taken place and a bin (or bins) has been missed, this excludes any mutually pre-agreed suspension of service, usually applied where events are beyond the control of either the authorities' or their contractor. (lower is better)",
    unit: 'rate-per-100k',
    polarity: 'lower-is-better',
    basis: 'period',
    frequency: 'quarterly',
    targets: [
      {
        period: YEAR,
        value: 250,
        comparison: 'at-most',
        text: 'Target, as set in the Serco contract, aims to miss no more than 250 bins per 100,000 collected for garden waste services.',
      },
    ],
  },
  {
    code: 'CP12',
    title: 'Overall cost of waste per household',
    description:
      'Set annually based on the number of households served and reported in Q4. Calculated as net cost of HAWCLT, HAWCOM, HAWSTE for the 22/23 budget divided by the Council Tax Stock of properties produced by the VOA (lower is better)',
    unit: 'currency',
    polarity: 'lower-is-better',
    basis: 'annual',
    frequency: 'annual',
    targets: [{ period: YEAR, value: 25, text: '£25' }],
  },
  {
    code: 'CP13',
    title: 'Total recycling rate',
    description: 'Percentage value given is for the quarter (higher is better)',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'period',
    frequency: 'quarterly',
    targets: [{ period: YEAR, value: 46, text: '46%' }],
  },
];

/**
 * The plan's version-control table and the governance steps around it, with the meetings of the
 * Cabinet report (`hart-cabinet-2024-04-service-plans-approval.txt`). The minutes' wording is not in
 * the seeds: the comments and the target change they led to are ILLUSTRATIVE.
 */
export const HART_GOVERNANCE = {
  version1: { label: '1', reason: 'Version to be considered by O&S Committee' },
  submission: { committee: 'Overview and Scrutiny Committee', meetingDate: '2024-03-19' },
  scrutiny: {
    committee: 'Overview and Scrutiny Committee',
    meetingDate: '2024-03-19',
    minuteRef: '126',
    comments: [
      'The Committee asked for a more ambitious target for calls answered within 30 seconds (CP5).',
      'The Committee asked that progress on website accessibility be reported to the Service Panel each quarter.',
    ],
  },
  targetChange: {
    code: 'CP5',
    period: '2023-24',
    value: 75,
    text: '75%',
    reason: 'Raised to reflect O&S comments',
    authority: 'Overview and Scrutiny Committee, minute 126',
  },
  version2: { label: '2', reason: 'Version updated to reflect O&S comments' },
  approval: { body: 'Cabinet', meetingDate: '2024-04-04' },
};

export const HART_QUARTERS = ['2023/24-Q1', '2023/24-Q2', '2023/24-Q3', '2023/24-Q4'] as const;

/**
 * Quarterly figures for 2023/24 to exercise monitoring. ILLUSTRATIVE: the seed publishes targets,
 * not outturns, so these are plausible values, not Hart's reported ones. Cumulative indicators rise
 * through the year; CP12 is annual and reported once, for the year.
 */
export const HART_ILLUSTRATIVE_ACTUALS: Record<string, Partial<Record<(typeof HART_QUARTERS)[number] | '2023/24', number>>> = {
  CP1: { '2023/24-Q1': 20, '2023/24-Q2': 45, '2023/24-Q3': 70, '2023/24-Q4': 96 },
  CP2: { '2023/24-Q1': 92, '2023/24-Q2': 88, '2023/24-Q3': 91, '2023/24-Q4': 94 },
  CP3: { '2023/24-Q1': 89, '2023/24-Q2': 91, '2023/24-Q3': 93, '2023/24-Q4': 92 },
  CP4: { '2023/24-Q1': 40, '2023/24-Q2': 65, '2023/24-Q3': 85, '2023/24-Q4': 100 },
  CP5: { '2023/24-Q1': 64, '2023/24-Q2': 71, '2023/24-Q3': 68, '2023/24-Q4': 76 },
  CP6: { '2023/24-Q1': 31.2, '2023/24-Q2': 58.4, '2023/24-Q3': 84.9, '2023/24-Q4': 98.3 },
  CP7: { '2023/24-Q1': 29.5, '2023/24-Q2': 57.8, '2023/24-Q3': 85.9, '2023/24-Q4': 97.6 },
  CP8: { '2023/24-Q1': 99.8, '2023/24-Q2': 99.9, '2023/24-Q3': 98.7, '2023/24-Q4': 99.6 },
  CP9: { '2023/24-Q1': 99.9, '2023/24-Q2': 100, '2023/24-Q3': 99.4, '2023/24-Q4': 99.8 },
  CP10: { '2023/24-Q1': 38, '2023/24-Q2': 45, '2023/24-Q3': 41, '2023/24-Q4': 36 },
  CP11: { '2023/24-Q1': 210, '2023/24-Q2': 265, '2023/24-Q3': 240, '2023/24-Q4': 198 },
  CP12: { '2023/24': 24.1 },
  CP13: { '2023/24-Q1': 47.2, '2023/24-Q2': 45.9, '2023/24-Q3': 42.8, '2023/24-Q4': 44.5 },
};

/** The seed's plan as a PlanDrafted event describes it. */
export function hartPlanDraft() {
  const { council, service, title, period, owner } = HART_PLAN;
  const financialYear: PlanPeriod = { kind: 'financial-year', label: period, from: '2023-04-01', to: '2024-03-31' };
  return { council, service, title, period: financialYear, owner };
}

export function hartPriority(ref: string): HartPriority {
  const priority = HART_PRIORITIES.find((p) => p.ref === ref);
  if (!priority) throw new Error(`The Hart seed has no priority ${ref}`);
  return priority;
}

export function hartIndicator(code: string): HartIndicator {
  const indicator = HART_INDICATORS.find((i) => i.code === code);
  if (!indicator) throw new Error(`The Hart seed has no indicator ${code}`);
  return indicator;
}

/**
 * The seed's outcome as a PriorityAdded event carries it. The date the words mean is given here,
 * not computed, so specs of the date reading are not checked against themselves.
 */
export function hartOutcome(priorityRef: string, index: number, ref: string, date: string | null): Outcome {
  const outcome = hartPriority(priorityRef).outcomes[index];
  if (!outcome) throw new Error(`The Hart seed's priority ${priorityRef} has no outcome at ${index}`);
  return { ref, description: outcome.description, targetDate: { text: outcome.targetDate, date }, due: null };
}

/** The seed's indicator as an IndicatorDefined event describes it, without tolerance and targets. */
export function hartIndicatorDefinition(code: string) {
  const { title, description, unit, polarity, basis, frequency } = hartIndicator(code);
  return { code, title, description: description ?? null, unit, polarity, basis, frequency };
}

/** The seed's target for the year, in its words, compared as they state or else as its indicator's polarity reads it. */
export function hartYearTarget(code: string): Target {
  const { polarity, targets } = hartIndicator(code);
  const { period, value, comparison, text } = targets[0];
  return { period, value, upper: null, baseline: null, comparison: comparison ?? defaultComparison(polarity), text: text ?? null };
}

/** The seed's target for the year entered as its figure alone, as where its words ("98%") add nothing. */
export function hartYearFigure(code: string): Target {
  return { ...hartYearTarget(code), text: null };
}
