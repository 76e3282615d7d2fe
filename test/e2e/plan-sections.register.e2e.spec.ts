import { planKey, planStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { THREE_RIVERS_CONTRACTS } from '../fixtures/three-rivers/contracts';
import { THREE_RIVERS_KEY_POSTS, THREE_RIVERS_SKILLS } from '../fixtures/three-rivers/workforce';
import type { TestCaller } from '../support/tokens';
import { rewriteStoredEvent } from './plan-commands.support';
import { afterInstant, PlanApi } from './plan-queries.support';

/**
 * Three Rivers' contracts register, single points of failure and skills entered in full through the
 * API, with a workforce position, and read back: in the plan, section by section, at a version, as of
 * an instant between two versions, in the history, the version table and the diff.
 */
const COUNCIL = 'three-rivers';
const PK: TestCaller = { role: 'editor', name: 'PK', sub: 'pk@three-rivers', council: COUNCIL };
const GG: TestCaller = { role: 'editor', name: 'GG', sub: 'gg@three-rivers', council: COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const OFFICER: TestCaller = { role: 'officer', council: COUNCIL };
const PLAN = 'three-rivers-corporate-services-2020-23';
const plan = `/v1/plans/${PLAN}`;

/** ILLUSTRATIVE figures: the Three Rivers plan prints no headcount. */
const WORKFORCE_2020 = {
  asAt: '2020-03-31',
  units: [
    { name: 'Communications', headcount: 4, fte: 3.6 },
    { name: 'Emergency Planning and Risk', headcount: 1, fte: 1 },
  ],
};

/** What the plan view shows of a body entered: every field, the ones left out empty. */
const keyPostShown = (body: Record<string, unknown>) => ({
  succession: null,
  skills: null,
  networks: null,
  impact: null,
  options: null,
  ...body,
});
const skillShown = (body: Record<string, unknown>) => ({ qualification: null, cpdRequired: null, ...body });
const CONTRACT_SHOWN = {
  ...THREE_RIVERS_CONTRACTS[0],
  start: { text: 'March 2014', date: '2014-03-31' },
  end: null,
  review: null,
};

describe('Contracts, key posts, skills and workforce of the Three Rivers plan, over HTTP', () => {
  let api: PlanApi;
  let lastPosition = 0;
  /** An instant after version 1.0 and before anything of version 2.0 was written. */
  let betweenVersions: string;

  const send = (as: TestCaller, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: object) =>
    api.send({ method, url, as, body });
  const command = async (as: TestCaller, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: object) => {
    const answer = await send(as, method, url, body);
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  /** Reads as an auditor, once the projections hold every write so far. */
  const read = (url: string, as: TestCaller = AUDITOR) =>
    api.send({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as });
  const eventCount = async () => (await api.app.get<EventStore>(EVENT_STORE).readStream(planStreamId(planKey(COUNCIL, PLAN)))).length;

  beforeAll(async () => {
    api = await PlanApi.start();
    await command(PK, 'POST', '/v1/plans', {
      planId: PLAN,
      title: 'Corporate Services Service Plan 2020 - 2023',
      service: 'Corporate Services',
      period: { from: '2020-04-01', to: '2023-03-31' },
    });
    for (const contract of THREE_RIVERS_CONTRACTS) await command(PK, 'POST', `${plan}/contracts`, contract);
    for (const keyPost of THREE_RIVERS_KEY_POSTS) await command(PK, 'POST', `${plan}/key-posts`, keyPost);
    await command(PK, 'POST', `${plan}/versions`, { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });
    betweenVersions = new Date().toISOString();
    await afterInstant(new Date(betweenVersions));

    for (const skill of THREE_RIVERS_SKILLS) await command(GG, 'POST', `${plan}/skills`, skill);
    await command(GG, 'PUT', `${plan}/workforce`, WORKFORCE_2020);
    await command(GG, 'POST', `${plan}/versions`, { label: '2.0', reason: 'Skills and workforce added', effectiveDate: '2020-02-25' });
  });

  afterAll(() => api.close());

  it('holds every section in the plan view as entered, totals computed', async () => {
    const answer = await read(plan);
    expect(answer.status).toBe(200);
    expect(answer.body.contracts).toEqual([CONTRACT_SHOWN]);
    expect(answer.body.keyPosts).toEqual(THREE_RIVERS_KEY_POSTS.map(keyPostShown));
    expect(answer.body.skills).toEqual(THREE_RIVERS_SKILLS.map(skillShown));
    expect(answer.body.workforce).toEqual({ ...WORKFORCE_2020, totals: { headcount: 5, fte: 4.6 } });
  });

  it('answers each section alone, with the plan\'s ETag and 304 for a copy that is current', async () => {
    const whole = await read(plan);
    const sections: Array<[string, string]> = [
      ['contracts', 'contracts'],
      ['key-posts', 'keyPosts'],
      ['skills', 'skills'],
      ['workforce', 'workforce'],
    ];
    for (const [path, field] of sections) {
      const answer = await read(`${plan}/${path}`, OFFICER);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ planId: PLAN, revision: whole.body.revision, version: '2.0', [field]: whole.body[field] });
      expect(answer.headers.etag).toBe(`"${whole.body.revision}"`);
      const again = await api.send({ method: 'GET', url: `${plan}/${path}`, as: OFFICER, headers: { 'if-none-match': `"${whole.body.revision}"` } });
      expect(again.status).toBe(304);
    }
  });

  it('reads the sections as published at a version and as of an instant between the versions', async () => {
    const atFirst = await read(`${plan}/skills?version=1.0`);
    expect(atFirst.status).toBe(200);
    expect(atFirst.headers['x-integrity']).toBe('ok');
    expect(atFirst.body).toMatchObject({ planId: PLAN, version: '1.0', skills: [] });

    const contracts = await read(`${plan}/contracts?asOf=${betweenVersions}`);
    expect(contracts.body).toMatchObject({ asOf: betweenVersions, version: '1.0', contracts: [CONTRACT_SHOWN] });
    const workforce = await read(`${plan}/workforce?asOf=${betweenVersions}`);
    expect(workforce.body).toMatchObject({ asOf: betweenVersions, workforce: null });
    const whole = await read(`${plan}?asOf=${betweenVersions}`);
    expect(whole.body).toMatchObject({ keyPosts: THREE_RIVERS_KEY_POSTS.map(keyPostShown), skills: [], workforce: null });

    const officerAsOf = await read(`${plan}/key-posts?version=1.0`, OFFICER);
    expect(officerAsOf.status).toBe(403);
  });

  it('counts each section in the version table in committee words', async () => {
    const answer = await read(`${plan}/versions`);
    expect(answer.body.rows.map((row: { label: string; changes: { summary: string } }) => [row.label, row.changes.summary])).toEqual([
      ['1.0', '1 contract added, 3 key posts added'],
      ['2.0', '3 skills added, workforce updated'],
    ]);
  });

  it('diffs the versions with each item\'s before and after', async () => {
    const answer = await read(`${plan}/versions/1.0/diff/2.0`);
    expect(answer.body.removed).toEqual([]);
    expect(answer.body.changed).toEqual([]);
    expect(answer.body.added).toEqual([
      ...THREE_RIVERS_SKILLS.map((skill) => ({ kind: 'skill', key: skill.ref, before: null, after: skillShown(skill) })),
      { kind: 'workforce', key: 'workforce', before: null, after: { ...WORKFORCE_2020, totals: { headcount: 5, fte: 4.6 } } },
    ]);
  });

  it('writes one line per event in the history, found by an item\'s ref', async () => {
    const answer = await read(`${plan}/history?limit=200`);
    const lines = answer.body.items.map((entry: { summary: string }) => entry.summary);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Contract C1 added: Website hosting, licence and maintenance, with Byte9',
        'Key post SPOF1 added: Emergency Planning and Risk Manager / Data Protection Officer',
        'Key post SPOF3 added: Graphic Designer',
        'Skill SK1 added: Emergency Planning & Risk Manager / Data Protection Officer',
        'Workforce at 2020-03-31 recorded: 5 people (4.6 FTE) in 2 units',
      ]),
    );
    const ofSpof2 = await read(`${plan}/history?ref=SPOF2`);
    expect(ofSpof2.body.items.map((entry: { summary: string }) => entry.summary)).toEqual(['Key post SPOF2 added: Senior Communications Officer']);
  });

  describe('changes after the second version', () => {
    it('revises and removes items with a reason, and replaces the workforce position for a reason', async () => {
      await command(GG, 'PATCH', `${plan}/contracts/C1`, { end: 'March 2021', reason: 'Renewed for one more year' });
      await command(GG, 'PATCH', `${plan}/key-posts/SPOF2`, { succession: 'Communications Officer shadowing', reason: 'Succession agreed' });
      await command(GG, 'PATCH', `${plan}/skills/SK3`, { cpdRequired: false, reason: 'Checked with the post holder' });
      await command(GG, 'DELETE', `${plan}/skills/SK2`, { reason: 'Merged with the designer\'s line' });
      await command(GG, 'PUT', `${plan}/workforce`, {
        asAt: '2021-03-31',
        units: [{ name: 'Communications', headcount: 5 }, { name: 'Emergency Planning and Risk', headcount: 1, fte: 1 }],
        reason: 'Year-end figures',
      });

      const answer = await read(plan);
      expect(answer.body.contracts).toEqual([{ ...CONTRACT_SHOWN, end: { text: 'March 2021', date: '2021-03-31' } }]);
      expect(answer.body.keyPosts[1]).toEqual(keyPostShown({ ...THREE_RIVERS_KEY_POSTS[1], succession: 'Communications Officer shadowing' }));
      expect(answer.body.skills.map((skill: { ref: string }) => skill.ref)).toEqual(['SK1', 'SK3']);
      expect(answer.body.skills[1]).toEqual(skillShown({ ...THREE_RIVERS_SKILLS[2], cpdRequired: false }));
      expect(answer.body.workforce.totals).toEqual({ headcount: 6, fte: null });

      const table = await read(`${plan}/versions`);
      expect(table.body.unpublished.map((item: { kind: string }) => item.kind)).toEqual([
        'contractsRevised',
        'keyPostsRevised',
        'skillsRevised',
        'skillsRemoved',
        'workforceUpdated',
      ]);
      const history = await read(`${plan}/history?ref=SK2`);
      expect(history.body.items.map((entry: { summary: string }) => entry.summary)).toEqual([
        'Skill SK2 added: Senior Communications Officer',
        'Skill SK2 removed: Merged with the designer\'s line',
      ]);
    });

    it('refuses bad fields with 400 naming each, writing nothing', async () => {
      const before = await eventCount();
      const refusals: Array<[string, 'POST' | 'PUT' | 'PATCH' | 'DELETE', object, string[]]> = [
        ['contracts', 'POST', { ref: 'C 2!', title: '', value: '19,700', supplier: 'Byte9' }, [
          'ref: must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not U+0021',
          'title: must not be blank',
          'value: must be a number',
        ]],
        ['contracts', 'POST', { ref: 'C2', title: 'T', supplier: 'S', value: -5 }, ['value: must be at least 0']],
        ['key-posts', 'POST', { ref: 'SPOF9' }, ['jobTitle: is required']],
        ['key-posts/SPOF1', 'PATCH', { impact: 'x', reason: '  ' }, ['reason: must not be blank']],
        ['skills', 'POST', { ref: 'SK9', jobTitle: 'Designer', cpdRequired: 'Yes' }, ['cpdRequired: must be true or false']],
        ['workforce', 'PUT', { asAt: '31/03/2022', units: [{ name: 'Communications', headcount: 2.5 }], reason: 'x' }, [
          'asAt: must be a date written YYYY-MM-DD, such as 2024-03-19',
          'units[0].headcount: must be a whole number from 0 to 100000',
        ]],
        ['contracts/C1', 'PATCH', { value: 1 }, ['reason: is required']],
        ['skills/SK1', 'DELETE', {}, ['reason: is required']],
      ];
      for (const [path, method, body, messages] of refusals) {
        const answer = await send(GG, method, `${plan}/${path}`, body);
        expect({ path, status: answer.status }).toEqual({ path, status: 400 });
        expect(answer.body.message).toEqual(messages);
      }
      expect(await eventCount()).toBe(before);
    });

    it('refuses what the plan\'s rules forbid with 422 or 404 in an officer\'s words, writing nothing', async () => {
      const before = await eventCount();
      const refusals: Array<[string, 'POST' | 'PUT' | 'PATCH' | 'DELETE', object, number, RegExp]> = [
        ['contracts', 'POST', THREE_RIVERS_CONTRACTS[0], 422, /^Contract 'C1' is already in this plan/],
        ['contracts/C1', 'PATCH', { end: 'March 2021', reason: 'Again' }, 422, /^Nothing would change: contract C1 already says that\.$/],
        ['contracts/C9', 'DELETE', { reason: 'Ended' }, 404, /^Contract 'C9' is not in this plan\.$/],
        ['workforce', 'PUT', { asAt: '2020-03-31', units: [{ name: 'Communications', headcount: 5 }], reason: 'Back-dated' }, 422,
          /^The workforce is recorded at 2021-03-31 already: a new position must be at that date or later, not 2020-03-31\.$/],
        ['workforce', 'PUT', { asAt: '2022-03-31', units: [{ name: 'Communications', headcount: 5 }] }, 422,
          /^Give a reason for replacing the workforce recorded at 2021-03-31\.$/],
        ['workforce', 'PUT', { asAt: '2022-03-31', units: [{ name: 'Communications', headcount: 2, fte: 3 }], reason: 'x' }, 422,
          /FTE of Communications is at most its headcount of 2/],
      ];
      for (const [path, method, body, status, message] of refusals) {
        const answer = await send(GG, method, `${plan}/${path}`, body);
        expect({ path, status: answer.status }).toEqual({ path, status });
        expect(answer.body.message).toMatch(message);
      }
      const officer = await send(OFFICER, 'POST', `${plan}/skills`, { ref: 'SK9', jobTitle: 'Designer' });
      expect(officer.status).toBe(403);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('once its stored events are altered behind the service\'s back', () => {
    it('says when the events a section was rebuilt from were altered, and gives no ETag then', async () => {
      const events = await api.app.get<EventStore>(EVENT_STORE).readStream(planStreamId(planKey(COUNCIL, PLAN)));
      const added = events.find((event) => event.type === 'ContractAdded')!;
      rewriteStoredEvent(api, PLAN, added.revision, (row) => {
        (row.data.contract as Record<string, unknown>).supplier = 'A supplier nobody chose';
      }, COUNCIL);

      const answer = await read(`${plan}/contracts?version=1.0`);
      expect(answer.status).toBe(200);
      expect(answer.headers['x-integrity']).toBe('failed');
      expect(answer.headers.etag).toBeUndefined();
      expect(answer.body.integrity).toMatchObject({ ok: false });
    });
  });
});
