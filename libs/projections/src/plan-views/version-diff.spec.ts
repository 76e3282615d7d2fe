import { hartOutcome } from '@app/domain/plan/testing/hart-2023-24.seed';
import { foldPlanView, type PlanView } from './plan-view';
import { diffPlanViews } from './version-diff';
import { hartPlan } from './testing/hart-plan.fixture';

describe('diffPlanViews', () => {
  const events = hartPlan().events;
  const atVersion = (label: string) => {
    const published = events.findIndex((e) => e.type === 'VersionPublished' && e.data.label === label);
    return foldPlanView(events.slice(0, published + 1)) as PlanView;
  };

  it('lists what the second Hart version added, removed and changed, with before and after', () => {
    const diff = diffPlanViews(atVersion('1'), atVersion('2'));

    expect(diff.from).toBe('1');
    expect(diff.to).toBe('2');
    expect(diff.added).toEqual([
      {
        kind: 'target',
        key: 'CP7 2023/24-Q2',
        before: null,
        after: { period: '2023/24-Q2', value: 49, text: null, upper: null, baseline: null, comparison: 'at-least' },
      },
    ]);
    expect(diff.removed).toEqual([
      {
        kind: 'priority',
        key: '6',
        before: {
          ref: '6',
          kind: 'priority',
          title: 'Improving external communication',
          objective: '6.3 Actively tell residents how we use Council resources',
          themes: ['People', 'Resilient and financially sound council'],
          themeIds: [],
          sponsor: null,
          manager: null,
          owner: null,
          approver: null,
        },
        after: null,
      },
      {
        kind: 'outcome',
        key: '6/6a',
        before: hartOutcome('6', 1, '6a', '2024-03-31'),
        after: null,
      },
    ]);
    expect(diff.changed).toEqual([
      {
        kind: 'target',
        key: 'CP7 2023/24',
        before: { period: '2023/24', value: 97, text: null, upper: null, baseline: null, comparison: 'at-least' },
        after: { period: '2023/24', value: 98, text: null, upper: null, baseline: null, comparison: 'at-least' },
      },
    ]);
  });

  it('ignores monitoring data: the plan at version 2 and now differ in nothing', () => {
    const diff = diffPlanViews(atVersion('2'), foldPlanView(events) as PlanView);
    expect(diff).toEqual({ from: '2', to: '2', added: [], removed: [], changed: [] });
  });
});
