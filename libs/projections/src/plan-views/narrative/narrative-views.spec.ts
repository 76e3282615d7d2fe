import { hartPlanDraft } from '@app/domain/plan/testing/hart-2023-24.seed';
import { historyRefKeys, planHistoryProjection, PLAN_HISTORY_COLLECTION } from '../plan-history.projection';
import { documentBody } from '../plan-event';
import { summaryOf } from '../plan-event-traits';
import { foldPlanView, type PlanView } from '../plan-view';
import { diffPlanViews } from '../version-diff';
import { PLAN_VERSIONS_COLLECTION, versionTableProjection, type VersionTable } from '../version-table.projection';
import { documentsIn, PlanStream, project } from '../testing/plan-stream.fixture';

const OVERVIEW = [
  'Corporate Services covers a broad range of both front and back-office functions for the council including:',
  '',
  '- Audit and performance',
  '- Communications and website',
  '- Committee services',
].join('\n');
const OVERVIEW_REVISED = OVERVIEW.replace('- Committee services', '- Committee services\n- Finance\n- Climate change').replace(
  'Communications and website',
  'Communications, website and social media',
);
const PRIORITIES_INTRO =
  'The table below sets out the service priorities for 2023/24, over and above day to day service delivery.';

/** A plan whose prose is entered for version 1 and revised for version 2. */
function narrativePlan(): PlanStream {
  const plan = new PlanStream('hart-cs-2023-24');
  plan.add('PlanDrafted', hartPlanDraft());
  plan.add('NarrativeSectionAdded', { key: 'priorities', title: 'Service Priorities 2023/24', text: PRIORITIES_INTRO, order: 2 });
  plan.add('NarrativeSectionAdded', { key: 'partnerships', title: 'Partnerships', text: 'None recorded.', order: null });
  plan.add('NarrativeSectionAdded', { key: 'overview', title: 'Service Overview', text: OVERVIEW, order: 1 });
  plan.add('ContributionAdded', {
    themeId: 'resilient-council',
    themeTitle: 'Resilient and financially sound council',
    objectiveRefs: [],
    contribution: 'Corporate Services will support the service departments to meet these priorities.',
  });
  plan.add('ContributionAdded', { themeId: 'people', themeTitle: 'People', objectiveRefs: ['Elections delivered'], contribution: null });
  plan.add('VersionPublished', { label: '1', reason: 'Version to be considered by O&S Committee', effectiveDate: null });
  plan.add('NarrativeSectionRevised', {
    key: 'overview',
    changes: { title: 'Service overview', text: OVERVIEW_REVISED },
    previous: { title: 'Service Overview', text: OVERVIEW },
    reason: 'O&S comments',
  });
  plan.add('NarrativeSectionRevised', { key: 'priorities', changes: { order: null }, previous: { order: 2 }, reason: 'Moved to the end' });
  plan.add('NarrativeSectionRemoved', { key: 'partnerships', title: 'Partnerships', reason: 'Nothing to say yet' });
  plan.add('ContributionRevised', {
    themeId: 'people',
    changes: { contribution: 'Elections run to the new statutory requirements.' },
    previous: { contribution: null },
    reason: 'Contribution written',
  });
  plan.add('ContributionRemoved', { themeId: 'resilient-council', themeTitle: 'Resilient and financially sound council', reason: 'Merged into People' });
  plan.add('VersionPublished', { label: '2', reason: 'Version updated to reflect O&S comments', effectiveDate: null });
  return plan;
}

const viewAt = (plan: PlanStream, revision: number) => foldPlanView(plan.events.slice(0, revision + 1)) as PlanView;

describe('the plan view’s prose', () => {
  it('lists sections by their place, those without one last, and contributions by theme id', () => {
    const plan = narrativePlan();
    const version1 = viewAt(plan, 6);
    expect(version1.sections.map((section) => section.key)).toEqual(['overview', 'priorities', 'partnerships']);
    expect(version1.sections[0]).toEqual({ key: 'overview', title: 'Service Overview', text: OVERVIEW, order: 1 });
    expect(version1.contributions).toEqual([
      { themeId: 'people', themeTitle: 'People', objectiveRefs: ['Elections delivered'], contribution: null },
      {
        themeId: 'resilient-council',
        themeTitle: 'Resilient and financially sound council',
        objectiveRefs: [],
        contribution: 'Corporate Services will support the service departments to meet these priorities.',
      },
    ]);
  });

  it('follows revisions and removals, a section losing its place moving after the placed ones', () => {
    const view = foldPlanView(narrativePlan().events) as PlanView;
    expect(view.sections).toEqual([
      { key: 'overview', title: 'Service overview', text: OVERVIEW_REVISED, order: 1 },
      { key: 'priorities', title: 'Service Priorities 2023/24', text: PRIORITIES_INTRO, order: null },
    ]);
    expect(view.contributions).toEqual([
      { themeId: 'people', themeTitle: 'People', objectiveRefs: ['Elections delivered'], contribution: 'Elections run to the new statutory requirements.' },
    ]);
  });
});

describe('the history of the plan’s prose', () => {
  it('says in one line what each event did, counting the lines a revised text changed', () => {
    const lines = narrativePlan().events.filter((event) => event.type !== 'PlanDrafted' && event.type !== 'VersionPublished').map(summaryOf);
    expect(lines).toEqual([
      'Section priorities added: Service Priorities 2023/24',
      'Section partnerships added: Partnerships',
      'Section overview added: Service Overview',
      'Contribution to theme Resilient and financially sound council added',
      'Contribution to theme People added',
      'Section overview revised (title, 1 line changed, 2 lines added): O&S comments',
      'Section priorities revised (order): Moved to the end',
      'Section partnerships removed: Nothing to say yet',
      'Contribution to theme people revised (contribution): Contribution written',
      'Contribution to theme Resilient and financially sound council removed: Merged into People',
    ]);
  });

  it('finds a section’s and a contribution’s entries by their key', async () => {
    const store = await project(planHistoryProjection, narrativePlan().events);
    const entries = (await documentsIn(store, PLAN_HISTORY_COLLECTION)).map((document) => documentBody<{ refKey: string | null; summary: string }>(document));
    const about = (ref: string) => entries.filter((entry) => historyRefKeys(ref).includes(entry.refKey ?? '')).map((entry) => entry.summary);
    expect(about('overview')).toEqual([
      'Section overview added: Service Overview',
      'Section overview revised (title, 1 line changed, 2 lines added): O&S comments',
    ]);
    expect(about('people')).toHaveLength(2);
  });
});

describe('the version table and diff of the plan’s prose', () => {
  it('counts each version’s changes in committee words', async () => {
    const store = await project(versionTableProjection, narrativePlan().events);
    const [document] = await documentsIn(store, PLAN_VERSIONS_COLLECTION);
    const { rows } = documentBody<VersionTable>(document);
    expect(rows.map((row) => row.changes.summary)).toEqual([
      '3 sections added, 2 contributions added',
      '2 sections revised, 1 section removed, 1 contribution revised, 1 contribution removed',
    ]);
    expect(rows[1].changes.counts).toMatchObject({ sectionsRevised: 2, sectionsRemoved: 1, contributionsRevised: 1, contributionsRemoved: 1 });
  });

  it('shows each section and contribution before and after', () => {
    const plan = narrativePlan();
    const diff = diffPlanViews(viewAt(plan, 6), viewAt(plan, plan.events.length - 1));
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([
      { kind: 'section', key: 'partnerships', before: { key: 'partnerships', title: 'Partnerships', text: 'None recorded.', order: null }, after: null },
      {
        kind: 'contribution',
        key: 'resilient-council',
        before: expect.objectContaining({ themeId: 'resilient-council' }),
        after: null,
      },
    ]);
    expect(diff.changed).toEqual([
      {
        kind: 'section',
        key: 'overview',
        before: { key: 'overview', title: 'Service Overview', text: OVERVIEW, order: 1 },
        after: { key: 'overview', title: 'Service overview', text: OVERVIEW_REVISED, order: 1 },
      },
      {
        kind: 'section',
        key: 'priorities',
        before: { key: 'priorities', title: 'Service Priorities 2023/24', text: PRIORITIES_INTRO, order: 2 },
        after: { key: 'priorities', title: 'Service Priorities 2023/24', text: PRIORITIES_INTRO, order: null },
      },
      {
        kind: 'contribution',
        key: 'people',
        before: { themeId: 'people', themeTitle: 'People', objectiveRefs: ['Elections delivered'], contribution: null },
        after: {
          themeId: 'people',
          themeTitle: 'People',
          objectiveRefs: ['Elections delivered'],
          contribution: 'Elections run to the new statutory requirements.',
        },
      },
    ]);
  });
});
