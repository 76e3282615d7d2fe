import { BUDGET_DIFF_ENTRIES } from './budget/budget-diff';
import { CONTRACT_DIFF_ENTRIES } from './contracts/contract-diff';
import { INDICATOR_DIFF_ENTRIES } from './indicators/indicator-diff';
import { NARRATIVE_DIFF_ENTRIES } from './narrative/narrative-diff';
import type { PlanView } from './plan-view';
import { PRIORITY_DIFF_ENTRIES } from './priorities/priority-diff';
import { RISK_DIFF_ENTRIES } from './risks/risk-diff';
import type { DiffEntries } from './section-traits';
import { WORKFORCE_DIFF_ENTRIES } from './workforce/workforce-diff';

/**
 * What differs between two states of a plan (two versions, usually): its content only, not its
 * monitoring data. Each section says how its items are keyed (priorities by ref, outcomes by
 * priority and outcome ref, indicators by code, targets by code and period, ...).
 */

const DIFF_ENTRIES = {
  ...PRIORITY_DIFF_ENTRIES,
  ...INDICATOR_DIFF_ENTRIES,
  ...BUDGET_DIFF_ENTRIES,
  ...RISK_DIFF_ENTRIES,
  ...CONTRACT_DIFF_ENTRIES,
  ...WORKFORCE_DIFF_ENTRIES,
  ...NARRATIVE_DIFF_ENTRIES,
} satisfies Record<string, DiffEntries>;

export type DiffItemKind = keyof typeof DIFF_ENTRIES;

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

function contentOf(view: PlanView): Map<string, { kind: DiffItemKind; key: string; content: unknown }> {
  const content = new Map<string, { kind: DiffItemKind; key: string; content: unknown }>();
  for (const kind of Object.keys(DIFF_ENTRIES) as DiffItemKind[]) {
    for (const [key, value] of DIFF_ENTRIES[kind](view)) content.set(`${kind}\u0000${key}`, { kind, key, content: value });
  }
  return content;
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
  const diff: PlanDiff = { from: label(from), to: label(to), added: [], removed: [], changed: [] };
  for (const [mapKey, { kind, key, content }] of before) {
    const now = after.get(mapKey);
    if (!now) diff.removed.push({ kind, key, before: content, after: null });
    else if (canonical(content) !== canonical(now.content)) diff.changed.push({ kind, key, before: content, after: now.content });
  }
  for (const [mapKey, { kind, key, content }] of after) {
    if (!before.has(mapKey)) diff.added.push({ kind, key, before: null, after: content });
  }
  return diff;
}
