import { BUDGET_KINDS, type BudgetKind } from '@app/domain';
import type { MonitoringReport, PlanHistoryEntry, ReportIndicator, ReportMeasure, ReportPriority, VersionTable } from '@app/projections';
import { periodAsPrinted, type Column, type Row, type Sheet } from './spreadsheet';

/**
 * The sheets of each answer a council takes out as a spreadsheet, laid out as its committee packs
 * print them: one row per indicator, priority, milestone, version or event, in the answer's order.
 */

const reportTitle = (report: MonitoringReport, what: string): string =>
  `${report.service}: ${report.title}, ${what}, ${periodAsPrinted(report.period)}` +
  (report.planVersion ? ` (version ${report.planVersion})` : '');

/** The names of a report's sheets, which a CSV export of a report chooses among with `sheet`. */
export const REPORT_SHEETS = ['indicators', 'priorities', 'milestones', 'rollups', 'budget', 'risks'] as const;
export type ReportSheetName = (typeof REPORT_SHEETS)[number];

/** A report's indicator columns, which the council report's sheet of every plan's indicators repeats. */
export const INDICATOR_COLUMNS: Column[] = [
  { key: 'code', header: 'Code', kind: 'text', width: 10 },
  { key: 'title', header: 'Indicator', kind: 'text', width: 50 },
  { key: 'unit', header: 'Unit', kind: 'text' },
  { key: 'polarity', header: 'Polarity', kind: 'text', width: 18 },
  { key: 'target', header: 'Target', kind: 'figure', unitFrom: 'unit' },
  { key: 'targetText', header: 'Target as worded', kind: 'text', width: 24 },
  { key: 'targetPeriod', header: 'Target for', kind: 'period' },
  { key: 'actual', header: 'Actual', kind: 'figure', unitFrom: 'unit' },
  { key: 'rag', header: 'RAG', kind: 'rag', width: 8 },
  { key: 'ragReason', header: 'Why', kind: 'text', width: 40 },
  { key: 'targetNote', header: 'Target note', kind: 'text', width: 40 },
  { key: 'targetBaseline', header: 'Target relative to baseline', kind: 'period' },
  { key: 'direction', header: 'Direction of travel', kind: 'text', width: 18 },
  { key: 'previousPeriod', header: 'Compared with', kind: 'period' },
  { key: 'previousActual', header: 'Previous actual', kind: 'figure', unitFrom: 'unit' },
  { key: 'previousFrom', header: 'Previous figure from', kind: 'text', width: 24 },
  { key: 'restated', header: 'Restated', kind: 'text', width: 9 },
  { key: 'verification', header: 'Verification', kind: 'text', width: 12 },
  { key: 'checkedBy', header: 'Checked by', kind: 'text', width: 20 },
  { key: 'checkedAt', header: 'Checked at', kind: 'text', width: 22 },
  { key: 'rejectedBecause', header: 'Rejected because', kind: 'text', width: 40 },
  { key: 'commentary', header: 'Commentary', kind: 'text', width: 50 },
  { key: 'source', header: 'Source', kind: 'text', width: 30 },
  { key: 'method', header: 'Method', kind: 'text', width: 40 },
  { key: 'caveats', header: 'Caveats', kind: 'text', width: 50 },
];

export function indicatorRow(indicator: ReportIndicator): Row {
  return {
    code: indicator.code,
    title: indicator.title,
    unit: indicator.unit,
    polarity: indicator.polarity,
    // A target relative to a baseline shows the baseline's figure it was resolved to, beside the baseline's period.
    target: indicator.target?.value ?? indicator.target?.baselineFigure ?? null,
    targetText: indicator.target?.text ?? null,
    targetBaseline: indicator.target?.baseline ?? null,
    targetPeriod: indicator.target?.period ?? null,
    targetNote: indicator.targetNote,
    actual: indicator.actual,
    rag: indicator.rag,
    ragReason: indicator.ragReason,
    direction: indicator.direction,
    previousPeriod: indicator.previousPeriod,
    previousActual: indicator.previousActual,
    previousFrom: comparedFrom(indicator),
    restated: indicator.restated ? 'yes' : 'no',
    verification: indicator.verification?.state ?? null,
    checkedBy: indicator.verification?.by ?? null,
    checkedAt: indicator.verification?.at ?? null,
    rejectedBecause: indicator.verification?.reason ?? null,
    commentary: indicator.commentary,
    source: indicator.actualSource,
    method: indicator.actualMethod,
    caveats: indicator.actualCaveats,
  };
}

/** Where the previous figure came from, in words: "this plan", "baseline", or the earlier plan by its period and id. */
function comparedFrom({ previousFrom, previousPlan }: ReportIndicator): string | null {
  if (previousFrom === 'earlier-plan' && previousPlan) return `${previousPlan.period} plan (${previousPlan.planId})`;
  if (previousFrom === 'actual') return 'this plan';
  return previousFrom;
}

/** A report's priority columns, which the council report's sheet of every plan's priorities repeats. */
export const PRIORITY_COLUMNS: Column[] = [
  { key: 'ref', header: 'Ref', kind: 'text', width: 8 },
  { key: 'title', header: 'Priority', kind: 'text', width: 50 },
  { key: 'objective', header: 'Objective', kind: 'text', width: 40 },
  { key: 'percentComplete', header: 'Complete', kind: 'percent', width: 10 },
  { key: 'percentFrom', header: 'Complete from', kind: 'text', width: 12 },
  { key: 'status', header: 'Status', kind: 'text' },
  { key: 'reportedFor', header: 'Reported for', kind: 'period' },
  { key: 'position', header: 'Position', kind: 'text', width: 40 },
  { key: 'commentary', header: 'Commentary', kind: 'text', width: 50 },
  { key: 'measures', header: 'Measures (RAG for the period)', kind: 'text', width: 30 },
];

export function priorityRow({ ref, title, objective, percentComplete, percentFrom, status, reportedFor, position, commentary, measures }: ReportPriority): Row {
  return { ref, title, objective, percentComplete, percentFrom, status, reportedFor, position, commentary, measures: measuresCell(measures) };
}

/** An action's measures in one cell, one per line with the RAG the report gives it: "CP7 green". */
function measuresCell(measures: ReportMeasure[]): string | null {
  return measures.length === 0 ? null : measures.map(({ code, rag }) => `${code} ${rag}`).join('\n');
}

export function reportSheets(report: MonitoringReport): Record<ReportSheetName, Sheet> {
  return {
    indicators: {
      name: 'indicators',
      title: reportTitle(report, 'performance indicators'),
      columns: INDICATOR_COLUMNS,
      rows: report.indicators.map(indicatorRow),
    },
    priorities: {
      name: 'priorities',
      title: reportTitle(report, 'priorities'),
      columns: PRIORITY_COLUMNS,
      rows: report.priorities.map(priorityRow),
    },
    milestones: {
      name: 'milestones',
      title: reportTitle(report, 'milestones'),
      columns: [
        { key: 'priority', header: 'Priority', kind: 'text', width: 8 },
        { key: 'ref', header: 'Milestone', kind: 'text', width: 10 },
        { key: 'description', header: 'Description', kind: 'text', width: 60 },
        { key: 'due', header: 'Due', kind: 'date', width: 12 },
        { key: 'percentComplete', header: 'Complete', kind: 'percent', width: 10 },
        { key: 'status', header: 'Status', kind: 'text' },
        { key: 'overdue', header: 'Overdue', kind: 'text', width: 9 },
      ],
      rows: report.priorities.flatMap((priority) =>
        priority.milestones.map(({ ref, description, due, percentComplete, status, overdue }) => ({
          priority: priority.ref,
          ref,
          description,
          due,
          percentComplete,
          status,
          overdue: overdue ? 'overdue' : null,
        })),
      ),
    },
    rollups: {
      name: 'rollups',
      title: reportTitle(report, `roll-ups (${report.rollups.rounding}; ${report.rollups.rule.milestoneWithoutEntry === 'zero' ? 'an item without an entry counts as 0%' : 'an item without an entry is left out'})`),
      columns: [
        { key: 'objective', header: 'Objective', kind: 'text', width: 60 },
        { key: 'percentComplete', header: 'Complete', kind: 'percent', width: 10 },
        { key: 'items', header: 'Priorities', kind: 'whole-number', width: 10 },
        { key: 'withoutEntry', header: 'Without an entry', kind: 'whole-number', width: 10 },
      ],
      rows: [
        ...report.rollups.objectives.map(({ objective, percentComplete, items, withoutEntry }) => ({
          objective: objective ?? '(no objective)',
          percentComplete,
          items,
          withoutEntry,
        })),
        { objective: 'Whole plan', ...report.rollups.plan },
      ],
    },
    budget: budgetSheet(report),
    risks: risksSheet(report),
  };
}

/** The register as it stood at the end of the period: each risk's score and band then, and the review they come from. */
function risksSheet(report: MonitoringReport): Sheet {
  return {
    name: 'risks',
    title: reportTitle(report, 'risk register'),
    columns: [
      { key: 'ref', header: 'Ref', kind: 'text', width: 8 },
      { key: 'title', header: 'Risk', kind: 'text', width: 60 },
      { key: 'owner', header: 'Owner', kind: 'text', width: 24 },
      { key: 'likelihood', header: 'Likelihood', kind: 'whole-number', width: 11 },
      { key: 'impact', header: 'Impact', kind: 'whole-number', width: 8 },
      { key: 'score', header: 'Score', kind: 'whole-number', width: 8 },
      { key: 'band', header: 'Band', kind: 'text', width: 10 },
      { key: 'reviewedFor', header: 'Reviewed for', kind: 'period' },
      { key: 'commentary', header: 'Review commentary', kind: 'text', width: 50 },
    ],
    rows: report.risks.map(({ ref, title, owner, standing, latestReview }) => ({
      ref,
      title,
      owner,
      likelihood: standing.likelihood,
      impact: standing.impact,
      score: standing.score,
      band: standing.band.replace('-', ' '),
      reviewedFor: latestReview?.period ?? null,
      commentary: latestReview?.commentary ?? null,
    })),
  };
}

const KIND_HEADERS: Record<BudgetKind, string> = {
  original: 'Original £',
  latest: 'Latest £',
  forecast: 'Forecast £',
  outturn: 'Outturn £',
};

/** The year's budget as plans print it: a row per cost centre, a column per kind, the computed total and any printed one. */
function budgetSheet(report: MonitoringReport): Sheet {
  const { year, lines, totals } = report.budget;
  const byKind = (amounts: ReadonlyArray<{ kind: BudgetKind; value: number | null }>): Row =>
    Object.fromEntries(BUDGET_KINDS.map((kind) => [kind, amounts.find((amount) => amount.kind === kind)?.value ?? null]));
  const printed = totals.filter((total) => total.printed !== null);
  return {
    name: 'budget',
    title: `${report.service}: ${report.title}, budget ${year}`,
    columns: [
      { key: 'code', header: 'Code', kind: 'text', width: 12 },
      { key: 'title', header: 'Cost centre or service', kind: 'text', width: 50 },
      ...BUDGET_KINDS.map((kind): Column => ({ key: kind, header: KIND_HEADERS[kind], kind: 'pounds', width: 16 })),
      { key: 'note', header: 'Note', kind: 'text', width: 50 },
    ],
    rows: [
      ...lines.map(({ code, title, note, amounts }) => ({ code, title, ...byKind(amounts), note })),
      { code: null, title: 'Total', ...byKind(totals), note: null },
      ...(printed.length > 0
        ? [
            { code: null, title: 'Total as printed', ...byKind(printed.map(({ kind, printed: value }) => ({ kind, value }))), note: null },
            { code: null, title: 'Difference', ...byKind(printed.map(({ kind, difference }) => ({ kind, value: difference }))), note: null },
          ]
        : []),
    ],
  };
}

export function versionTableSheet(table: VersionTable): Sheet {
  return {
    name: 'versions',
    title: `Plan ${table.planId}: version control`,
    columns: [
      { key: 'label', header: 'Version No.', kind: 'text', width: 12 },
      { key: 'date', header: 'Date', kind: 'date', width: 12 },
      { key: 'reason', header: 'Reason for Update / Significant Changes', kind: 'text', width: 60 },
      { key: 'madeBy', header: 'Made By', kind: 'text', width: 20 },
      { key: 'changes', header: 'Changes since the previous version', kind: 'text', width: 60 },
      { key: 'approvedBy', header: 'Approved by', kind: 'text', width: 40 },
      { key: 'recordedAt', header: 'Recorded (UTC)', kind: 'instant', width: 20 },
      { key: 'headHash', header: 'Chain head at publication', kind: 'text', width: 66 },
    ],
    rows: table.rows.map((row) => ({
      label: row.label,
      date: row.date,
      reason: row.reason,
      madeBy: row.madeBy,
      changes: row.changes.summary,
      approvedBy: row.approvedBy && `${row.approvedBy.body}, ${row.approvedBy.date}${row.approvedBy.decisionRef ? `: ${row.approvedBy.decisionRef}` : ''}`,
      recordedAt: row.recordedAt,
      headHash: row.headHash,
    })),
  };
}

export function historySheet(planId: string, entries: PlanHistoryEntry[]): Sheet {
  return {
    name: 'history',
    title: `Plan ${planId}: audit trail`,
    columns: [
      { key: 'position', header: 'Position', kind: 'whole-number', width: 10 },
      { key: 'revision', header: 'Revision', kind: 'whole-number', width: 10 },
      { key: 'recordedAt', header: 'Recorded (UTC)', kind: 'instant', width: 20 },
      { key: 'type', header: 'Event', kind: 'text', width: 26 },
      { key: 'summary', header: 'Summary', kind: 'text', width: 70 },
      { key: 'actor', header: 'Who', kind: 'text', width: 20 },
      { key: 'role', header: 'Role', kind: 'text', width: 12 },
      { key: 'reason', header: 'Reason', kind: 'text', width: 40 },
      { key: 'refs', header: 'About', kind: 'text', width: 12 },
      { key: 'data', header: 'Data (JSON)', kind: 'text', width: 60 },
    ],
    rows: entries.map((entry) => ({
      position: entry.position,
      revision: entry.revision,
      recordedAt: entry.recordedAt,
      type: entry.type,
      summary: entry.summary,
      actor: entry.actor?.name || entry.actor?.id || null,
      role: entry.actor?.role ?? null,
      reason: entry.reason,
      refs: entry.refs.join(', '),
      data: JSON.stringify(entry.data),
    })),
  };
}
