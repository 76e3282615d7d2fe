import type { PlanView } from '@app/projections';
import type { Sheet } from '../exports/spreadsheet';
import { BUDGET_TEMPLATE } from '../plans/budget/budget-sheets';
import { CONTRACT_TEMPLATE } from '../plans/contracts/contract-sheets';
import { PLAN_SHEET } from '../plans/governance/plan-sheet';
import { INDICATOR_TEMPLATE } from '../plans/indicators/indicator-sheets';
import { NARRATIVE_TEMPLATE } from '../plans/narrative/narrative-sheets';
import { PRIORITY_TEMPLATE } from '../plans/priorities/priority-sheets';
import { RISK_TEMPLATE } from '../plans/risks/risk-sheets';
import { WORKFORCE_TEMPLATE } from '../plans/workforce/workforce-sheets';
import type { SectionTemplate, TemplateSheet } from './template-sheet';

/**
 * The sections after the plan's own sheet, in the order their commands are decided: what a section
 * names (an objective's priorities) comes before it, as an editor would enter them one by one.
 */
export const PLAN_SECTIONS: readonly SectionTemplate[] = [
  PRIORITY_TEMPLATE,
  INDICATOR_TEMPLATE,
  BUDGET_TEMPLATE,
  RISK_TEMPLATE,
  CONTRACT_TEMPLATE,
  WORKFORCE_TEMPLATE,
  NARRATIVE_TEMPLATE,
];

/** Every sheet of the template, in workbook order. */
export const TEMPLATE_SHEETS: readonly TemplateSheet[] = [PLAN_SHEET, ...PLAN_SECTIONS.flatMap((section) => section.sheets)];

const SHEET_BY_NAME = new Map(TEMPLATE_SHEETS.map((sheet) => [sheet.name.toLowerCase(), sheet]));

/** The template's sheet of that name, compared without regard to case, as Excel compares sheet names. */
export const templateSheetNamed = (name: string): TemplateSheet | undefined => SHEET_BY_NAME.get(name.trim().toLowerCase());

/**
 * The plan in the template's layout, every sheet even when empty, so that an exported plan is also
 * the template to fill in. Only what the plan says is there; what happened to it since (actuals,
 * progress, reviews, scrutiny, versions, approval) is its history, which the history export holds.
 */
export function planTemplateSheets(plan: PlanView): Sheet[] {
  return TEMPLATE_SHEETS.map(({ name, title, columns, rowsOf }) => ({
    name,
    title: `${plan.title}: ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
    columns,
    rows: rowsOf(plan),
  }));
}
