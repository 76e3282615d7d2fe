import type { TestCaller } from '../support/tokens';
import { THREE_RIVERS_BUDGET_LINES } from '../fixtures/three-rivers/budget';
import { THREE_RIVERS_CONTRACTS } from '../fixtures/three-rivers/contracts';
import { THREE_RIVERS_INDICATORS } from '../fixtures/three-rivers/indicators';
import {
  THREE_RIVERS_BUDGETS_NOTE,
  THREE_RIVERS_CONTRIBUTIONS,
  THREE_RIVERS_DATA_QUALITY,
  THREE_RIVERS_MONITORING,
  THREE_RIVERS_STRATEGIC_AIMS,
  THREE_RIVERS_STRUCTURE,
} from '../fixtures/three-rivers/narrative';
import { THREE_RIVERS_COUNCIL, THREE_RIVERS_PLAN, THREE_RIVERS_VERSIONS } from '../fixtures/three-rivers/plan';
import { THREE_RIVERS_PROJECTS } from '../fixtures/three-rivers/projects';
import { THREE_RIVERS_PRINTED_SCORES, THREE_RIVERS_RISKS } from '../fixtures/three-rivers/risks';
import { THREE_RIVERS_KEY_POSTS, THREE_RIVERS_SKILLS } from '../fixtures/three-rivers/workforce';
import { CommandApi, type Send } from './plan-commands.support';
import { afterInstant } from './plan-queries.support';

/**
 * The whole Three Rivers Corporate Services Service Plan 2020 - 2023, entered over HTTP from the
 * fixtures of every section, as its version table tells it: version 1.0, the first draft (PK,
 * 2 October 2019), held the narrative, the people, the project, the contract and the risk register;
 * version 2.0 (GG, 25 February 2020) added "Corporate Objectives, Performance Indicators and
 * Budgets": the contributions to the four strategic themes, with the narrative that goes with them,
 * the indicators and their targets, and the budget. Read back section by section, now, as version 1.0
 * and as of an instant between the versions, with the version table counting each section's changes.
 */
const COUNCIL = THREE_RIVERS_COUNCIL;
const EDITORS: Record<string, TestCaller> = {
  PK: { role: 'editor', name: 'PK', sub: 'pk@three-rivers', council: COUNCIL },
  GG: { role: 'editor', name: 'GG', sub: 'gg@three-rivers', council: COUNCIL },
};
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const REPORTING: TestCaller = { role: 'reporting', council: COUNCIL };
const plan = `/v1/plans/${THREE_RIVERS_PLAN.planId}`;

const FIRST_DRAFT_SECTIONS = [THREE_RIVERS_MONITORING, THREE_RIVERS_STRUCTURE];
const SECTIONS_ADDED_IN_2 = [THREE_RIVERS_BUDGETS_NOTE, THREE_RIVERS_STRATEGIC_AIMS, THREE_RIVERS_DATA_QUALITY];

/** Each section's own read, the part of the plan view it answers, and the key its items are known by. */
const SECTION_READS = [
  { path: 'budget-lines', part: 'budget' },
  { path: 'risks', part: 'risks' },
  { path: 'contracts', part: 'contracts' },
  { path: 'key-posts', part: 'keyPosts' },
  { path: 'skills', part: 'skills' },
  { path: 'workforce', part: 'workforce' },
  { path: 'sections', part: 'sections' },
  { path: 'contributions', part: 'contributions' },
] as const;

describe('The whole Three Rivers 2020-23 plan, entered section by section and read back as it stood', () => {
  let api: CommandApi;
  let lastPosition = 0;
  let betweenVersions: string;
  const written: Array<{ type: string }> = [];

  const command = async (as: TestCaller, method: Send['method'], path: string, body: object) => {
    const answer = await api.send({ method, url: `${plan}${path}`, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const read = (path: string, as: TestCaller = AUDITOR) =>
    api.send({ method: 'GET', url: `${plan}${path}${path.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as });

  beforeAll(async () => {
    api = await CommandApi.start();
    const { PK, GG } = EDITORS;
    const [first, second] = THREE_RIVERS_VERSIONS;
    expect(await api.send({ method: 'POST', url: '/v1/plans', as: PK, body: THREE_RIVERS_PLAN })).toMatchObject({ status: 201 });
    for (const section of FIRST_DRAFT_SECTIONS) await command(PK, 'POST', '/sections', section);
    for (const post of THREE_RIVERS_KEY_POSTS) await command(PK, 'POST', '/key-posts', post);
    for (const skill of THREE_RIVERS_SKILLS) await command(PK, 'POST', '/skills', skill);
    for (const project of THREE_RIVERS_PROJECTS) await command(PK, 'POST', '/priorities', project);
    for (const contract of THREE_RIVERS_CONTRACTS) await command(PK, 'POST', '/contracts', contract);
    for (const risk of THREE_RIVERS_RISKS) await command(PK, 'POST', '/risks', risk);
    await command(EDITORS[first.madeBy], 'POST', '/versions', first.body);
    await afterInstant(new Date());
    betweenVersions = new Date().toISOString();
    await afterInstant(new Date(betweenVersions));
    for (const contribution of THREE_RIVERS_CONTRIBUTIONS) await command(GG, 'POST', '/contributions', contribution);
    for (const section of SECTIONS_ADDED_IN_2) await command(GG, 'POST', '/sections', section);
    for (const indicator of THREE_RIVERS_INDICATORS) await command(GG, 'POST', '/indicators', indicator);
    for (const line of THREE_RIVERS_BUDGET_LINES) await command(GG, 'POST', '/budget-lines', line);
    await command(EDITORS[second.madeBy], 'POST', '/versions', second.body);
    written.push(...(await api.events(THREE_RIVERS_PLAN.planId, COUNCIL)));
  }, 60_000);

  afterAll(() => api.close());

  it('holds every section the plan prints, as printed, with scores, bands and totals computed', async () => {
    const { body } = await read('');
    expect(body.version).toBe('2.0');
    expect(body.sections.map((section: { key: string }) => section.key)).toEqual(
      [...FIRST_DRAFT_SECTIONS, ...SECTIONS_ADDED_IN_2].sort((a, b) => a.order - b.order).map((section) => section.key),
    );
    for (const section of [...FIRST_DRAFT_SECTIONS, ...SECTIONS_ADDED_IN_2]) {
      expect(body.sections.find((held: { key: string }) => held.key === section.key)).toMatchObject({ title: section.title, text: section.text });
    }
    expect(body.keyPosts.map((post: { ref: string }) => post.ref)).toEqual(THREE_RIVERS_KEY_POSTS.map((post) => post.ref));
    expect(body.keyPosts[0]).toMatchObject(THREE_RIVERS_KEY_POSTS[0]);
    expect(body.skills).toEqual(THREE_RIVERS_SKILLS.map((skill) => expect.objectContaining(skill)));
    expect(body.contracts).toEqual([expect.objectContaining({ ref: 'C1', supplier: 'Byte9', value: 19700 })]);
    expect(body.contributions.map((held: { themeId: string }) => held.themeId)).toEqual(
      THREE_RIVERS_CONTRIBUTIONS.map((contribution) => contribution.themeId).sort(),
    );
    const project = body.priorities.find((priority: { ref: string }) => priority.ref === 'WD');
    expect(project).toMatchObject({ kind: 'project', sponsor: 'Joanne Wagstaffe', outcomes: [{ ref: 'M1', due: { period: '2020/21-Q1', date: '2020-06-30' } }] });
    expect(body.indicators.map((indicator: { code: string }) => indicator.code)).toEqual(THREE_RIVERS_INDICATORS.map((indicator) => indicator.code));
    expect(body.risks).toHaveLength(9);
    for (const risk of body.risks as Array<{ ref: string; residual: { score: number; band: string } }>) {
      expect(risk.residual).toMatchObject(THREE_RIVERS_PRINTED_SCORES[risk.ref]);
    }
    expect(body.budget.totals).toEqual(
      THREE_RIVERS_BUDGET_LINES[0].amounts.map(({ year, kind, value }) => expect.objectContaining({ year, kind, value, lines: 1 })),
    );
  });

  it('answers each section on its own exactly as the plan view holds it, now, as version 1.0 and as of between the versions', async () => {
    for (const query of ['', '?version=1.0', `?asOf=${betweenVersions}`]) {
      const whole = (await read(query)).body;
      for (const { path, part } of SECTION_READS) {
        const alone = await read(`/${path}${query}`);
        expect(alone.status).toBe(200);
        expect(alone.body[part]).toEqual(whole[part]);
        expect(alone.headers.etag).toBe(`"${whole.revision}"`);
      }
    }
  });

  it('shows the first draft as version 1.0 and as of an instant before 2.0: no objectives, indicators or budget yet', async () => {
    for (const query of ['?version=1.0', `?asOf=${betweenVersions}`]) {
      const { body } = await read(query);
      expect(body.version).toBe('1.0');
      expect(body.sections.map((section: { key: string }) => section.key)).toEqual(FIRST_DRAFT_SECTIONS.map((section) => section.key));
      expect(body.risks).toHaveLength(9);
      expect(body.keyPosts).toHaveLength(THREE_RIVERS_KEY_POSTS.length);
      expect(body.skills).toHaveLength(THREE_RIVERS_SKILLS.length);
      expect(body.contracts).toHaveLength(1);
      expect(body.priorities.map((priority: { ref: string }) => priority.ref)).toEqual(['WD']);
      expect(body.contributions).toEqual([]);
      expect(body.indicators).toEqual([]);
      expect(body.budget).toEqual({ lines: [], totals: [] });
    }
  });

  it('derives the version table, each row counting what its version changed, section by section', async () => {
    const { body } = await read('/versions');
    expect(body.rows.map(({ label, date, reason, madeBy }: Record<string, string>) => [label, date, reason, madeBy])).toEqual([
      ['1.0', '2019-10-02', 'First draft', 'PK'],
      ['2.0', '2020-02-25', 'Corporate Objectives, Performance Indicators and Budgets added', 'GG'],
    ]);
    const counted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
    expect(counted(body.rows[0].changes.counts)).toEqual({
      projectsAdded: THREE_RIVERS_PROJECTS.length,
      risksAdded: 9,
      contractsAdded: 1,
      keyPostsAdded: THREE_RIVERS_KEY_POSTS.length,
      skillsAdded: THREE_RIVERS_SKILLS.length,
      sectionsAdded: FIRST_DRAFT_SECTIONS.length,
    });
    expect(counted(body.rows[1].changes.counts)).toEqual({
      indicatorsAdded: THREE_RIVERS_INDICATORS.length,
      budgetLinesAdded: THREE_RIVERS_BUDGET_LINES.length,
      sectionsAdded: SECTIONS_ADDED_IN_2.length,
      contributionsAdded: THREE_RIVERS_CONTRIBUTIONS.length,
    });
    expect(body.rows[1].changes.summary).toBe('4 indicators added, 1 budget line added, 3 sections added, 4 contributions added');
    expect(body.unpublished).toEqual([]);
  });

  it('diffs 1.0 and 2.0: what version 2.0 added, nothing removed or changed', async () => {
    const { body } = await read('/versions/1.0/diff/2.0');
    expect(body.removed).toEqual([]);
    expect(body.changed).toEqual([]);
    const added = (kind: string) => body.added.filter((item: { kind: string }) => item.kind === kind).map((item: { key: string }) => item.key);
    expect(added('indicator')).toEqual(THREE_RIVERS_INDICATORS.map((indicator) => indicator.code));
    expect(added('budgetLine')).toEqual(['CS-NET']);
    expect(added('contribution').sort()).toEqual(THREE_RIVERS_CONTRIBUTIONS.map((contribution) => contribution.themeId).sort());
    expect(added('risk')).toEqual([]);
  });

  it('keeps an audit trail of every event with a sentence each, and its chain holds', async () => {
    const history = await read('/history?limit=200');
    expect(history.body.items).toHaveLength(written.length);
    for (const entry of history.body.items as Array<{ type: string; summary: string; actor: { name: string } }>) {
      expect(entry.summary).not.toBe(entry.type);
      expect(['PK', 'GG']).toContain(entry.actor.name);
    }
    const r4 = await read('/history?ref=R4');
    expect(r4.body.items.map((entry: { summary: string }) => entry.summary)).toEqual([expect.stringMatching(/^Risk R4 added: Fraudulent activity .*1 × 2 = 2, low/)]);
    const integrity = await read('/integrity');
    expect(integrity.body).toMatchObject({ ok: true, eventsChecked: written.length });
  });

  it('reports a quarter with each risk’s band, the year’s budget and the project milestone overdue', async () => {
    const { body } = await read('/reports/2020-21-Q2', REPORTING);
    expect(body.risks.map((risk: { ref: string; standing: { band: string } }) => [risk.ref, risk.standing.band])).toEqual(
      THREE_RIVERS_RISKS.map((risk) => [risk.ref, 'low']),
    );
    expect(body.budget).toMatchObject({ year: '2020/21', totals: [expect.objectContaining({ kind: 'latest', value: 1_824_973 })] });
    const project = body.priorities.find((priority: { ref: string }) => priority.ref === 'WD');
    expect(project.milestones).toEqual([expect.objectContaining({ ref: 'M1', due: '2020-06-30', overdue: true })]);
  });
});
