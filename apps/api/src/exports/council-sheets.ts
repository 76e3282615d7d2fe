import type { CouncilExceptions, CouncilPlanReport, CouncilReport } from '@app/projections';
import { INDICATOR_COLUMNS, indicatorRow, PRIORITY_COLUMNS, priorityRow } from './plan-sheets';
import { periodAsPrinted, type Column, type Row, type Sheet } from './spreadsheet';

/**
 * The council report and its exceptions as the performance team's pack prints them: every plan's
 * indicators and priorities in the columns of a plan's own report, each row led by its service and plan.
 */

export const COUNCIL_REPORT_SHEETS = ['indicators', 'priorities', 'plans', 'services', 'themes'] as const;
export type CouncilReportSheetName = (typeof COUNCIL_REPORT_SHEETS)[number];

const PLAN_COLUMNS: Column[] = [
  { key: 'service', header: 'Service', kind: 'text', width: 24 },
  { key: 'planId', header: 'Plan', kind: 'text', width: 24 },
];

const RAG_COUNT_COLUMNS: Column[] = [
  { key: 'green', header: 'Green', kind: 'whole-number', width: 8 },
  { key: 'amber', header: 'Amber', kind: 'whole-number', width: 8 },
  { key: 'red', header: 'Red', kind: 'whole-number', width: 8 },
  { key: 'none', header: 'No rating', kind: 'whole-number', width: 10 },
];

const ofPlan = (plan: Pick<CouncilPlanReport, 'service' | 'planId'>): Row => ({ service: plan.service, planId: plan.planId });

function councilTitle(answer: Pick<CouncilReport, 'council' | 'period' | 'filters'>, what: string): string {
  const { service, theme } = answer.filters;
  const narrowed = [service && `service ${service}`, theme && `theme ${theme}`].filter(Boolean).join(', ');
  return `${answer.council}: ${what}, ${periodAsPrinted(answer.period)}${narrowed ? ` (${narrowed})` : ''}`;
}

export function councilReportSheets(report: CouncilReport): Record<CouncilReportSheetName, Sheet> {
  return {
    indicators: {
      name: 'indicators',
      title: councilTitle(report, 'performance indicators of every plan'),
      columns: [...PLAN_COLUMNS, ...INDICATOR_COLUMNS],
      rows: report.plans.flatMap((plan) => plan.indicators.map((indicator) => ({ ...ofPlan(plan), ...indicatorRow(indicator) }))),
    },
    priorities: {
      name: 'priorities',
      title: councilTitle(report, 'priorities of every plan'),
      columns: [...PLAN_COLUMNS, ...PRIORITY_COLUMNS],
      rows: report.plans.flatMap((plan) => plan.priorities.map((priority) => ({ ...ofPlan(plan), ...priorityRow(priority) }))),
    },
    plans: {
      name: 'plans',
      title: councilTitle(report, `plans (${report.rounding})`),
      columns: [
        ...PLAN_COLUMNS,
        { key: 'title', header: 'Title', kind: 'text', width: 50 },
        { key: 'version', header: 'Version', kind: 'text', width: 9 },
        ...RAG_COUNT_COLUMNS,
        { key: 'percentComplete', header: 'Complete', kind: 'percent', width: 10 },
      ],
      rows: report.plans.map((plan) => ({
        ...ofPlan(plan),
        title: plan.title,
        version: plan.planVersion,
        ...plan.ragCounts,
        percentComplete: plan.rollups.plan.percentComplete,
      })),
    },
    services: {
      name: 'services',
      title: councilTitle(report, `roll-ups per service (${report.rounding})`),
      columns: [
        { key: 'service', header: 'Service', kind: 'text', width: 30 },
        { key: 'plans', header: 'Plans', kind: 'whole-number', width: 8 },
        { key: 'indicators', header: 'Indicators', kind: 'whole-number', width: 10 },
        ...RAG_COUNT_COLUMNS,
        { key: 'percentComplete', header: 'Complete', kind: 'percent', width: 10 },
      ],
      rows: [
        ...report.byService.map(({ service, plans, indicators, ragCounts, progress }) => ({
          service,
          plans,
          indicators,
          ...ragCounts,
          percentComplete: progress.percentComplete,
        })),
        {
          service: 'Whole council',
          plans: report.plans.length,
          indicators: report.plans.reduce((sum, plan) => sum + plan.indicators.length, 0),
          ...report.ragCounts,
          percentComplete: report.progress.percentComplete,
        },
      ],
    },
    themes: {
      name: 'themes',
      title: councilTitle(report, `roll-ups per theme (${report.rounding})`),
      columns: [
        { key: 'theme', header: 'Theme', kind: 'text', width: 50 },
        { key: 'themeId', header: 'Theme id', kind: 'text', width: 20 },
        { key: 'plans', header: 'Plans', kind: 'whole-number', width: 8 },
        { key: 'priorities', header: 'Priorities', kind: 'whole-number', width: 10 },
        { key: 'indicators', header: 'Indicators', kind: 'whole-number', width: 10 },
        ...RAG_COUNT_COLUMNS,
        { key: 'percentComplete', header: 'Complete', kind: 'percent', width: 10 },
      ],
      rows: report.byTheme.map(({ title, themeId, plans, priorities, indicators, ragCounts, progress }) => ({
        theme: title,
        themeId,
        plans,
        priorities,
        indicators,
        ...ragCounts,
        percentComplete: progress.percentComplete,
      })),
    },
  };
}

const EXCEPTION_RAG = { 'red-indicator': 'red', 'amber-indicator': 'amber' } as const;

export function councilExceptionsSheet(exceptions: CouncilExceptions): Sheet {
  return {
    name: 'exceptions',
    title: councilTitle(exceptions, 'exceptions'),
    columns: [
      ...PLAN_COLUMNS,
      { key: 'kind', header: 'Exception', kind: 'text', width: 20 },
      { key: 'rag', header: 'RAG', kind: 'rag', width: 8 },
      { key: 'ref', header: 'Ref', kind: 'text', width: 10 },
      { key: 'title', header: 'Item', kind: 'text', width: 50 },
      { key: 'why', header: 'Why', kind: 'text', width: 70 },
    ],
    rows: exceptions.items.map((item) => ({
      ...ofPlan(item),
      kind: item.kind.replace(/-/g, ' '),
      rag: item.kind in EXCEPTION_RAG ? EXCEPTION_RAG[item.kind as keyof typeof EXCEPTION_RAG] : null,
      ref: item.ref,
      title: item.title,
      why: item.why,
    })),
  };
}
