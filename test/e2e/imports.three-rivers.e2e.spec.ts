import { THREE_RIVERS_BUDGET_LINES } from '../fixtures/three-rivers/budget';
import { THREE_RIVERS_CONTRACTS } from '../fixtures/three-rivers/contracts';
import { THREE_RIVERS_BASELINES, THREE_RIVERS_INDICATORS } from '../fixtures/three-rivers/indicators';
import { THREE_RIVERS_CONTRIBUTIONS, THREE_RIVERS_SECTIONS } from '../fixtures/three-rivers/narrative';
import { THREE_RIVERS_COUNCIL, THREE_RIVERS_PLAN } from '../fixtures/three-rivers/plan';
import { THREE_RIVERS_PROJECTS } from '../fixtures/three-rivers/projects';
import { THREE_RIVERS_RISKS } from '../fixtures/three-rivers/risks';
import { THREE_RIVERS_KEY_POSTS, THREE_RIVERS_SKILLS } from '../fixtures/three-rivers/workforce';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestCaller } from '../support/tokens';
import { contentOf, download, sendFile, XLSX } from './imports.support';

const EDITOR: TestCaller = { role: 'editor', name: 'PK', sub: 'pk@three-rivers', council: THREE_RIVERS_COUNCIL };

/**
 * The whole Three Rivers 2020-23 plan, every section of it (a project with milestones due in
 * quarters, indicators with baselines, the budget over three years, the risk register, contracts,
 * single points of failure, skills, prose and contributions, over a period of several years), taken
 * out as XLSX and brought back in as a new plan.
 */
describe('The whole Three Rivers plan through the template and back', () => {
  let api: TestApp;
  let position = 0;
  const plan = `/v1/plans/${THREE_RIVERS_PLAN.planId}`;

  const command = async (path: string, body: object, method: 'POST' | 'PUT' = 'POST') => {
    const answer = await api.send({ method, url: `${plan}${path}`, as: EDITOR, body });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
    position = answer.body.position;
  };

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const drafted = await api.send({ method: 'POST', url: '/v1/plans', as: EDITOR, body: THREE_RIVERS_PLAN });
    if (drafted.status !== 201) throw new Error(drafted.text);
    for (const section of THREE_RIVERS_SECTIONS) await command('/sections', section);
    for (const post of THREE_RIVERS_KEY_POSTS) await command('/key-posts', post);
    for (const skill of THREE_RIVERS_SKILLS) await command('/skills', skill);
    for (const project of THREE_RIVERS_PROJECTS) await command('/priorities', project);
    for (const contract of THREE_RIVERS_CONTRACTS) await command('/contracts', contract);
    for (const risk of THREE_RIVERS_RISKS) await command('/risks', risk);
    for (const contribution of THREE_RIVERS_CONTRIBUTIONS) await command('/contributions', contribution);
    for (const indicator of THREE_RIVERS_INDICATORS) await command('/indicators', indicator);
    for (const { code, body } of THREE_RIVERS_BASELINES) await command(`/indicators/${encodeURIComponent(code)}/baselines`, body);
    for (const line of THREE_RIVERS_BUDGET_LINES) await command('/budget-lines', line);
    await command('/workforce', { asAt: '2019-10-01', units: [{ name: 'Communications', headcount: 4, fte: 3.6 }, { name: 'Elections', headcount: 3 }] }, 'PUT');
    await command('/budget-printed-totals', { totals: [{ year: '2020/21', kind: 'original', value: 1_000_000 }] }, 'PUT');
  }, 120_000);

  afterAll(() => api.close());

  it('comes back as a new plan with the same content, every section of it', async () => {
    const original = (await api.send({ method: 'GET', url: `${plan}?waitFor=${position}`, as: EDITOR })).body;
    const workbook = await download(api, `${plan}?waitFor=${position}`, XLSX, EDITOR);

    const imported = await sendFile(api, '/v1/imports?planId=three-rivers-copy', workbook, XLSX, { as: EDITOR });

    expect({ status: imported.status, problems: imported.body.problems }).toEqual({ status: 201, problems: [] });
    const copy = (await api.send({ method: 'GET', url: `/v1/plans/three-rivers-copy?waitFor=${imported.body.written.position}`, as: EDITOR })).body;
    for (const part of ['sections', 'keyPosts', 'skills', 'priorities', 'contracts', 'risks', 'contributions', 'indicators', 'budget']) {
      expect((original[part] as unknown[] | { lines: unknown[] }) ?? null).not.toEqual([]);
    }
    expect(original.periodRange).toMatchObject({ kind: 'multi-year' });
    expect(contentOf(copy)).toEqual(contentOf(original));
  });
});
