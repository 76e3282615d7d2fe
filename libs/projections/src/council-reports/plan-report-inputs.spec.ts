import { PLANS_COLLECTION, planViewProjection } from '../plan-views/plan-view.projection';
import { documentBody } from '../plan-views/plan-event';
import type { PlanView } from '../plan-views/plan-view';
import { hartPlan } from '../plan-views/testing/hart-plan.fixture';
import { project } from '../plan-views/testing/plan-stream.fixture';
import { PLAN_REPORT_INPUTS_COLLECTION, planReportInputsOf, plansCoveringPeriod } from './plan-report-inputs';

describe("A plan's report inputs", () => {
  it('are written beside the plan by the plan-view projection, from the same fold, and found by council and period', async () => {
    const reads = await project(planViewProjection, hartPlan().events);
    const plan = await reads.get(PLANS_COLLECTION, 'hart/hart-cs-2023-24');
    const stored = await reads.get(PLAN_REPORT_INPUTS_COLLECTION, 'hart/hart-cs-2023-24');

    expect(documentBody(stored!)).toEqual(documentBody(planReportInputsOf('hart/hart-cs-2023-24', documentBody<PlanView>(plan!))));
    expect(stored).not.toHaveProperty('sections');

    const found = async (council: string, period: string, services: string[] | null) =>
      (await reads.find(PLAN_REPORT_INPUTS_COLLECTION, { where: plansCoveringPeriod(council, period, services) })).items.map(({ id }) => id);
    expect(await found('hart', '2023/24-Q2', null)).toEqual(['hart/hart-cs-2023-24']);
    expect(await found('hart', '2023/24', ['Corporate Services'])).toEqual(['hart/hart-cs-2023-24']);
    expect(await found('hart', '2023/24-Q2', ['Place'])).toEqual([]);
    expect(await found('hart', '2024/25-Q1', null)).toEqual([]);
    expect(await found('rushmoor', '2023/24-Q2', null)).toEqual([]);
  });
});
