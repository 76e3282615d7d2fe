import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { Role } from '../../apps/api/src/auth/caller';
import { HART_INDICATORS, HART_PLAN, HART_PRIORITIES } from '../fixtures/hart-2023-24';
import { startTestApp, type Answer, type TestApp } from '../support/test-app';

/**
 * Hostile bodies, paths and queries, as a fuzzer sends them: each is answered with a 4xx in the
 * contract's shape, names what is wrong, and writes nothing anywhere.
 */
describe('Hostile input', () => {
  let api: TestApp;
  let planId: string;
  let plan: string;

  const headPosition = () => api.get<EventStore>(EVENT_STORE).headPosition();

  /** A body sent exactly as written, e.g. JSON no serialiser would produce. */
  const sendRaw = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    as: Role = 'editor',
  ): Promise<Answer> => {
    const response = await api.inject({ method, url, payload, headers: { ...(await api.authFor(as)), ...headers } });
    return { status: response.statusCode, body: response.json(), text: response.body, headers: response.headers };
  };

  /** Checks the answer is the status in the contract's shape and that no event was written. */
  const refused = async (status: number, answering: () => Promise<Answer>): Promise<Answer> => {
    const before = await headPosition();
    const answer = await answering();
    const { currentRevision, currentVersion, ...shape } = answer.body;
    expect({ status: answer.status, shape }).toEqual({
      status,
      shape: { statusCode: status, error: expect.any(String), message: expect.anything() },
    });
    // Stated only where the plan refused the command by its rules, `currentVersion` as its alias.
    expect(currentRevision === undefined || status === 422).toBe(true);
    expect(currentVersion).toBe(currentRevision);
    expect(await headPosition()).toBe(before);
    return answer;
  };

  const nestedObjects = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const { title, service, period } = HART_PLAN;
    const drafted = await api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { title, service, period } });
    planId = drafted.body.planId;
    plan = `/v1/plans/${planId}`;
    const cp7 = HART_INDICATORS.find((indicator) => indicator.code === 'CP7');
    for (const [url, body] of [[`${plan}/priorities`, HART_PRIORITIES[0]], [`${plan}/indicators`, cp7]] as const) {
      const answer = await api.send({ method: 'POST', url, as: 'editor', body });
      if (answer.status !== 201) throw new Error(`${url}: ${answer.status} ${answer.text}`);
    }
  });

  afterAll(() => api.close());

  describe('deep nesting', () => {
    it.each([2_400, 40_000])('refuses a body nested %i levels deep with 400 before validating it', async (levels) => {
      const answer = await refused(400, () =>
        sendRaw('DELETE', `${plan}/priorities/1`, `{"reason":"r","x":${nestedObjects(levels)}}`),
      );
      expect(answer.body.message).toBe('The body nests objects and lists more than 32 levels deep; no request needs that many.');
    });

    it('refuses lists nested 100,000 deep the same way', async () => {
      const answer = await refused(400, () =>
        sendRaw('DELETE', `${plan}/priorities/1`, `{"reason":"r","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      );
      expect(answer.body.message).toMatch(/more than 32 levels deep/);
    });

    it('lets a body within the limit through to validation', async () => {
      const answer = await refused(400, () => sendRaw('DELETE', `${plan}/priorities/1`, `{"reason":"r","x":${nestedObjects(30)}}`));
      expect(answer.body.message).toEqual(['x: should not exist']);
    });
  });

  describe('lists of objects', () => {
    it('refuses a list inside the outcomes, naming the element', async () => {
      const answer = await refused(400, () =>
        api.send({ method: 'POST', url: `${plan}/priorities`, as: 'editor', body: { ref: '9', title: 'T', themes: [], outcomes: [[]] } }),
      );
      expect(answer.body.message).toEqual(['outcomes[0]: must be an object']);
    });

    it('refuses a list inside the targets with 400, not a 500', async () => {
      const answer = await refused(400, () =>
        api.send({
          method: 'POST',
          url: `${plan}/indicators`,
          as: 'editor',
          body: { code: 'X9', title: 'T', unit: 'percent', polarity: 'higher-is-better', basis: 'period', frequency: 'quarterly', targets: [[]] },
        }),
      );
      expect(answer.body.message).toEqual(['targets[0]: must be an object']);
    });

    it('names every element that is not an object, and the fields of those that are', async () => {
      const answer = await refused(400, () =>
        api.send({
          method: 'POST',
          url: `${plan}/priorities`,
          as: 'editor',
          body: { ref: '9', title: 'T', themes: [], outcomes: [null, 5, [{ description: 'x' }], { description: 7, colour: 'red' }] },
        }),
      );
      expect([...answer.body.message].sort()).toEqual([
        'outcomes[0]: must be an object',
        'outcomes[1]: must be an object',
        'outcomes[2]: must be an object',
        'outcomes[3].colour: should not exist',
        'outcomes[3].description: must be text',
      ]);
    });

    it('says once that a list of objects sent as text is not one', async () => {
      const answer = await refused(400, () =>
        api.send({ method: 'POST', url: `${plan}/priorities`, as: 'editor', body: { ref: '9', title: 'T', themes: [], outcomes: 'none' } }),
      );
      expect(answer.body.message).toEqual(['outcomes: must be a list of objects']);
    });
  });

  describe('financial years', () => {
    it.each(['0000/01', '9999/00', '1999/00'])('refuses a plan for %p', async (period) => {
      const answer = await refused(400, () =>
        api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { title: 'T', service: 'S', period } }),
      );
      expect(answer.body.message).toEqual([
        `period: '${period}' is outside the financial years this service holds: they run from 2000/01 to 2099/00.`,
      ]);
    });

    it('refuses a plan from 0000-04-01 to 9999-03-31', async () => {
      const answer = await refused(400, () =>
        api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { title: 'T', service: 'S', period: { from: '0000-04-01', to: '9999-03-31' } } }),
      );
      expect(answer.body.message).toEqual([expect.stringMatching(/^period: '0000-04-01 to 9999-03-31' is outside the financial years/)]);
    });

    it('refuses such a year for an actual, and in a report path', async () => {
      const actual = await refused(400, () =>
        api.send({ method: 'POST', url: `${plan}/indicators/CP7/actuals`, as: 'officer', body: { period: '0000/01-Q1', value: 1 } }),
      );
      expect(actual.body.message).toEqual([expect.stringMatching(/^period: '0000\/01-Q1' is outside the financial years/)]);
      const report = await refused(400, () => api.send({ method: 'GET', url: `${plan}/reports/0000-01`, as: 'auditor' }));
      expect(report.body.message).toMatch(/^period: '0000-01' is outside the financial years/);
    });

    it('reads an accepted year back as itself, in the plan and in its report', async () => {
      const drafted = await api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { title: 'T', service: 'S', period: '2099-00' } });
      expect(drafted.status).toBe(201);
      const read = await api.send({ method: 'GET', url: `/v1/plans/${drafted.body.planId}?waitFor=${drafted.body.position}`, as: 'auditor' });
      expect(read.body.period).toBe('2099/00');
      const report = await api.send({ method: 'GET', url: `/v1/plans/${drafted.body.planId}/reports/${read.body.period.replace('/', '-')}`, as: 'auditor' });
      expect(report.status).toBe(200);
      expect(report.body.period).toBe('2099/00');
    });
  });

  describe('references, codes and text', () => {
    it.each([
      ['\uFF11', 'U+FF11'],
      ['1\u200B', 'U+200B'],
      ['1\u0000', 'U+0000'],
      ['1\u202E', 'U+202E'],
      ['\u0661', 'U+0661'],
    ])('refuses the priority ref %j, a look-alike of "1"', async (ref, character) => {
      const answer = await refused(400, () =>
        api.send({ method: 'POST', url: `${plan}/priorities`, as: 'editor', body: { ref, title: 'T', themes: [], outcomes: [] } }),
      );
      expect(answer.body.message).toEqual([`ref: must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not ${character}`]);
    });

    it('refuses a look-alike outcome ref and milestone the same way', async () => {
      const outcome = await refused(400, () =>
        api.send({ method: 'POST', url: `${plan}/priorities`, as: 'editor', body: { ref: '9', title: 'T', themes: [], outcomes: [{ ref: '1\u200B', description: 'D' }] } }),
      );
      expect(outcome.body.message).toEqual([expect.stringMatching(/^outcomes\[0\]\.ref: must use only .*, not U\+200B$/)]);
      const progress = await refused(400, () =>
        api.send({
          method: 'POST',
          url: `${plan}/priorities/1/progress`,
          as: 'officer',
          body: { period: '2023/24-Q1', percentComplete: 5, status: 'on-track', milestone: '\uFF11' },
        }),
      );
      expect(progress.body.message).toEqual([expect.stringMatching(/^milestone: must use only .*, not U\+FF11$/)]);
    });

    it('reads a ref in the path as it reads one in a body: trimmed, and look-alikes refused', async () => {
      const revised = await api.send({ method: 'PATCH', url: `${plan}/priorities/1%20`, as: 'editor', body: { title: 'Retitled', reason: 'Clearer' } });
      expect(revised.status).toBe(200);
      const lookAlike = await refused(400, () =>
        api.send({ method: 'PATCH', url: `${plan}/priorities/%EF%BC%91`, as: 'editor', body: { title: 'Again', reason: 'Clearer' } }),
      );
      expect(lookAlike.body.message).toBe('ref: must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not U+FF11');
    });

    it('takes cp7 for CP7: a second definition is refused, and a path in other capitals finds it', async () => {
      const defined = await refused(422, () =>
        api.send({
          method: 'POST',
          url: `${plan}/indicators`,
          as: 'editor',
          body: { code: 'cp7', title: 'T', unit: 'percent', polarity: 'higher-is-better', basis: 'period', frequency: 'quarterly', targets: [] },
        }),
      );
      expect(defined.body.message).toBe("Indicator 'cp7' is already in this plan as 'CP7': choose another code.");

      const recorded = await api.send({ method: 'POST', url: `${plan}/indicators/cp7/actuals`, as: 'officer', body: { period: '2023/24-Q1', value: 29.1 } });
      expect(recorded.status).toBe(201);
      const read = await api.send({ method: 'GET', url: `${plan}?waitFor=${recorded.body.position}`, as: 'auditor' });
      expect(read.body.indicators.map((indicator: { code: string }) => indicator.code)).toEqual(['CP7']);
      expect(read.body.indicators[0].actuals).toEqual([expect.objectContaining({ period: '2023/24-Q1', value: 29.1 })]);
    });

    it.each([
      ['\u200B\u200B', 'must contain letters, digits or punctuation, not only invisible characters'],
      ['\u0000', 'must not contain control characters such as NUL or escape, not U+0000'],
      ['Plan\u001B[31m', 'must not contain control characters such as NUL or escape, not U+001B'],
      ['Plan\u202Etxt', 'must not contain characters that change the direction of text, not U+202E'],
    ])('refuses the title %j', async (title, fault) => {
      const answer = await refused(400, () =>
        api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { title, service: 'S', period: '2023/24' } }),
      );
      expect(answer.body.message).toEqual([`title: ${fault}`]);
    });

    it('refuses an invisible theme or comment, naming the element', async () => {
      const theme = await refused(400, () =>
        api.send({ method: 'POST', url: `${plan}/priorities`, as: 'editor', body: { ref: '9', title: 'T', themes: ['People', '\u2060'], outcomes: [] } }),
      );
      expect(theme.body.message).toEqual(['themes[1]: must contain letters, digits or punctuation, not only invisible characters']);
      const comment = await refused(400, () =>
        api.send({
          method: 'POST',
          url: `${plan}/scrutiny`,
          as: 'governance',
          body: { committee: 'O&S', meetingDate: '2023-06-20', comments: ['\u0000'] },
        }),
      );
      expect(comment.body.message).toEqual(['comments[0]: must not contain control characters such as NUL or escape, not U+0000']);
    });
  });

  describe('version labels', () => {
    const LOOK_ALIKE = 'must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not';

    it.each([
      ['2\u200B', 'U+200B'],
      ['\uFF12', 'U+FF12'],
      ['2\u0000', 'U+0000'],
      ['2\u202E', 'U+202E'],
    ])('refuses to publish the label %j', async (label, character) => {
      const answer = await refused(400, () =>
        api.send({ method: 'POST', url: `${plan}/versions`, as: 'editor', body: { label, reason: 'Working copy' } }),
      );
      expect(answer.body.message).toEqual([`label: ${LOOK_ALIKE} ${character}`]);
    });

    it('publishes a label trimmed, and finds it by ?version= and in a diff path written with spaces', async () => {
      const published = await api.send({ method: 'POST', url: `${plan}/versions`, as: 'editor', body: { label: ' 1 ', reason: 'First draft' } });
      expect(published.status).toBe(201);
      const read = await api.send({ method: 'GET', url: `${plan}?version=%201%20&waitFor=${published.body.position}`, as: 'auditor' });
      expect(read.status).toBe(200);
      expect(read.body.versions.map((version: { label: string }) => version.label)).toEqual(['1']);
      const diff = await api.send({ method: 'GET', url: `${plan}/versions/1%20/diff/%201`, as: 'auditor' });
      expect(diff.status).toBe(200);
    });

    it.each([
      ['?version=%EF%BC%91', `version: ${LOOK_ALIKE} U+FF11`],
      ['?version=1%E2%80%8B', `version: ${LOOK_ALIKE} U+200B`],
      ['?version=', 'version: must not be blank'],
      ['/versions/1%00/diff/1', `from: ${LOOK_ALIKE} U+0000`],
      ['/versions/1/diff/%E2%80%AE1', `to: ${LOOK_ALIKE} U+202E`],
    ])('answers %s, a label that cannot exist, with 400', async (path, fault) => {
      const answer = await refused(400, () => api.send({ method: 'GET', url: `${plan}${path}`, as: 'auditor' }));
      expect([answer.body.message].flat()).toEqual([fault]);
    });

    it.each(['?version=9', '/versions/9/diff/9'])('answers %s, a label that could exist but does not, with 404', async (path) => {
      const answer = await refused(404, () => api.send({ method: 'GET', url: `${plan}${path}`, as: 'auditor' }));
      expect(answer.body.message).toBe(`Plan ${planId} has no version '9'`);
    });
  });

  describe('filters naming a ref or code', () => {
    /** The trail filtered by `?ref=`, once the projections hold everything written so far. */
    const trailFor = async (ref: string): Promise<string[]> => {
      const answer = await api.send({ method: 'GET', url: `${plan}/history?limit=200&waitFor=${await headPosition()}&ref=${ref}`, as: 'auditor' });
      expect(answer.status).toBe(200);
      return answer.body.items.map((entry: { ref: string; type: string }) => `${entry.ref} ${entry.type}`);
    };

    it('finds priority 1 by ?ref=1%20, as a path would', async () => {
      const priority1 = await trailFor('1');
      expect(priority1).toContain('1 PriorityAdded');
      expect(await trailFor('1%20')).toEqual(priority1);
    });

    it("finds CP7's events by ?ref=cp7, but not those of a priority whose ref is CP7 in other capitals", async () => {
      const added = await api.send({ method: 'POST', url: `${plan}/priorities`, as: 'editor', body: { ref: 'cp7', title: 'T', themes: [], outcomes: [] } });
      expect(added.status).toBe(201);
      const cp7 = await trailFor('CP7');
      expect(cp7).toContain('CP7 IndicatorDefined');
      expect(cp7.every((entry) => entry.startsWith('CP7 '))).toBe(true);
      expect(await trailFor('cp7')).toEqual([...cp7, 'cp7 PriorityAdded']);
      expect(await trailFor('Cp7')).toEqual(cp7);
    });

    it.each([
      ['%EF%BC%91', 'ref: must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not U+FF11'],
      ['1%E2%80%8B', 'ref: must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not U+200B'],
      ['%20', 'ref: must not be blank'],
    ])('answers ?ref=%s, which no priority or indicator can have, with 400', async (ref, fault) => {
      const answer = await refused(400, () => api.send({ method: 'GET', url: `${plan}/history?ref=${ref}`, as: 'auditor' }));
      expect(answer.body.message).toEqual([fault]);
    });
  });

  describe('dates', () => {
    const OUTSIDE = 'must fall within the financial years this service holds, 1 April 2000 to 31 March 2100';
    const datedBodies = [
      ['submission', 'editor', 'meetingDate', { committee: 'O&S' }],
      ['scrutiny', 'governance', 'meetingDate', { committee: 'O&S', comments: ['Add a target'] }],
      ['approval', 'governance', 'meetingDate', { body: 'Cabinet' }],
      ['versions', 'editor', 'effectiveDate', { reason: 'Working copy' }],
    ] as const;
    const cases = datedBodies.flatMap(([route, as, field, body]) => [
      ...['0001-06-20', '1999-12-31', '2000-03-31', '2100-04-01', '9999-06-20'].map((date) => [route, field, date, as, body, `${field}: ${OUTSIDE}`] as const),
      [route, field, '2024-02-30', as, body, `${field}: must be a date written YYYY-MM-DD, such as 2024-03-19`] as const,
    ]);

    it.each(cases)('refuses /%s with the %s %s', async (route, field, date, as, body, fault) => {
      const answer = await refused(400, () => api.send({ method: 'POST', url: `${plan}/${route}`, as, body: { ...body, [field]: date } }));
      expect(answer.body.message).toEqual([fault]);
    });

    it('records a meeting on the first day held, and reads it back as itself', async () => {
      const recorded = await api.send({
        method: 'POST',
        url: `${plan}/scrutiny`,
        as: 'governance',
        body: { committee: 'O&S', meetingDate: '2000-04-01', comments: ['Add a target'] },
      });
      expect(recorded.status).toBe(201);
      const read = await api.send({ method: 'GET', url: `${plan}?waitFor=${recorded.body.position}`, as: 'auditor' });
      expect(read.body.scrutiny.map((record: { meetingDate: string }) => record.meetingDate)).toEqual(['2000-04-01']);
    });

    it.each([
      ['the plan', '0001-01-01T00:00:00Z'],
      ['the plan', '9999-12-31T23:59:59Z'],
      ['/reports/2023-24-Q1', '1999-12-31T23:59:59Z'],
      ['/reports/2023-24-Q1', '2100-04-01T00:00:00Z'],
    ])('refuses to read %s as of %s', async (what, asOf) => {
      const path = what === 'the plan' ? '' : what;
      const answer = await refused(400, () => api.send({ method: 'GET', url: `${plan}${path}?asOf=${asOf}`, as: 'auditor' }));
      expect(answer.body.message).toContain(`asOf: ${OUTSIDE}`);
    });

    it('reads the plan as of an instant within the years held', async () => {
      const answer = await api.send({ method: 'GET', url: `${plan}?asOf=${new Date().toISOString()}`, as: 'auditor' });
      expect(answer.status).toBe(200);
      expect(answer.body.planId).toBe(planId);
    });
  });

  describe('the size of a plan', () => {
    it('refuses 12,000 outcomes in one request under the body limit with 422 saying the limit', async () => {
      const outcomes = Array.from({ length: 12_000 }, () => ({ description: 'o' }));
      const body = { ref: '9', title: 'T', themes: [], outcomes };
      expect(JSON.stringify(body).length).toBeLessThan(256 * 1024);
      const answer = await refused(422, () => api.send({ method: 'POST', url: `${plan}/priorities`, as: 'editor', body }));
      expect(answer.body.message).toBe('A priority may have at most 100 outcomes: priority 9 would have 12000.');
    });

    it('refuses 60,000 themes the same way', async () => {
      const body = { ref: '9', title: 'T', themes: Array.from({ length: 60_000 }, () => 't'), outcomes: [] };
      expect(JSON.stringify(body).length).toBeLessThan(256 * 1024);
      const answer = await refused(422, () => api.send({ method: 'POST', url: `${plan}/priorities`, as: 'editor', body }));
      expect(answer.body.message).toBe('A priority may have at most 20 themes: priority 9 would have 60000.');
    });
  });

  describe('bodies that are not objects, paging and framework errors', () => {
    it.each(['/v1/plans?cursor=abc', '/history?cursor=abc', '/history?cursor=eyJzb3J0IjoxfQ'])(
      'answers a cursor this service did not issue (%s) with 400',
      async (path) => {
        const url = path.startsWith('/v1') ? path : `${plan}${path}`;
        const answer = await refused(400, () => api.send({ method: 'GET', url, as: 'auditor' }));
        expect(answer.body.message).toMatch(/^cursor: The cursor /);
      },
    );

    it('answers a path segment too long with 414 in the contract shape', async () => {
      const answer = await refused(414, () => sendRaw('GET', `/v1/plans/${'x'.repeat(10_000)}`));
      expect(answer.body).toEqual({
        statusCode: 414,
        error: 'URI Too Long',
        message: 'The address is too long: each part of its path may be at most 100 characters.',
      });
      expect(answer.headers['x-request-id']).toEqual(expect.any(String));
    });

    it('answers a bad escape in the address with 400 in the contract shape', async () => {
      const answer = await refused(400, () => sendRaw('GET', '/v1/plans/%E0%A4%A'));
      expect(answer.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The address is not valid: a %-escape in it does not stand for UTF-8 text.',
      });
    });

    it.each(['[{"reason":"r"}]', 'null', '"r"', '7'])('answers the body %s, which is not an object, with 400', async (payload) => {
      const answer = await refused(400, () => sendRaw('DELETE', `${plan}/priorities/1`, payload));
      expect(answer.body.message).toBe('The body must be a JSON object.');
    });

    it('answers JSON that does not parse with 400, and a media type it does not read with 415, in the contract shape', async () => {
      const badJson = await refused(400, () => sendRaw('POST', '/v1/plans', '{"title":'));
      expect(badJson.body.error).toBe('Bad Request');
      expect(badJson.body.message).toMatch(/not valid JSON/);
      const xml = await refused(415, () => sendRaw('POST', '/v1/plans', '<plan/>', { 'content-type': 'application/xml' }));
      expect(xml.body.error).toBe('Unsupported Media Type');
    });
  });
});
