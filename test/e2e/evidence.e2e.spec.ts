import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planKey, planStreamId } from '@app/domain';
import { CommandApi, enterSmallPlan, expectStatus, rewriteStoredEvent, type Answer } from './plan-commands.support';

const ALTERED = 'The event no longer matches the hash recorded when it was written: it has been altered.';
const UNLINKED = 'The event does not link to the event before it: an event before it was altered, removed or inserted.';

/** The offline check as an auditor runs it, with nothing of the service running in its process. */
function verifyEvidence(file: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [require.resolve('ts-node/dist/bin.js'), '-T', 'scripts/verify-evidence.ts', file], {
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('Evidence an auditor keeps and checks without trusting the service', () => {
  let api: CommandApi;
  let folder: string;

  beforeAll(async () => {
    api = await CommandApi.start();
    folder = mkdtempSync(join(tmpdir(), 'plan-tracking-evidence-'));
  });

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await api.close();
  });

  /** A small plan with a year's first three actuals of CP7, version 1 published after the first. */
  async function planWithActuals(): Promise<{ planId: string; published: Answer; position: number }> {
    const planId = await enterSmallPlan(api);
    const actual = async (period: string, value: number) =>
      expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${planId}/indicators/CP7/actuals`, as: 'officer', body: { period, value } }), 201);
    await actual('2023/24-Q1', 29.5);
    const published = expectStatus(
      await api.send({ method: 'POST', url: `/v1/plans/${planId}/versions`, as: 'editor', body: { reason: 'As monitored in Q1' } }),
      201,
    );
    await actual('2023/24-Q2', 57.8);
    const last = await actual('2023/24-Q3', 85.9);
    return { planId, published, position: last.body.position };
  }

  const read = (url: string, as: 'auditor' | 'editor' = 'auditor') => api.send({ method: 'GET', url, as });

  describe('GET /v1/plans/{planId}/evidence', () => {
    let planId: string;
    let file: string;
    let lines: string[];

    beforeAll(async () => {
      ({ planId } = await planWithActuals());
      const answer = expectStatus(await read(`/v1/plans/${planId}/evidence`), 200);
      file = join(folder, 'evidence.jsonl');
      writeFileSync(file, answer.text);
      lines = answer.text.split('\n');
    });

    const variant = (name: string, edit: (lines: string[]) => string[]): string => {
      const path = join(folder, name);
      writeFileSync(path, edit([...lines]).join('\n'));
      return path;
    };

    it('is an attachment of JSON Lines: a header, then every stored event exactly as stored', async () => {
      const answer = await read(`/v1/plans/${planId}/evidence`);
      expect(answer.headers['content-type']).toMatch(/^application\/x-ndjson/);
      expect(answer.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${planId}-evidence-\\d{4}-\\d{2}-\\d{2}\\.jsonl"$`));
      const stored = await api.events(planId);
      expect(lines.at(-1)).toBe('');
      expect(JSON.parse(lines[0])).toEqual({
        format: 'plan-tracking-evidence',
        formatVersion: 1,
        council: 'hart',
        planId,
        streamId: planStreamId(planKey('hart', planId)),
        exportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        eventCount: 7,
        headHash: stored[6].metadata.hash,
        verify: expect.stringContaining('npm run verify-evidence'),
      });
      expect(lines.slice(1, -1).map((line) => JSON.parse(line))).toEqual(stored);
    });

    it('carries the same head as the integrity check', async () => {
      const integrity = expectStatus(await read(`/v1/plans/${planId}/integrity`), 200);
      expect(integrity.body.head).toBe(JSON.parse(lines[0]).headHash);
    });

    it('is for auditors; another council\'s plan is not found, exactly as a missing one', async () => {
      expect((await read(`/v1/plans/${planId}/evidence`, 'editor')).status).toBe(403);
      const rushmoorAuditor = { role: 'auditor' as const, council: 'rushmoor' };
      const theirs = await api.send({ method: 'GET', url: `/v1/plans/${planId}/evidence`, as: rushmoorAuditor });
      const missing = await api.send({ method: 'GET', url: '/v1/plans/no-such-plan/evidence', as: rushmoorAuditor });
      expect(theirs.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Plan ${planId} was not found` });
      expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Plan no-such-plan was not found' });
      expect(theirs.headers['content-type']).toBe(missing.headers['content-type']);
    });

    it('verifies offline as it was exported, printing the head hash (npm run verify-evidence)', () => {
      const run = spawnSync('npm', ['run', '--silent', 'verify-evidence', '--', file], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('VALID: 7 events of plan');
      expect(run.stdout).toContain(`Head hash: ${JSON.parse(lines[0]).headHash}`);
    });

    it('is refused once one byte of an event\'s data is altered, naming that event', async () => {
      const events = await api.events(planId);
      const q2 = events.findIndex((event) => event.data.value === 57.8);
      const altered = variant('altered.jsonl', (copy) => {
        copy[q2 + 1] = copy[q2 + 1].replace('"value":57.8', '"value":57.9');
        return copy;
      });
      const { status, output } = verifyEvidence(altered);
      expect(status).toBe(1);
      expect(output).toContain(`First failure at line ${q2 + 2}, revision ${q2}, event ${events[q2].id}: ${ALTERED}`);
    });

    it('is refused once an event is removed, naming the broken link', async () => {
      const events = await api.events(planId);
      // Revision 3 (line 5) removed: revision 4 moves up to line 5.
      const removed = variant('removed.jsonl', (copy) => [...copy.slice(0, 4), ...copy.slice(5)]);
      const { status, output } = verifyEvidence(removed);
      expect(status).toBe(1);
      expect(output).toContain(`First failure at line 5, revision 4, event ${events[4].id}: ${UNLINKED}`);
    });

    it('is refused once the last events are cut off, by the header\'s count', () => {
      const { status, output } = verifyEvidence(variant('short.jsonl', (copy) => [...copy.slice(0, 6), '']));
      expect(status).toBe(1);
      expect(output).toContain('The header counts 7 events but the file holds 5');
    });

    it('is not read at all when cut off inside a line, or not evidence', () => {
      const cut = join(folder, 'cut.jsonl');
      const text = lines.join('\n');
      writeFileSync(cut, text.slice(0, text.length - 40));
      expect(verifyEvidence(cut)).toMatchObject({ status: 2, output: expect.stringContaining('line 8 is not JSON') });
      const garbage = join(folder, 'garbage.jsonl');
      writeFileSync(garbage, 'PK\u0003\u0004 not an evidence file\n');
      expect(verifyEvidence(garbage)).toMatchObject({ status: 2, output: expect.stringContaining('line 1 is not JSON') });
      expect(verifyEvidence(join(folder, 'no-such-file.jsonl')).status).toBe(2);
    });
  });

  it('gives each version row the head hash at publication: the VersionPublished event\'s stored hash', async () => {
    const { planId, published } = await planWithActuals();
    const table = expectStatus(await read(`/v1/plans/${planId}/versions?waitFor=${published.body.position}`), 200);
    const publication = (await api.events(planId)).find((event) => event.type === 'VersionPublished')!;
    expect(table.body.rows).toEqual([expect.objectContaining({ label: '1', headHash: publication.metadata.hash })]);
    expect(publication.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('a past answer for a plan whose stored events were altered', () => {
    it('says the events it was rebuilt from hold, and serves no integrity field while they do', async () => {
      const { planId, position } = await planWithActuals();
      const asOf = await read(`/v1/plans/${planId}?asOf=${new Date().toISOString()}&waitFor=${position}`);
      expect(expectStatus(asOf, 200).headers['x-integrity']).toBe('ok');
      expect(asOf.body).not.toHaveProperty('integrity');
      expect((await read(`/v1/plans/${planId}`)).headers['x-integrity']).toBeUndefined();
    });

    it('says so, naming the altered event, for asOf, version and a report asOf', async () => {
      const { planId, position } = await planWithActuals();
      const now = new Date().toISOString();
      expectStatus(await read(`/v1/plans/${planId}?waitFor=${position}`), 200);
      const events = await api.events(planId);
      const q3 = events.findIndex((event) => event.data.value === 85.9);
      rewriteStoredEvent(api, planId, q3, (row) => {
        row.data.value = 95.9;
      });
      const failure = {
        ok: false,
        eventsChecked: q3 + 1,
        firstFailure: { revision: q3, eventId: events[q3].id, position: events[q3].position, reason: ALTERED },
      };

      const asOf = expectStatus(await read(`/v1/plans/${planId}?asOf=${now}`), 200);
      expect(asOf.headers['x-integrity']).toBe('failed');
      expect(asOf.body.integrity).toEqual(failure);

      const report = expectStatus(await read(`/v1/plans/${planId}/reports/2023-24-Q3?asOf=${now}`), 200);
      expect(report.headers['x-integrity']).toBe('failed');
      expect(report.body.integrity).toEqual(failure);

      // Version 1 was published before the altered event and the one after it, and is rebuilt from neither.
      const version = expectStatus(await read(`/v1/plans/${planId}?version=1`), 200);
      expect(version.headers['x-integrity']).toBe('ok');
      rewriteStoredEvent(api, planId, 1, (row) => {
        row.data.title = 'Publish the accounts, eventually';
      });
      const altered = expectStatus(await read(`/v1/plans/${planId}?version=1`), 200);
      expect(altered.headers['x-integrity']).toBe('failed');
      expect(altered.body.integrity.firstFailure).toMatchObject({ revision: 1, eventId: events[1].id, reason: ALTERED });
    });

    it('checks what it reads on from a snapshot against the hash the snapshot kept', async () => {
      const planId = await enterSmallPlan(api);
      let position = 0;
      for (let ref = 2; ref <= 101; ref += 1) {
        const added = await api.send({
          method: 'POST',
          url: `/v1/plans/${planId}/priorities`,
          as: 'editor',
          body: { ref: String(ref), title: `Priority ${ref}`, themes: ['People'], outcomes: [] },
        });
        position = expectStatus(added, 201).body.position;
      }
      const events = await api.events(planId);
      expect(events).toHaveLength(103);
      const now = new Date().toISOString();
      const intact = expectStatus(await read(`/v1/plans/${planId}?asOf=${now}&waitFor=${position}`), 200);
      expect(intact.headers['x-integrity']).toBe('ok');

      rewriteStoredEvent(api, planId, 101, (row) => {
        row.data.title = 'Priority one hundred';
      });
      const altered = expectStatus(await read(`/v1/plans/${planId}?asOf=${now}`), 200);
      // Read on from the snapshot after revision 99: two events checked, the second altered.
      expect(altered.body.integrity).toEqual({
        ok: false,
        eventsChecked: 2,
        firstFailure: { revision: 101, eventId: events[101].id, position: events[101].position, reason: ALTERED },
      });
    });
  });
});
