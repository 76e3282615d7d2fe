import { EVENT_STORE, type EventStore } from '@app/event-store';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { HART_OVERVIEW, HART_SECTIONS } from '../fixtures/hart-2023-24-narrative';
import {
  THREE_RIVERS_BUDGETS_NOTE,
  THREE_RIVERS_CONTRIBUTIONS,
  THREE_RIVERS_DATA_QUALITY,
  THREE_RIVERS_MONITORING,
  THREE_RIVERS_SECTIONS,
  THREE_RIVERS_STRATEGIC_AIMS,
  THREE_RIVERS_STRUCTURE,
} from '../fixtures/three-rivers/narrative';
import type { Answer } from '../support/test-app';
import type { TestCaller } from '../support/tokens';
import { rewriteStoredEvent } from './plan-commands.support';
import { afterInstant, PlanApi } from './plan-queries.support';

/**
 * Three Rivers' prose entered through the API as its version table tells it: the introduction and
 * the organisational chart in the first draft (1.0), then with "Corporate Objectives, Performance
 * Indicators and Budgets added" (2.0) the budgets note, the strategic aims, the data quality note
 * and the contributions to the four strategic themes. Read back now, alone, at a version, as of an
 * instant between the two, in history, in the version table and in the diff.
 */
const COUNCIL = 'three-rivers';
const PK: TestCaller = { role: 'editor', name: 'PK', sub: 'pk@three-rivers', council: COUNCIL };
const GG: TestCaller = { role: 'editor', name: 'GG', sub: 'gg@three-rivers', council: COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const PLAN = 'three-rivers-corporate-services-2020-23';
const FIRST_DRAFT = [THREE_RIVERS_MONITORING, THREE_RIVERS_STRUCTURE];
const ADDED_IN_2 = [THREE_RIVERS_BUDGETS_NOTE, THREE_RIVERS_STRATEGIC_AIMS, THREE_RIVERS_DATA_QUALITY];

/** A section as the plan view gives it back. */
const asView = ({ key, title, text, order }: { key: string; title: string; text: string; order?: number }) => ({
  key,
  title,
  text,
  order: order ?? null,
});
const contributionView = (body: (typeof THREE_RIVERS_CONTRIBUTIONS)[number]) => ({
  themeId: body.themeId,
  themeTitle: body.themeTitle,
  objectiveRefs: body.objectiveRefs,
  contribution: 'contribution' in body ? body.contribution : null,
});
/** By theme id, as the plan view keeps them. */
const CONTRIBUTIONS_IN_VIEW = [...THREE_RIVERS_CONTRIBUTIONS]
  .sort((a, b) => a.themeId.localeCompare(b.themeId))
  .map(contributionView);

describe('The narrative sections and contributions of the Three Rivers plan', () => {
  let api: PlanApi;
  let lastPosition = 0;
  let betweenVersions: string;

  const command = async (as: TestCaller, method: 'POST' | 'PATCH' | 'DELETE', url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const read = (url: string, headers: Record<string, string> = {}) =>
    api.send({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as: AUDITOR, headers });

  beforeAll(async () => {
    api = await PlanApi.start();
    const plan = `/v1/plans/${PLAN}`;
    await command(PK, 'POST', '/v1/plans', {
      planId: PLAN,
      title: 'Corporate Services Service Plan 2020 - 2023',
      service: 'Corporate Services',
      period: { from: '2020-04-01', to: '2023-03-31' },
    });
    for (const section of FIRST_DRAFT) await command(PK, 'POST', `${plan}/sections`, section);
    await command(PK, 'POST', `${plan}/versions`, { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });
    // Version 1.0 is recorded by now; what follows is recorded after the instant.
    const instant = new Date();
    await afterInstant(instant);
    betweenVersions = instant.toISOString();

    for (const section of ADDED_IN_2) await command(GG, 'POST', `${plan}/sections`, section);
    for (const contribution of THREE_RIVERS_CONTRIBUTIONS) await command(GG, 'POST', `${plan}/contributions`, contribution);
    await command(GG, 'POST', `${plan}/versions`, {
      label: '2.0',
      reason: 'Corporate Objectives, Performance Indicators and Budgets added',
      effectiveDate: '2020-02-25',
    });
  });

  afterAll(() => api.close());

  it('gives back every section in the plan\'s order, its text exactly as entered, and the four themes', async () => {
    const answer = await read(`/v1/plans/${PLAN}`);
    expect(answer.status).toBe(200);
    expect(answer.body.sections).toEqual(THREE_RIVERS_SECTIONS.map(asView));
    expect(answer.body.contributions).toEqual(CONTRIBUTIONS_IN_VIEW);
  });

  it('answers each part alone, the plan\'s own part under the plan\'s ETag, 304 while unchanged', async () => {
    const plan = await read(`/v1/plans/${PLAN}`);
    const sections = await read(`/v1/plans/${PLAN}/sections`);
    expect(sections.status).toBe(200);
    expect(sections.body).toEqual({ planId: PLAN, revision: plan.body.revision, version: '2.0', sections: plan.body.sections });
    expect(sections.headers.etag).toBe(plan.headers.etag);
    const contributions = await read(`/v1/plans/${PLAN}/contributions`);
    expect(contributions.body).toEqual({ planId: PLAN, revision: plan.body.revision, version: '2.0', contributions: CONTRIBUTIONS_IN_VIEW });

    const revalidated = await read(`/v1/plans/${PLAN}/sections`, { 'if-none-match': sections.headers.etag as string });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
  });

  it('gives the first draft\'s prose at ?version=1.0 and as of an instant between the versions', async () => {
    const atVersion = await read(`/v1/plans/${PLAN}/sections?version=1.0`);
    expect(atVersion.status).toBe(200);
    expect(atVersion.headers['x-integrity']).toBe('ok');
    expect(atVersion.body).toMatchObject({ version: '1.0', sections: FIRST_DRAFT.map(asView) });
    expect((await read(`/v1/plans/${PLAN}/contributions?version=1.0`)).body.contributions).toEqual([]);

    const asOf = await read(`/v1/plans/${PLAN}/sections?asOf=${encodeURIComponent(betweenVersions)}`);
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({ asOf: betweenVersions, version: '1.0', sections: FIRST_DRAFT.map(asView) });
    const planAsOf = await read(`/v1/plans/${PLAN}?asOf=${encodeURIComponent(betweenVersions)}`);
    expect(planAsOf.body.sections).toEqual(FIRST_DRAFT.map(asView));
    expect(planAsOf.body.contributions).toEqual([]);
  });

  it('refuses a past part to a reader who may not read the past, as the plan read does', async () => {
    const officer = await api.send({ method: 'GET', url: `/v1/plans/${PLAN}/sections?version=1.0`, as: { role: 'officer', council: COUNCIL } });
    expect(officer.status).toBe(403);
    const elsewhere = await api.send({ method: 'GET', url: `/v1/plans/${PLAN}/contributions`, as: { role: 'auditor', council: 'hart' } });
    expect(elsewhere.status).toBe(404);
  });

  it('says in the history what each entry added', async () => {
    const answer = await read(`/v1/plans/${PLAN}/history?limit=200`);
    const summaries = answer.body.items.map((entry: { summary: string }) => entry.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Section monitoring added: Introduction',
        'Section structure added: 1.3 Service, Organisational Chart',
        'Section data-quality added: 2.1.2 Performance indicators',
        'Contribution to theme Housing and Thriving Communities added',
        'Contribution to theme High Performing, Financially Independent Council added',
      ]),
    );
    const aboutTheme = await read(`/v1/plans/${PLAN}/history?ref=sustainable-environment`);
    expect(aboutTheme.body.items.map((entry: { summary: string }) => entry.summary)).toEqual([
      'Contribution to theme Sustainable Environment added',
    ]);
  });

  it('counts each version\'s prose in committee words, and diffs the versions item by item', async () => {
    const table = await read(`/v1/plans/${PLAN}/versions`);
    expect(table.body.rows.map((row: { label: string; changes: { summary: string } }) => [row.label, row.changes.summary])).toEqual([
      ['1.0', '2 sections added'],
      ['2.0', '3 sections added, 4 contributions added'],
    ]);
    expect(table.body.rows[1].changes.counts).toMatchObject({ sectionsAdded: 3, contributionsAdded: 4 });

    const diff = await read(`/v1/plans/${PLAN}/versions/1.0/diff/2.0`);
    expect(diff.body.removed).toEqual([]);
    expect(diff.body.changed).toEqual([]);
    expect(diff.body.added).toEqual([
      ...ADDED_IN_2.map((section) => ({ kind: 'section', key: section.key, before: null, after: asView(section) })),
      ...CONTRIBUTIONS_IN_VIEW.map((contribution) => ({ kind: 'contribution', key: contribution.themeId, before: null, after: contribution })),
    ]);
  });
});

/**
 * Hart's prose, revised and removed between two versions (the revision and the removal are
 * ILLUSTRATIVE: the seed prints one state of the plan), and the refusals that write nothing.
 */
describe('Revising and removing narrative, and what is refused', () => {
  let api: PlanApi;
  let planId: string;
  let plan: string;
  let lastPosition = 0;

  const send = (as: 'editor' | 'officer' | 'auditor', method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, body?: object) =>
    api.send({ method, url, as, body });
  const command = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, body: object) => {
    const answer = await send('editor', method, url, body);
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const read = (url: string) => api.get(`${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`);
  const headPosition = () => api.app.get<EventStore>(EVENT_STORE).headPosition();

  /** The answer, checked to have written nothing. */
  const refused = async (status: number, answering: () => Promise<Answer>): Promise<Answer> => {
    const before = await headPosition();
    const answer = await answering();
    expect({ status: answer.status, statusCode: answer.body.statusCode }).toEqual({ status, statusCode: status });
    expect(await headPosition()).toBe(before);
    return answer;
  };

  beforeAll(async () => {
    api = await PlanApi.start();
    const { title, service, period } = HART_PLAN;
    planId = (await command('POST', '/v1/plans', { title, service, period })).body.planId;
    plan = `/v1/plans/${planId}`;
    for (const section of HART_SECTIONS) await command('POST', `${plan}/sections`, section);
    await command('POST', `${plan}/versions`, { reason: 'Version to be considered by O&S Committee' });
  });

  afterAll(() => api.close());

  it('revises a section with a reason, saying in the history how many lines changed, and diffs it before and after', async () => {
    const revisedText = HART_OVERVIEW.text.replace('- Finance', '- Finance and procurement').replace('- Climate change', '- Climate change\n- Elections Act 2022 changes');
    const revised = await command('PATCH', `${plan}/sections/overview`, { text: revisedText, reason: 'Updated to reflect O&S comments' });
    expect(revised.status).toBe(200);
    await command('DELETE', `${plan}/sections/monitoring`, { reason: 'Monitoring arrangements move to the corporate plan' });
    await command('POST', `${plan}/contributions`, { themeId: 'people', themeTitle: 'People', contribution: 'Delivering the May 2023 local elections.' });
    await command('POST', `${plan}/versions`, { reason: 'Version updated to reflect O&S comments' });

    const history = await read(`${plan}/history?ref=overview`);
    expect(history.body.items.map((entry: { summary: string }) => entry.summary)).toEqual([
      'Section overview added: Service Overview',
      'Section overview revised (1 line changed, 1 line added): Updated to reflect O&S comments',
    ]);
    const table = await read(`${plan}/versions`);
    expect(table.body.rows[1].changes.summary).toBe('1 section revised, 1 section removed, 1 contribution added');

    const diff = await read(`${plan}/versions/1/diff/2`);
    expect(diff.body.changed).toEqual([
      { kind: 'section', key: 'overview', before: asView(HART_OVERVIEW), after: { ...asView(HART_OVERVIEW), text: revisedText } },
    ]);
    expect(diff.body.removed.map((item: { kind: string; key: string }) => `${item.kind} ${item.key}`)).toEqual(['section monitoring']);
    expect((await read(`${plan}/sections`)).body.sections.map((section: { key: string }) => section.key)).toEqual(['overview']);
  });

  it('refuses bad fields with 400, naming each', async () => {
    const answer = await refused(400, () =>
      send('editor', 'POST', `${plan}/sections`, { key: 'key aims!', title: '  ', text: 'Aims\u0000', order: 1.5 }),
    );
    expect(answer.body.message).toEqual([
      'key: must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not U+0021',
      'title: must not be blank',
      'text: must not contain control characters such as NUL or escape, not U+0000',
      'order: must be a whole number from 0 to 999',
    ]);

    const override = await refused(400, () =>
      send('editor', 'POST', `${plan}/sections`, { key: 'aims', title: 'Aims', text: 'Pay \u202Eevig\u202C now' }),
    );
    expect(override.body.message).toEqual(['text: must not contain characters that change the direction of text, not U+202E']);
    const long = await refused(400, () =>
      send('editor', 'POST', `${plan}/sections`, { key: 'aims', title: 'Aims', text: 'line\n'.repeat(1_000) }),
    );
    expect(long.body.message).toEqual(['text: must be at most 1000 lines, not 1001']);
    const contribution = await refused(400, () =>
      send('editor', 'POST', `${plan}/contributions`, { themeId: '', objectiveRefs: ['Fine', ''], contribution: 42 }),
    );
    expect(contribution.body.message).toEqual(['themeId: must not be blank', 'objectiveRefs[1]: must not be blank', 'contribution: must be text']);
  });

  it('refuses broken rules with 422 and unknown items with 404, in an officer\'s words', async () => {
    const taken = await refused(422, () => send('editor', 'POST', `${plan}/sections`, HART_OVERVIEW));
    expect(taken.body.message).toBe("Section 'overview' is already in this plan: choose another reference, or revise it.");
    const empty = await refused(422, () => send('editor', 'POST', `${plan}/contributions`, { themeId: 'planet', themeTitle: 'Planet' }));
    expect(empty.body.message).toBe(
      "The contribution to theme planet says nothing: give the objectives it serves, the service's contribution, or both.",
    );
    const noReason = await refused(400, () => send('editor', 'PATCH', `${plan}/sections/overview`, { title: 'Overview' }));
    expect(noReason.body.message).toEqual(['reason: is required']);
    const unknown = await refused(404, () => send('editor', 'DELETE', `${plan}/contributions/place`, { reason: 'Not ours' }));
    expect(unknown.body.message).toBe("The contribution to theme 'place' is not in this plan.");
    await refused(403, () => send('officer', 'POST', `${plan}/sections`, { key: 'aims', title: 'Aims', text: 'Aims' }));
  });

  it('says a part read at a version whose events were altered failed its check, with no ETag to revalidate', async () => {
    const overviewAdded = 1;
    rewriteStoredEvent(api, planId, overviewAdded, (row) => {
      row.data.text = 'Corporate Services covers nothing at all.';
    });
    const answer = await read(`${plan}/sections?version=1`);
    expect(answer.status).toBe(200);
    expect(answer.headers['x-integrity']).toBe('failed');
    expect(answer.headers.etag).toBeUndefined();
    expect(answer.body.integrity).toMatchObject({ ok: false, firstFailure: { revision: overviewAdded } });
  });
});
