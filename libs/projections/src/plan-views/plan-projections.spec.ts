import { HART_PLAN } from '@app/domain/plan/testing/hart-2023-24.seed';
import { planHistoryProjection, PLAN_HISTORY_COLLECTION } from './plan-history.projection';
import { planListProjection, PLAN_LIST_COLLECTION } from './plan-list.projection';
import { planProjections } from './plan-projections';
import {
  PLAN_SNAPSHOTS_COLLECTION,
  type PlanSnapshotDocument,
} from './plan-snapshot.projection';
import { foldPlanView } from './plan-view';
import { planViewProjection, PLANS_COLLECTION } from './plan-view.projection';
import { documentBody } from './plan-event';
import { PLAN_VERSIONS_COLLECTION, versionTableProjection, type VersionTable } from './version-table.projection';
import { hartPlan } from './testing/hart-plan.fixture';
import { documentsIn, OFFICER, PlanStream, project } from './testing/plan-stream.fixture';

const at = (revision: number) => `2023-04-03T09:${String(revision + 1).padStart(2, '0')}:00.000Z`;

describe('plan projections', () => {
  it.each(planProjections.map((projection) => [projection.name, projection] as const))(
    '%s: applying the same events again changes nothing',
    async (_name, projection) => {
      const events = hartPlan().events;
      const once = await project(projection, events);
      const contents = async () =>
        JSON.stringify(await Promise.all(projection.collections.map((collection) => once.find(collection))));
      const before = await contents();
      await project(projection, events, once);
      await project(projection, events.slice(5, 12), once);
      expect(await contents()).toBe(before);
    },
  );

  it('plan view: the document is the fold of the events, keyed by council and plan id', async () => {
    const events = hartPlan().events;
    const [document] = await documentsIn(await project(planViewProjection, events), PLANS_COLLECTION);
    expect(document).toEqual({ id: 'hart/hart-cs-2023-24', ...foldPlanView(events), projectedPosition: 1210 });
  });

  it('plan list: one row per plan with its status, version and last change', async () => {
    const hart = hartPlan();
    const threeRivers = new PlanStream('three-rivers-cs-2020-23', '2019-10-02T10:00:00.000Z', 5, 'three-rivers');
    threeRivers.add('PlanDrafted', {
      council: 'three-rivers',
      service: 'Corporate Services',
      title: 'Corporate Services Service Plan 2020-2023',
      period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
      owner: null,
    });
    const model = await project(planListProjection, [...threeRivers.events, ...hart.events]);

    expect(await documentsIn(model, PLAN_LIST_COLLECTION)).toEqual([
      {
        id: 'three-rivers/three-rivers-cs-2020-23',
        planId: 'three-rivers-cs-2020-23',
        council: 'three-rivers',
        title: 'Corporate Services Service Plan 2020-2023',
        service: 'Corporate Services',
        period: '2020-2023',
        status: 'draft',
        stage: 'draft',
        version: null,
        approvedBy: null,
        updatedAt: '2019-10-02T10:01:00.000Z',
        projectedPosition: 5,
      },
      {
        id: 'hart/hart-cs-2023-24',
        planId: 'hart-cs-2023-24',
        council: 'hart',
        title: HART_PLAN.title,
        service: 'Corporate Services',
        period: '2023/24',
        status: 'approved',
        stage: 'in-monitoring',
        version: '2',
        approvedBy: { body: 'Cabinet', date: '2023-07-06', decisionRef: 'Cabinet minute 23' },
        updatedAt: at(21),
        projectedPosition: 1210,
      },
    ]);
    expect(planListProjection.indexes?.[PLAN_LIST_COLLECTION]).toEqual(
      expect.arrayContaining([{ council: 1, service: 1 }, { council: 1, period: 1 }, { council: 1, status: 1 }]),
    );
  });

  it('plan history: one entry per event, with who, why, a summary and the refs it touches', async () => {
    const events = hartPlan().events;
    const entries = await documentsIn(await project(planHistoryProjection, events), PLAN_HISTORY_COLLECTION);

    expect(entries.map((entry) => entry.position)).toEqual(events.map((event) => event.position));
    expect(entries.find((entry) => entry.type === 'TargetChanged')).toEqual({
      id: '0000000000001090',
      planKey: 'hart/hart-cs-2023-24',
      planId: 'hart-cs-2023-24',
      position: 1090,
      revision: 9,
      recordedAt: at(9),
      type: 'TargetChanged',
      actor: { id: 'u-editor', name: 'Pat Kelly', role: 'editor' },
      reason: 'O&S minute 126',
      summary: 'Target for CP7 2023/24 changed from 97% to 98%: O&S minute 126',
      refs: ['CP7'],
      ref: 'CP7',
      refKey: 'indicator:CP7',
      data: events[9].data,
      projectedPosition: 1090,
    });
    expect(entries.filter((entry) => entry.refKey === 'priority:8').map((entry) => entry.summary)).toEqual([
      "Priority 8 added: Refresh Hart's Digital Strategy and customer offer",
      'Progress on priority 8 for 2023/24-Q1: 25% complete, on track',
      'Progress on milestone 8a of priority 8 for 2023/24-Q2: 50% complete, at risk',
    ]);
    expect(entries.find((entry) => entry.type === 'PriorityWithdrawn')?.summary).toBe(
      'Priority 6 withdrawn: merged into 8',
    );
    expect(entries.find((entry) => entry.revision === 14)).toMatchObject({
      actor: OFFICER,
      reason: null,
      summary: 'Actual for CP7 2023/24-Q1 recorded: 28.1% (no target for 2023/24-Q1)',
    });
  });

  it('plan history: keeps both entries when two streams hold events with the same id, named in log order', async () => {
    // EventStoreDB event ids are unique within a stream only: the same id may be stored in another.
    const hart = hartPlan().events.slice(0, 1);
    const threeRivers = new PlanStream('three-rivers-cs-2020-23', '2019-10-02T10:00:00.000Z', 5, 'three-rivers');
    const drafted = threeRivers.add('PlanDrafted', {
      council: 'three-rivers',
      service: 'Corporate Services',
      title: 'Corporate Services Service Plan 2020-2023',
      period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
      owner: null,
    });
    const sameId = { ...drafted, id: hart[0].id };

    const entries = await documentsIn(await project(planHistoryProjection, [sameId, ...hart]), PLAN_HISTORY_COLLECTION);

    expect(entries.map((entry) => [entry.id, entry.planId, entry.summary])).toEqual([
      [
        '0000000000000005',
        'three-rivers-cs-2020-23',
        expect.stringContaining('Corporate Services Service Plan 2020-2023'),
      ],
      ['0000000000001000', 'hart-cs-2023-24', expect.stringContaining(HART_PLAN.title)],
    ]);
  });

  it("version table: reproduces Three Rivers' table, with what each version changed", async () => {
    const plan = new PlanStream('three-rivers-cs-2020-23', '2019-10-02T10:00:00.000Z', 1000, 'three-rivers');
    plan.add('PlanDrafted', {
      council: 'three-rivers',
      service: 'Corporate Services',
      title: 'Corporate Services Service Plan 2020-2023',
      period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
      owner: null,
    });
    plan.add(
      'VersionPublished',
      { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' },
      { actor: { id: 'u-pk', name: 'PK', role: 'editor' } },
    );
    const yearly = (value: number) =>
      ['2020/21', '2021/22', '2022/23'].map((period) => ({ period, value, text: null, upper: null, baseline: null, comparison: 'at-least' as const }));
    plan.add('IndicatorDefined', {
      code: 'CO02',
      title: 'To what extent do you know what services Three Rivers District Council provides in your local area',
      description: null,
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'annual',
      frequency: 'annual',
      tolerance: 5,
      toleranceAbsolute: null, themeId: null,
      targets: yearly(70),
    });
    plan.add('IndicatorDefined', {
      code: 'CO03',
      title: 'Percentage of FOI requests responded to, within timeframe',
      description: null,
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'annual',
      frequency: 'annual',
      tolerance: 5,
      toleranceAbsolute: null, themeId: null,
      targets: yearly(85),
    });
    plan.add('BudgetLineAdded', {
      code: 'CS-NET',
      title: 'Net Cost of Service (Direct cost / Income Only)',
      note: null,
      amounts: [
        { year: '2020/21', kind: 'latest', value: 1_824_973 },
        { year: '2021/22', kind: 'latest', value: 1_768_881 },
        { year: '2022/23', kind: 'latest', value: 1_840_221 },
      ],
    });
    plan.add(
      'VersionPublished',
      {
        label: '2.0',
        reason: 'Corporate Objectives, Performance Indicators and Budgets added',
        effectiveDate: '2020-02-25',
      },
      { actor: { id: 'u-gg', name: 'GG', role: 'editor' }, at: '2020-02-25T16:30:00.000Z' },
    );

    const [document] = await documentsIn(await project(versionTableProjection, plan.events), PLAN_VERSIONS_COLLECTION);
    const table = documentBody<VersionTable>(document);
    const asPrinted = table.rows.map(
      (row) => `${row.label}\t${row.date.split('-').reverse().join('/')}\t${row.reason}\t${row.madeBy}`,
    );
    expect(asPrinted).toEqual([
      '1.0\t02/10/2019\tFirst draft\tPK',
      '2.0\t25/02/2020\tCorporate Objectives, Performance Indicators and Budgets added\tGG',
    ]);
    expect(table.rows[0].changes.summary).toBe('No changes to the plan’s content');
    expect(table.rows[1]).toMatchObject({ revision: 5, recordedAt: '2020-02-25T16:30:00.000Z' });
    expect(table.rows[1].changes).toEqual({
      summary: '2 indicators added, 1 budget line added',
      counts: {
        prioritiesAdded: 0,
        prioritiesRevised: 0,
        prioritiesWithdrawn: 0,
        projectsAdded: 0,
        projectsRevised: 0,
        projectsWithdrawn: 0,
        actionsAdded: 0,
        actionsRevised: 0,
        actionsWithdrawn: 0,
        outcomesAdded: 0,
        outcomesChanged: 0,
        outcomesRemoved: 0,
        milestonesAdded: 0,
        milestonesChanged: 0,
        milestonesRemoved: 0,
        progressResponsibilitiesAssigned: 0,
        indicatorsAdded: 2,
        indicatorsRevised: 0,
        targetsSet: 0,
        targetsChanged: 0,
        baselinesRecorded: 0,
        indicatorsLinked: 0,
        returnResponsibilitiesAssigned: 0,
        budgetLinesAdded: 1,
        budgetLinesRevised: 0,
        budgetLinesRemoved: 0,
        budgetPrintedTotalsSet: 0,
        budgetPrintedTotalsRemoved: 0,
        risksAdded: 0,
        risksRevised: 0,
        risksRemoved: 0,
        contractsAdded: 0,
        contractsRevised: 0,
        contractsRemoved: 0,
        keyPostsAdded: 0,
        keyPostsRevised: 0,
        keyPostsRemoved: 0,
        skillsAdded: 0,
        skillsRevised: 0,
        skillsRemoved: 0,
        workforceUpdated: 0,
        sectionsAdded: 0,
        sectionsRevised: 0,
        sectionsRemoved: 0,
        contributionsAdded: 0,
        contributionsRevised: 0,
        contributionsRemoved: 0,
      },
      items: [
        {
          kind: 'indicatorsAdded',
          ref: 'CO02',
          name: 'To what extent do you know what services Three Rivers District Council provides in your local area',
        },
        { kind: 'indicatorsAdded', ref: 'CO03', name: 'Percentage of FOI requests responded to, within timeframe' },
        { kind: 'budgetLinesAdded', ref: 'CS-NET', name: 'Net Cost of Service (Direct cost / Income Only)' },
      ],
    });
  });

  it('version table: counts a project and its milestones in their own words', async () => {
    const plan = hartPlan();
    const milestone = (ref: string, description: string) => ({ ref, description, targetDate: null, due: { period: '2023/24-Q4', date: '2024-03-31' } });
    plan.add('PriorityAdded', {
      ref: 'P1',
      title: 'Cloud telephony',
      themes: [], themeIds: [],
      objective: null,
      kind: 'project',
      sponsor: 'Head of Corporate Services',
      manager: null,
      outcomes: [milestone('1', 'Supplier chosen')],
    });
    plan.add('OutcomeAdded', { priorityRef: 'P1', priorityKind: 'project', outcome: milestone('2', 'Numbers ported'), reason: 'Porting planned' });
    plan.add('OutcomeAdded', { priorityRef: '8', priorityKind: 'priority', outcome: milestone('8b', 'Strategy adopted'), reason: 'Adoption' });
    plan.add('VersionPublished', { label: '3', reason: 'Telephony project added', effectiveDate: null });
    const [document] = await documentsIn(await project(versionTableProjection, plan.events), PLAN_VERSIONS_COLLECTION);
    const row = documentBody<VersionTable>(document).rows[2];
    expect(row.changes.summary).toBe('1 project added, 1 outcome added, 1 milestone added');
    expect(row.changes.counts).toMatchObject({ projectsAdded: 1, prioritiesAdded: 0, milestonesAdded: 1, outcomesAdded: 1 });
  });

  it('version table: the first version counts everything before it, a later one only what came since', async () => {
    const [document] = await documentsIn(
      await project(versionTableProjection, hartPlan().events),
      PLAN_VERSIONS_COLLECTION,
    );
    const table = documentBody<VersionTable>(document);
    expect(table.rows.map((row) => [row.label, row.changes.summary])).toEqual([
      ['1', '3 priorities added, 2 indicators added'],
      ['2', '1 priority withdrawn, 1 target set, 1 target changed'],
    ]);
    expect(table.unpublished).toEqual([]);
  });

  it('version table: marks the version approved, with the body, its date and the decision reference', async () => {
    const [document] = await documentsIn(await project(versionTableProjection, hartPlan().events), PLAN_VERSIONS_COLLECTION);
    const table = documentBody<VersionTable>(document);
    expect(table.rows.map((row) => [row.label, row.approvedBy])).toEqual([
      ['1', null],
      ['2', { body: 'Cabinet', date: '2023-07-06', decisionRef: 'Cabinet minute 23' }],
    ]);
  });

  it('snapshots: every 100 events the plan as it was at that revision, for time travel to start from', async () => {
    const plan = hartPlan();
    while (plan.events.length < 250) {
      const quarter = (plan.events.length % 4) + 1;
      plan.add('ProgressRecorded', {
        priorityRef: '10',
        milestone: null,
        period: `2023/24-Q${quarter}`,
        percentComplete: plan.events.length % 101,
        status: 'on-track',
        position: null,
        commentary: null,
      });
    }
    const model = await project(planViewProjection, plan.events);
    const snapshots = (await documentsIn(model, PLAN_SNAPSHOTS_COLLECTION, 'revision')).map(
      (document) => document as unknown as PlanSnapshotDocument,
    );

    expect(snapshots.map((s) => [s.id, s.revision, s.position, s.recordedAt])).toEqual([
      [`hart/${plan.planId}@99`, 99, plan.events[99].position, plan.events[99].recordedAt],
      [`hart/${plan.planId}@199`, 199, plan.events[199].position, plan.events[199].recordedAt],
    ]);
    expect(snapshots[1].view).toEqual(foldPlanView(plan.events.slice(0, 200)));

    const instant = plan.events[150].recordedAt;
    const start = snapshots.filter((s) => s.recordedAt <= instant).at(-1);
    expect(start?.revision).toBe(99);
    const rest = plan.events.filter((e) => e.revision > 99 && e.recordedAt <= instant);
    expect(foldPlanView(rest, start?.view)).toEqual(foldPlanView(plan.events.slice(0, 151)));
  });
});
