import type { IndicatorView, PlanView, PriorityView, TargetView } from './plan-view';
import type { Outcome } from '@app/domain';

/**
 * What differs between two states of a plan (two versions, usually): its content only, not its
 * monitoring data. Priorities are matched by ref, outcomes by priority and outcome ref, indicators by
 * code and targets by code and period.
 */

export type DiffItemKind = 'priority' | 'outcome' | 'indicator' | 'target';

export type DiffItem<T = unknown> = {
  kind: DiffItemKind;
  /** "6", "1/1a", "CP7", "CP7 2023/24". */
  key: string;
  before: T | null;
  after: T | null;
};

export type PlanDiff = {
  /** Version labels, or the revision when a side is not a published version. */
  from: string;
  to: string;
  added: DiffItem[];
  removed: DiffItem[];
  changed: DiffItem[];
};

type PriorityContent = Pick<PriorityView, 'ref' | 'title' | 'objective' | 'themes'>;
type IndicatorContent = Omit<IndicatorView, 'targets' | 'actuals'>;

const priorityContent = ({ ref, title, objective, themes }: PriorityView): PriorityContent => ({
  ref,
  title,
  objective,
  themes,
});

const indicatorContent = ({ targets: _targets, actuals: _actuals, ...content }: IndicatorView): IndicatorContent =>
  content;

function keyed<T>(kind: DiffItemKind, entries: Array<[string, T]>): Map<string, T> {
  return new Map(entries.map(([key, value]) => [`${kind}\u0000${key}`, value]));
}

function contentOf(view: PlanView): Map<string, unknown> {
  return new Map<string, unknown>([
    ...keyed('priority', view.priorities.map((p) => [p.ref, priorityContent(p)])),
    ...keyed(
      'outcome',
      view.priorities.flatMap((p) => p.outcomes.map((o): [string, Outcome] => [`${p.ref}/${o.ref}`, o])),
    ),
    ...keyed('indicator', view.indicators.map((i) => [i.code, indicatorContent(i)])),
    ...keyed(
      'target',
      view.indicators.flatMap((i) => i.targets.map((t): [string, TargetView] => [`${i.code} ${t.period}`, t])),
    ),
  ]);
}

/** JSON with keys sorted, so that equal content compares equal whatever order its keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const label = (view: PlanView): string => view.version ?? `revision ${view.revision}`;

export function diffPlanViews(from: PlanView, to: PlanView): PlanDiff {
  const before = contentOf(from);
  const after = contentOf(to);
  const item = (mapKey: string, b: unknown, a: unknown): DiffItem => {
    const [kind, key] = mapKey.split('\u0000') as [DiffItemKind, string];
    return { kind, key, before: b ?? null, after: a ?? null };
  };
  const diff: PlanDiff = { from: label(from), to: label(to), added: [], removed: [], changed: [] };
  for (const [key, value] of before) {
    if (!after.has(key)) diff.removed.push(item(key, value, null));
    else if (canonical(value) !== canonical(after.get(key))) diff.changed.push(item(key, value, after.get(key)));
  }
  for (const [key, value] of after) {
    if (!before.has(key)) diff.added.push(item(key, null, value));
  }
  return diff;
}
