import { startTestApp, type TestApp } from '../support/test-app';
import { contentOf, download, enterHartWithProse, sendFile, XLSX } from './imports.support';

describe('A plan brought in from a spreadsheet', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  });

  afterAll(() => api.close());

  it('takes Hart out as XLSX and brings it back as a new plan with the same content', async () => {
    const position = await enterHartWithProse(api, 'hart-original');
    const workbook = await download(api, `/v1/plans/hart-original?waitFor=${position}`, XLSX);

    const imported = await sendFile(api, '/v1/imports?planId=hart-copy', workbook, XLSX);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ dryRun: false, planId: 'hart-copy', importable: true, problems: [] });

    const original = await api.send({ method: 'GET', url: `/v1/plans/hart-original`, as: 'editor' });
    const copy = await api.send({ method: 'GET', url: `/v1/plans/hart-copy?waitFor=${imported.body.written.position}`, as: 'editor' });
    expect(copy.status).toBe(200);
    expect(contentOf(copy.body)).toEqual(contentOf(original.body));
  });
});
