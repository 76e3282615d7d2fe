import { PLAN_SNAPSHOTS_COLLECTION } from '@app/projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { hartYear, RESTATEMENT } from '../../scripts/demo/hart-year';
import { afterInstant, perform, PlanApi } from './plan-queries.support';

interface Reading {
  instant: string;
  stage: string;
  revision: number;
  etag: unknown;
  text: string;
}

const PLAN = 'hart-time-travel';

/** The live answer as an `asOf` read gives it: the same plan, byte for byte, after the instant used. */
const answeredAsOf = ({ instant, text }: Reading): string => `{"asOf":"${instant}",${text.slice(1)}`;

describe('Time travel: the plan exactly as the system held it at any instant', () => {
  let api: PlanApi;
  let beforeTheFirstEvent: string;
  const readings: Reading[] = [];

  beforeAll(async () => {
    api = await PlanApi.start();
    beforeTheFirstEvent = new Date().toISOString();
    await afterInstant(new Date(beforeTheFirstEvent));
    // A year of activity; after every command, the plan as it is read live, and the instant it was read.
    for (const step of hartYear(PLAN)) {
      const { position } = await perform(api, step);
      const live = await api.get(`/v1/plans/${PLAN}?waitFor=${position}`);
      const instant = new Date();
      expect(live.status).toBe(200);
      readings.push({ instant: instant.toISOString(), stage: step.stage, revision: live.body.revision, etag: live.headers.etag, text: live.text });
      await afterInstant(instant);
    }
  }, 300_000);

  afterAll(() => api.close());

  it('gives back, for every instant of the year, byte for byte the plan that was read live then', async () => {
    expect(readings).toHaveLength(165);
    expect(readings.map((reading) => reading.revision)).toEqual(readings.map((_, index) => index));
    const mismatches: string[] = [];
    for (const reading of readings) {
      const past = await api.get(`/v1/plans/${PLAN}?asOf=${reading.instant}`);
      if (past.status !== 200 || past.text !== answeredAsOf(reading) || past.headers.etag !== reading.etag) {
        mismatches.push(`revision ${reading.revision} (${reading.stage}) at ${reading.instant}: ${past.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('rebuilds later instants from a snapshot the projection kept', async () => {
    const snapshot = await api.app.get<ReadStore>(READ_STORE).get(PLAN_SNAPSHOTS_COLLECTION, `hart/${PLAN}@99`);
    expect(snapshot).toMatchObject({ planId: PLAN, revision: 99 });
    const latest = readings[readings.length - 1];
    expect((await api.get(`/v1/plans/${PLAN}?asOf=${latest.instant}`)).text).toBe(answeredAsOf(latest));
  });

  it('says plainly that the plan did not exist before its first event', async () => {
    const answer = await api.get(`/v1/plans/${PLAN}?asOf=${beforeTheFirstEvent}`);
    expect(answer.status).toBe(404);
    expect(answer.body.message).toBe(`Plan ${PLAN} did not exist yet at ${beforeTheFirstEvent}`);
  });

  it('gives the plan as it was when each version was published', async () => {
    for (const label of ['1', '2']) {
      const published = readings.find((reading) => reading.stage.startsWith(`Publish version ${label}`));
      const answer = await api.get(`/v1/plans/${PLAN}?version=${label}`);
      expect(answer.text).toBe(published?.text);
    }
    const target = (text: string) => JSON.parse(text).indicators.find((i: { code: string }) => i.code === 'CP5').targets[0].value;
    expect(target((await api.get(`/v1/plans/${PLAN}?version=1`)).text)).toBe(70);
    expect(target((await api.get(`/v1/plans/${PLAN}?version=2`)).text)).toBe(75);
    const unknown = await api.get(`/v1/plans/${PLAN}?version=9`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(`Plan ${PLAN} has no version '9'`);
  });

  it('reproduces the Q2 report as it stood before the restatement, and shows the restated figure now', async () => {
    const beforeRestatement = readings[readings.findIndex((reading) => reading.stage.startsWith('Restate')) - 1];
    const report = (query: string) => api.get(`/v1/plans/${PLAN}/reports/2023-24-Q2${query}`);
    const cp7 = (answer: { body: { indicators: Array<{ code: string }> } }) =>
      answer.body.indicators.find((indicator) => indicator.code === RESTATEMENT.code);

    const then = await report(`?asOf=${beforeRestatement.instant}`);
    expect(then.status).toBe(200);
    expect(cp7(then)).toMatchObject({ actual: 57.8, restated: false });
    const now = await report('');
    expect(cp7(now)).toMatchObject({ actual: RESTATEMENT.value, restated: true, commentary: RESTATEMENT.commentary });
  });

  it('refuses a past state to a role that may only read the plan as it is', async () => {
    const answer = await api.send({ method: 'GET', url: `/v1/plans/${PLAN}?asOf=${readings[0].instant}`, as: 'officer' });
    expect(answer.status).toBe(403);
    expect((await api.send({ method: 'GET', url: `/v1/plans/${PLAN}`, as: 'officer' })).status).toBe(200);
  });
});
