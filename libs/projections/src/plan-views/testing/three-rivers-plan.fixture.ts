import { PlanStream } from './plan-stream.fixture';

/** The stream of Three Rivers' Corporate Services plan 2020-23, drafted and nothing more, for a section's spec to enter its content. */
export function threeRiversDrafted(): PlanStream {
  const plan = new PlanStream('three-rivers-cs-2020-23', '2019-10-02T10:00:00.000Z', 1000, 'three-rivers');
  plan.add('PlanDrafted', {
    council: 'three-rivers',
    service: 'Corporate Services',
    title: 'Corporate Services Service Plan 2020-2023',
    period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
    owner: null,
  });
  return plan;
}
