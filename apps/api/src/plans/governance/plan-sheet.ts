import type { PlanView } from '@app/projections';
import type { ImportedCell, TemplateSheet } from '../../imports/template-sheet';

/**
 * The plan's own sheet: one row naming it, as its cover page does. Its period is a financial year
 * ("2023/24") or whole years from one date to another ("2020-04-01 to 2023-03-31").
 */
export const PLAN_SHEET: TemplateSheet = {
  name: 'Plan',
  title: 'The plan: one row, as its cover page names it',
  columns: [
    { key: 'planId', header: 'Plan id', kind: 'text', width: 36 },
    { key: 'title', header: 'Title', kind: 'text', width: 50 },
    { key: 'service', header: 'Service', kind: 'text', width: 30 },
    { key: 'period', header: 'Period', kind: 'text', width: 26 },
    { key: 'owner', header: 'Owner', kind: 'text', width: 24 },
  ],
  rowsOf: (plan: PlanView) => [
    {
      planId: plan.planId,
      title: plan.title,
      service: plan.service,
      period: plan.periodRange.kind === 'financial-year' ? plan.period : `${plan.periodRange.from} to ${plan.periodRange.to}`,
      owner: plan.owner,
    },
  ],
};

const PERIOD_RANGE = /^\s*(\d{4}-\d{2}-\d{2})\s+to\s+(\d{4}-\d{2}-\d{2})\s*$/;

/** The draft's body as `POST /v1/plans` takes it, from the sheet's row. */
export function draftBodyOf(cells: Record<string, ImportedCell>): Record<string, unknown> {
  const range = typeof cells.period === 'string' ? PERIOD_RANGE.exec(cells.period) : null;
  return { ...cells, period: range ? { from: range[1], to: range[2] } : cells.period };
}
