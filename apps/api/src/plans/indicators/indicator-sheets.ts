import { normaliseIdentifier, type Figure } from '@app/domain';
import type { PlanView } from '@app/projections';
import { bodyOf, cellOfList, keyOf, listIn, orphanRows, yesOrNo, yesOrNoOf, rowsByKey, type ImportedCommand, type SectionTemplate } from '../../imports/template-sheet';
import { DefineIndicatorDto, RecordBaselineDto } from './indicator.dto';

const INDICATORS = 'Indicators';
const TARGETS = 'Targets';
const BASELINES = 'Baselines';

/**
 * Performance indicators, one row each, with their targets per period and their baselines (figures
 * from before the plan) on sheets of their own, by the indicator's code.
 */
export const INDICATOR_TEMPLATE: SectionTemplate = {
  sheets: [
    {
      name: INDICATORS,
      title: 'Performance indicators; their targets per year or quarter are on the Targets sheet',
      columns: [
        { key: 'code', header: 'Code', kind: 'text', width: 10 },
        { key: 'title', header: 'Indicator', kind: 'text', width: 50 },
        { key: 'description', header: 'How it is measured', kind: 'text', width: 60 },
        { key: 'unit', header: 'Unit', kind: 'text', width: 14 },
        { key: 'polarity', header: 'Polarity', kind: 'text', width: 18 },
        { key: 'basis', header: 'Basis', kind: 'text', width: 20 },
        { key: 'frequency', header: 'Frequency', kind: 'text', width: 12 },
        { key: 'tolerance', header: 'Tolerance %', kind: 'whole-number', width: 12 },
        { key: 'toleranceAbsolute', header: 'Tolerance (in the unit)', kind: 'whole-number', width: 14 },
        { key: 'priorityRefs', header: 'Measures (priority refs, one per line)', kind: 'text', width: 20 },
        { key: 'owner', header: 'Owner (user id)', kind: 'text', width: 20 },
        { key: 'approver', header: 'Approver (user id)', kind: 'text', width: 20 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.indicators.map(({ code, title, description, unit, polarity, basis, frequency, tolerance, toleranceAbsolute, priorityRefs, owner, approver }) => ({
          code,
          title,
          description,
          unit,
          polarity,
          basis,
          frequency,
          tolerance,
          toleranceAbsolute,
          priorityRefs: cellOfList(priorityRefs),
          owner,
          approver,
        })),
    },
    {
      name: TARGETS,
      title: 'Targets: one row per indicator and period (a year such as 2023/24, or a quarter such as 2023/24-Q1)',
      columns: [
        { key: 'indicator', header: 'Indicator code', kind: 'text', width: 14 },
        { key: 'period', header: 'Period', kind: 'text', width: 14 },
        { key: 'comparison', header: 'Comparison', kind: 'text', width: 12 },
        { key: 'value', header: 'Target', kind: 'whole-number', width: 12 },
        { key: 'upper', header: 'Upper figure (between)', kind: 'whole-number', width: 12 },
        { key: 'baseline', header: 'Relative to the baseline of (period)', kind: 'text', width: 14 },
        { key: 'text', header: 'Target as worded', kind: 'text', width: 60 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.indicators.flatMap((indicator) =>
          indicator.targets.map(({ period, comparison, value, upper, baseline, text }) => ({
            indicator: indicator.code,
            period,
            comparison,
            value: figureCell(value),
            upper: figureCell(upper),
            baseline,
            text,
          })),
        ),
    },
    {
      name: BASELINES,
      title: 'Baselines: figures from before the plan, one row per indicator and period, for direction of travel',
      columns: [
        { key: 'indicator', header: 'Indicator code', kind: 'text', width: 14 },
        { key: 'period', header: 'Period', kind: 'text', width: 14 },
        { key: 'value', header: 'Figure', kind: 'whole-number', width: 12 },
        { key: 'source', header: 'Source', kind: 'text', width: 50 },
        { key: 'note', header: 'Note', kind: 'text', width: 50 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.indicators.flatMap((indicator) =>
          indicator.baselines.map(({ period, value, source, note }) => ({ indicator: indicator.code, period, value: figureCell(value), source, note })),
        ),
    },
  ],
  commandsOf(rows, problems): ImportedCommand[] {
    const indicators = rows[INDICATORS] ?? [];
    const targets = rowsByKey(rows[TARGETS] ?? [], 'indicator');
    orphanRows(targets, new Set(indicators.map((row) => keyOf(row.cells.code))), 'indicator', 'indicator', problems);
    const baselines = rowsByKey(rows[BASELINES] ?? [], 'indicator');
    const codes = new Set(indicators.map((row) => keyOf(row.cells.code)));
    orphanRows(baselines, codes, 'indicator', 'indicator', problems);
    const definitions = indicators.map((row): ImportedCommand => {
      const own = targets.get(keyOf(row.cells.code)) ?? [];
      return {
        type: 'DefineIndicator',
        dto: DefineIndicatorDto,
        row,
        body: bodyOf({
          ...row.cells,
          priorityRefs: listIn(row.cells.priorityRefs),
          targets: own.map(({ cells: { indicator: _indicator, ...target } }) => bodyOf({ ...target, value: yesOrNo(target.value), upper: yesOrNo(target.upper) })),
        }),
        elements: { targets: own },
      };
    });
    // After every definition, as an editor records an indicator's baselines once it is defined.
    const recordedBaselines = [...baselines.entries()]
      .filter(([code]) => codes.has(code))
      .flatMap(([, own]) =>
        own.map(({ cells: { indicator, ...baseline }, ...row }): ImportedCommand => ({
          type: 'RecordBaseline',
          dto: RecordBaselineDto,
          row: { ...row, cells: { indicator, ...baseline } },
          body: bodyOf({ ...baseline, value: yesOrNo(baseline.value) }),
          fromPath: { code: normaliseIdentifier(String(indicator)) },
        })),
      );
    return [...definitions, ...recordedBaselines];
  },
};

/** A figure as a sheet holds it: a yes/no result as the word an officer writes, a date as its ISO text, a number as itself. */
function figureCell(figure: Figure | null): string | number | null {
  return typeof figure === 'boolean' ? yesOrNoOf(figure) : figure;
}
