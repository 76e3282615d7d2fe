import type { DiffEntries } from '../section-traits';

/**
 * Indicators by code (their definition, not their actuals), targets and baselines by code and
 * period, each by its content: when it was recorded is not a difference between versions, nor the
 * figure a target's baseline has now, which the baseline's own entry shows.
 */
export const INDICATOR_DIFF_ENTRIES = {
  indicator: (view) =>
    view.indicators.map(({ targets: _targets, actuals: _actuals, baselines: _baselines, ...content }) => [content.code, content]),
  target: (view) =>
    view.indicators.flatMap((i) => i.targets.map(({ setAt: _setAt, baselineFigure: _baselineFigure, ...t }): [string, unknown] => [`${i.code} ${t.period}`, t])),
  baseline: (view) =>
    view.indicators.flatMap((i) =>
      i.baselines.map(({ recordedAt: _recordedAt, ...b }): [string, unknown] => [`${i.code} ${b.period}`, b]),
    ),
} satisfies Record<string, DiffEntries>;
