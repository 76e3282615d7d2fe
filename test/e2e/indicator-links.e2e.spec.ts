import type { TestCaller } from '../support/tokens';
import { CommandApi } from './plan-commands.support';

/**
 * Indicators linked to the actions they measure, ILLUSTRATIVE (Hart's plan lists its measures apart
 * from its priorities): Council Tax collection measures two actions, digital accounts and recovery;
 * the report shows each action's measures, rated for the quarter, beside its progress.
 */
const COUNCIL = 'hart';
const EDITOR: TestCaller = { role: 'editor', name: 'Pat Kelly', sub: 'pat.kelly@hart', council: COUNCIL };
const OFFICER: TestCaller = { role: 'officer', name: 'Sam Green', sub: 'sam.green@hart', council: COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const PLAN_ID = 'hart-revenues-2023-24';
const plan = `/v1/plans/${PLAN_ID}`;

const action = (ref: string, title: string) => ({ ref, kind: 'action', title, themes: [], outcomes: [] });

describe('Indicators linked to the actions they measure', () => {
  let api: CommandApi;
  let lastPosition = 0;

  const send = (as: TestCaller, method: 'POST' | 'PUT', path: string, body: object) => api.send({ method, url: `${plan}${path}`, as, body });
  const command = async (as: TestCaller, method: 'POST' | 'PUT', path: string, body: object) => {
    const answer = await send(as, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const read = (path: string) => api.send({ method: 'GET', url: `${plan}${path}${path.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as: AUDITOR });

  beforeAll(async () => {
    api = await CommandApi.start();
    const drafted = await api.send({
      method: 'POST',
      url: '/v1/plans',
      as: EDITOR,
      body: { planId: PLAN_ID, title: 'Revenues Service Plan 2023/24', service: 'Corporate Services', period: '2023/24' },
    });
    expect(drafted).toMatchObject({ status: 201 });
    await command(EDITOR, 'POST', '/priorities', action('4.1', 'Move Council Tax accounts online'));
    await command(EDITOR, 'POST', '/priorities', action('4.2', 'Recover arrears earlier'));
    await command(EDITOR, 'POST', '/priorities', action('4.3', 'Review single person discounts'));
    await command(EDITOR, 'POST', '/indicators', {
      code: 'CP7',
      title: 'Percentage of Council Tax collected',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'period',
      frequency: 'quarterly',
      targets: [{ period: '2023/24', value: 98 }],
      priorityRefs: ['4.1', '4.2'],
    });
    await command(OFFICER, 'POST', '/indicators/CP7/actuals', { period: '2023/24-Q1', value: 98.2 });
    await command(OFFICER, 'POST', '/priorities/4.1/progress', { period: '2023/24-Q1', percentComplete: 40, status: 'on-track' });
  }, 60_000);

  afterAll(() => api.close());

  it('holds the links in the plan view and says in history what the indicator measures', async () => {
    const view = (await read('')).body;
    expect(view.indicators[0]).toMatchObject({ code: 'CP7', priorityRefs: ['4.1', '4.2'] });
    const history = (await read('/history?type=IndicatorLinked')).body;
    expect(history.items.map((item: { summary: string }) => item.summary)).toEqual(['Indicator CP7 measures 4.1, 4.2']);
  });

  it("shows each action's measures, rated for the quarter, beside its progress", async () => {
    const { body } = await read('/reports/2023-24-Q1');
    const byRef = Object.fromEntries(body.priorities.map((priority: { ref: string }) => [priority.ref, priority]));
    const cp7 = { code: 'CP7', title: 'Percentage of Council Tax collected', unit: 'percent', actual: 98.2, rag: 'green', direction: 'none' };
    expect(byRef['4.1']).toMatchObject({ percentComplete: 40, status: 'on-track', measures: [cp7] });
    expect(byRef['4.2']).toMatchObject({ percentComplete: null, measures: [cp7] });
    expect(byRef['4.3']).toMatchObject({ measures: [] });
  });

  it('refuses a ref the plan does not have, and relinking without a reason, writing nothing', async () => {
    const before = await api.eventCount(PLAN_ID, COUNCIL);
    const unknown = await send(EDITOR, 'PUT', '/indicators/CP7/priorities', { priorityRefs: ['4.1', '9'], reason: 'Add 9' });
    expect(unknown).toMatchObject({ status: 422 });
    expect(unknown.body.message).toBe("Indicator CP7 cannot measure '9': no priority, project or action of this plan has that ref.");
    const noReason = await send(EDITOR, 'PUT', '/indicators/CP7/priorities', { priorityRefs: ['4.3'] });
    expect(noReason).toMatchObject({ status: 422 });
    expect(noReason.body.message).toBe('Give a reason for changing what indicator CP7 measures, now 4.1, 4.2.');
    expect(await send(OFFICER, 'PUT', '/indicators/CP7/priorities', { priorityRefs: ['4.3'], reason: 'Mine' })).toMatchObject({ status: 403 });
    const hostile = await send(EDITOR, 'PUT', '/indicators/CP7/priorities', { priorityRefs: '4.1' });
    expect(hostile).toMatchObject({ status: 400 });
    expect(hostile.body.message).toEqual(['priorityRefs: must be a list of texts']);
    expect(await api.eventCount(PLAN_ID, COUNCIL)).toBe(before);
  });

  it('relinks with a reason, and the report follows', async () => {
    await command(EDITOR, 'PUT', '/indicators/CP7/priorities', { priorityRefs: ['4.2', '4.3'], reason: 'Online accounts measured by take-up instead' });
    const { body } = await read('/reports/2023-24-Q1');
    const byRef = Object.fromEntries(body.priorities.map((priority: { ref: string; measures: Array<{ code: string }> }) => [priority.ref, priority.measures.map((m) => m.code)]));
    expect(byRef).toEqual({ '4.1': [], '4.2': ['CP7'], '4.3': ['CP7'] });
    const history = (await read('/history?type=IndicatorLinked')).body;
    expect(history.items.map((item: { summary: string }) => item.summary)).toContain(
      'Indicator CP7 measures 4.2, 4.3: Online accounts measured by take-up instead',
    );
  });
});
