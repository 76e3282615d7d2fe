import type { DiffEntries } from '../section-traits';

/** Indicators by code (their definition, not their actuals), targets and baselines by code and period. */
export const INDICATOR_DIFF_ENTRIES = {
  indicator: (view) =>
    view.indicators.map(({ targets: _targets, actuals: _actuals, baselines: _baselines, ...content }) => [content.code, content]),
  target: (view) => view.indicators.flatMap((i) => i.targets.map((t): [string, unknown] => [`${i.code} ${t.period}`, t])),
  baseline: (view) =>
    view.indicators.flatMap((i) =>
      i.baselines.map(({ recordedAt: _recordedAt, ...b }): [string, unknown] => [`${i.code} ${b.period}`, b]),
    ),
} satisfies Record<string, DiffEntries>;
