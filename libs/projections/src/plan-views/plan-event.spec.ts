import { planEventOf } from './plan-event';
import { PlanStream } from './testing/plan-stream.fixture';

describe('planEventOf', () => {
  const plan = new PlanStream('hart-cs-2023-24');
  const drafted = plan.add('PlanDrafted', {
    council: 'hart',
    service: 'Corporate Services',
    title: 'Corporate Services Service Plan 2023/24',
    period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
    owner: null,
  });

  it('narrows the decoded event it is given, returning it as it is rather than decoding a copy', () => {
    expect(planEventOf(drafted)).toBe(drafted);
  });

  it('has no plan event for a type the plan does not know', () => {
    expect(planEventOf({ ...drafted, type: 'BudgetImported' })).toBeNull();
  });
});
