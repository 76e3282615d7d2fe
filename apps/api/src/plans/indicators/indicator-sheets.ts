import type { PlanView } from '@app/projections';
import { bodyOf, keyOf, orphanRows, rowsByKey, type ImportedCommand, type SectionTemplate } from '../../imports/template-sheet';
import { DefineIndicatorDto } from './indicator.dto';

const INDICATORS = 'Indicators';
const TARGETS = 'Targets';

/** Performance indicators, one row each, with their targets per period on a sheet of their own, by the indicator's code. */
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
      ],
      rowsOf: (plan: PlanView) =>
        plan.indicators.map(({ code, title, description, unit, polarity, basis, frequency, tolerance }) => ({
          code,
          title,
          description,
          unit,
          polarity,
          basis,
          frequency,
          tolerance,
        })),
    },
    {
      name: TARGETS,
      title: 'Targets: one row per indicator and period (a year such as 2023/24, or a quarter such as 2023/24-Q1)',
      columns: [
        { key: 'indicator', header: 'Indicator code', kind: 'text', width: 14 },
        { key: 'period', header: 'Period', kind: 'text', width: 14 },
        { key: 'value', header: 'Target', kind: 'whole-number', width: 12 },
        { key: 'text', header: 'Target as worded', kind: 'text', width: 60 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.indicators.flatMap((indicator) =>
          indicator.targets.map(({ period, value, text }) => ({ indicator: indicator.code, period, value, text })),
        ),
    },
  ],
  commandsOf(rows, problems): ImportedCommand[] {
    const indicators = rows[INDICATORS] ?? [];
    const targets = rowsByKey(rows[TARGETS] ?? [], 'indicator');
    orphanRows(targets, new Set(indicators.map((row) => keyOf(row.cells.code))), 'indicator', 'indicator', problems);
    return indicators.map((row) => {
      const own = targets.get(keyOf(row.cells.code)) ?? [];
      return {
        type: 'DefineIndicator',
        dto: DefineIndicatorDto,
        row,
        body: bodyOf({ ...row.cells, targets: own.map(({ cells: { indicator: _indicator, ...target } }) => bodyOf(target)) }),
        elements: { targets: own },
      };
    });
  },
};
