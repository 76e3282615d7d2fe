import type { DiffEntries } from '../section-traits';

/** Indicators by code (their definition, not their actuals), targets by code and period. */
export const INDICATOR_DIFF_ENTRIES = {
  indicator: (view) => view.indicators.map(({ targets: _targets, actuals: _actuals, ...content }) => [content.code, content]),
  target: (view) => view.indicators.flatMap((i) => i.targets.map((t): [string, unknown] => [`${i.code} ${t.period}`, t])),
} satisfies Record<string, DiffEntries>;
