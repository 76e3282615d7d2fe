import { THREE_RIVERS_INDICATORS } from '../fixtures/three-rivers/indicators';
import { THREE_RIVERS_COUNCIL, THREE_RIVERS_PLAN, THREE_RIVERS_VERSIONS } from '../fixtures/three-rivers/plan';
import { THREE_RIVERS_PRIORITIES } from '../fixtures/three-rivers/priorities';
import { THREE_RIVERS_PROJECTS, WEBSITE_DEVELOPMENT } from '../fixtures/three-rivers/projects';
import type { TestCaller } from '../support/tokens';
import { afterInstant } from './plan-queries.support';
import { CommandApi, type Answer } from './plan-commands.support';

/**
 * Three Rivers' 2020-23 plan enters its project (Website Development, sponsored by Joanne
 * Wagstaffe, its milestone due in 2020/21 Quarter 1) in version 1.0, and its indicators with their
 * targets in 2.0, as its version table says. An officer then reports on the milestone: still under
 * way at the end of Quarter 1, so overdue in the Quarter 2 report, until it is completed. The
 * progress entries are ILLUSTRATIVE: the plan prints none.
 */
const editor = (initials: string): TestCaller => ({ role: 'editor', name: initials, sub: `${initials.toLowerCase()}@three-rivers`, council: THREE_RIVERS_COUNCIL });
const EDITORS: Record<string, TestCaller> = { PK: editor('PK'), GG: editor('GG') };
const OFFICER: TestCaller = { role: 'officer', name: 'Phil King', sub: 'pk2@three-rivers', council: THREE_RIVERS_COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: THREE_RIVERS_COUNCIL };
const REPORTING: TestCaller = { role: 'reporting', council: THREE_RIVERS_COUNCIL };
const { planId } = THREE_RIVERS_PLAN;
const plan = `/v1/plans/${planId}`;

const MILESTONE_AS_ENTERED = {
  ref: 'M1',
  description: 'Improvement completed',
  targetDate: { text: '2020/21 Quarter 1', date: '2020-06-30' },
  due: { period: '2020/21-Q1', date: '2020-06-30' },
};

describe('Three Rivers: its project, with sponsor and a milestone due in a quarter, and its indicators', () => {
  let api: CommandApi;
  let lastPosition = 0;
  let betweenVersions = '';

  const command = async (as: TestCaller, method: 'POST' | 'PATCH' | 'DELETE', url: string, body: object): Promise<Answer> => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const read = (url: string, as: TestCaller = AUDITOR) =>
    api.send({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as });
  const report = async (period: string, query = '') => (await read(`${plan}/reports/${period}${query}`, REPORTING)).body;
  const milestonesIn = (answer: { priorities: Array<{ ref: string; milestones: unknown[] }> }) =>
    answer.priorities.find((priority) => priority.ref === 'WD')?.milestones;

  beforeAll(async () => {
    api = await CommandApi.start();
    const [first, second] = THREE_RIVERS_VERSIONS;
    await command(EDITORS.PK, 'POST', '/v1/plans', THREE_RIVERS_PLAN);
    for (const priority of [...THREE_RIVERS_PRIORITIES, ...THREE_RIVERS_PROJECTS]) {
      await command(EDITORS.PK, 'POST', `${plan}/priorities`, priority);
    }
    await command(EDITORS[first.madeBy], 'POST', `${plan}/versions`, first.body);
    const published = new Date();
    await afterInstant(published);
    betweenVersions = new Date().toISOString();
    await afterInstant(new Date(betweenVersions));
    for (const indicator of THREE_RIVERS_INDICATORS) await command(EDITORS.GG, 'POST', `${plan}/indicators`, indicator);
    await command(EDITORS[second.madeBy], 'POST', `${plan}/versions`, second.body);
  });

  afterAll(() => api.close());

  it('shows the project in the plan view with its kind, sponsor, objective and milestone due', async () => {
    const answer = await read(plan);
    expect(answer.status).toBe(200);
    expect(answer.body.priorities).toEqual([
      expect.objectContaining({
        ref: 'WD',
        kind: 'project',
        title: 'Website Development',
        objective: 'Home Page restructure, to improve accessibility and customer experience',
        themes: [],
        sponsor: 'Joanne Wagstaffe',
        manager: null,
        outcomes: [MILESTONE_AS_ENTERED],
        progress: null,
      }),
    ]);
    expect(answer.body.indicators.map((indicator: { code: string }) => indicator.code)).toEqual(['CO02', 'CO03', 'New PI 1', 'New PI 2']);
    expect(answer.body.indicators[0].targets.map(({ period, value, text }: Record<string, unknown>) => [period, value, text])).toEqual([
      ['2020/21', 70, '70%'],
      ['2021/22', 70, '70%'],
      ['2022/23', 70, '70%'],
    ]);
    expect(answer.body.indicators[2].targets.map(({ period, text }: Record<string, unknown>) => [period, text])).toEqual([
      ['2020/21', 'TBA'],
    ]);
  });

  it('shows the plan as version 1.0 and as of an instant between the versions: the project, no indicators yet', async () => {
    for (const query of ['?version=1.0', `?asOf=${betweenVersions}`]) {
      const answer = await read(`${plan}${query}`);
      expect(answer.status).toBe(200);
      expect(answer.body.priorities).toEqual([
        expect.objectContaining({ ref: 'WD', kind: 'project', sponsor: 'Joanne Wagstaffe', outcomes: [MILESTONE_AS_ENTERED] }),
      ]);
      expect(answer.body.indicators).toEqual([]);
    }
  });

  it('names the project as a project in history and counts each version\'s changes by section', async () => {
    const history = await read(`${plan}/history?ref=WD`);
    expect(history.body.items.map((item: { summary: string }) => item.summary)).toEqual(['Project WD added: Website Development']);

    const versions = await read(`${plan}/versions`);
    expect(
      versions.body.rows.map(({ label, date, reason, madeBy, changes }: { changes: { summary: string } } & Record<string, string>) => [
        label,
        date,
        reason,
        madeBy,
        changes.summary,
      ]),
    ).toEqual([
      ['1.0', '2019-10-02', 'First draft', 'PK', '1 project added'],
      ['2.0', '2020-02-25', 'Corporate Objectives, Performance Indicators and Budgets added', 'GG', '4 indicators added'],
    ]);
    expect(versions.body.rows[0].changes.counts).toMatchObject({ projectsAdded: 1, prioritiesAdded: 0 });
  });

  it('flags the milestone overdue in the report after its quarter while it is not completed', async () => {
    await command(OFFICER, 'POST', `${plan}/priorities/WD/progress`, {
      period: '2020/21-Q1',
      milestone: 'M1',
      percentComplete: 80,
      status: 'on-track',
      position: 'New home page designed; accessibility testing under way',
    });
    const inQuarter = { ref: 'M1', description: 'Improvement completed', due: '2020-06-30', percentComplete: 80, status: 'on-track' };
    expect(milestonesIn(await report('2020-21-Q1'))).toEqual([{ ...inQuarter, overdue: false }]);
    const q2 = await report('2020-21-Q2');
    // The project itself has no entry: its milestone's progress rolls up into it, its status stays the milestone's.
    expect(q2.priorities[0]).toMatchObject({ ref: 'WD', kind: 'project', percentComplete: 80, percentFrom: 'milestones', status: null, reportedFor: null });
    expect(milestonesIn(q2)).toEqual([{ ...inQuarter, overdue: true }]);

    const beforeCompletion = new Date().toISOString();
    await afterInstant(new Date(beforeCompletion));
    await command(OFFICER, 'POST', `${plan}/priorities/WD/progress`, {
      period: '2020/21-Q2',
      milestone: 'M1',
      percentComplete: 100,
      status: 'completed',
      commentary: 'Home page restructure live in August',
    });
    expect(milestonesIn(await report('2020-21-Q2'))).toEqual([{ ...inQuarter, percentComplete: 100, status: 'completed', overdue: false }]);
    expect(milestonesIn(await report('2020-21-Q2', `?asOf=${beforeCompletion}`))).toEqual([{ ...inQuarter, overdue: true }]);
  });

  it('revises the project with a reason: history, the next version\'s changes and the diff say what changed', async () => {
    await command(EDITORS.GG, 'PATCH', `${plan}/priorities/WD`, {
      manager: 'Phil King',
      outcomes: [
        { ...WEBSITE_DEVELOPMENT.outcomes[0] },
        { ref: 'M2', description: 'Accessibility statement published', targetDate: '2020/21 Quarter 3', due: '2020/21-Q3' },
      ],
      reason: 'Manager appointed and the accessibility work planned',
    });
    await command(EDITORS.GG, 'POST', `${plan}/versions`, { label: '2.1', reason: 'Project manager appointed' });

    const history = await read(`${plan}/history?ref=WD`);
    expect(history.body.items.map((item: { summary: string }) => item.summary)).toEqual([
      'Project WD added: Website Development',
      'Progress on milestone M1 of priority WD for 2020/21-Q1: 80% complete, on track',
      'Progress on milestone M1 of priority WD for 2020/21-Q2: 100% complete, completed',
      'Project WD revised (manager): Manager appointed and the accessibility work planned',
      'Milestone M2 added to project WD: Accessibility statement published',
    ]);
    const versions = await read(`${plan}/versions`);
    expect(versions.body.rows[2].changes.summary).toBe('1 project revised, 1 milestone added');

    const diff = await read(`${plan}/versions/2.0/diff/2.1`);
    expect(diff.status).toBe(200);
    const project = {
      ref: 'WD',
      kind: 'project',
      title: 'Website Development',
      objective: WEBSITE_DEVELOPMENT.objective,
      themes: [],
      themeIds: [],
      sponsor: 'Joanne Wagstaffe',
      owner: null,
      approver: null,
    };
    expect(diff.body.changed).toEqual([
      { kind: 'priority', key: 'WD', before: { ...project, manager: null }, after: { ...project, manager: 'Phil King' } },
    ]);
    expect(diff.body.added).toEqual([
      {
        kind: 'outcome',
        key: 'WD/M2',
        before: null,
        after: {
          ref: 'M2',
          description: 'Accessibility statement published',
          targetDate: { text: '2020/21 Quarter 3', date: '2020-12-31' },
          due: { period: '2020/21-Q3', date: '2020-12-31' },
        },
      },
    ]);
  });

  it('refuses a bad kind, due or sponsor with 400 naming each, and a broken rule with 422, writing nothing', async () => {
    const before = await api.eventCount(planId, THREE_RIVERS_COUNCIL);
    const invalid = await api.send({
      method: 'POST',
      url: `${plan}/priorities`,
      as: EDITORS.GG,
      body: {
        ref: 'P2',
        kind: 'programme',
        title: 'Intranet',
        themes: [],
        sponsor: '   ',
        outcomes: [
          { description: 'Launched', due: 'Q1' },
          { description: 'Reviewed', due: '2020-02-30' },
        ],
      },
    });
    expect(invalid.status).toBe(400);
    expect([...invalid.body.message].sort()).toEqual([
      'kind: must be one of: priority, project, action',
      'outcomes[0].due: must be a period such as 2020/21-Q1 or 2020/21, or a date written YYYY-MM-DD',
      'outcomes[1].due: must be a real day written YYYY-MM-DD, such as 2020-06-30',
      'sponsor: must not be blank',
    ]);

    const taken = await api.send({
      method: 'POST',
      url: `${plan}/priorities`,
      as: EDITORS.GG,
      body: { ref: 'WD', title: 'Website Development again', themes: [], outcomes: [] },
    });
    expect(taken.status).toBe(422);
    expect(taken.body.message).toBe("Project 'WD' is already in this plan: choose another reference.");

    const unchanged = await api.send({
      method: 'PATCH',
      url: `${plan}/priorities/WD`,
      as: EDITORS.GG,
      body: { sponsor: 'Joanne Wagstaffe', reason: 'Tidy' },
    });
    expect(unchanged.status).toBe(422);
    expect(unchanged.body.message).toBe('Nothing would change: project WD already says that.');
    expect(await api.eventCount(planId, THREE_RIVERS_COUNCIL)).toBe(before);
  });
});
