import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { planKey, planStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore, readStreamIfAny, type StoredEvent } from '@app/event-store';
import { HART_INDICATORS, HART_PLAN, HART_PRIORITIES } from '../fixtures/hart-2023-24';
import { startTestApp, type Answer, type Send, type TestApp } from '../support/test-app';

export type { Answer, Send } from '../support/test-app';

/** The API (see `startTestApp`) with what the command tests read of the plan's stream. */
export class CommandApi {
  private constructor(private readonly api: TestApp) {}

  /** On `dataDir` when given (to restart on another app's data), else on a fresh temporary one. */
  static async start(dataDir?: string): Promise<CommandApi> {
    return new CommandApi(await startTestApp({ dataDir, env: { RATE_LIMIT_PER_MINUTE: '100000' } }));
  }

  get app(): NestFastifyApplication {
    return this.api.app;
  }

  get dataDir(): string {
    return this.api.dataDir;
  }

  get store(): EventStore {
    return this.api.get<EventStore>(EVENT_STORE);
  }

  send(request: Send): Promise<Answer> {
    return this.api.send(request);
  }

  /** The stream of the council's plan of that id; Hart's unless told. */
  async events(planId: string, council: string = HART_PLAN.council): Promise<StoredEvent[]> {
    return readStreamIfAny(this.store, planStreamId(planKey(council, planId)));
  }

  async eventCount(planId: string, council: string = HART_PLAN.council): Promise<number> {
    return (await this.events(planId, council)).length;
  }

  close(options: { keepData?: boolean } = {}): Promise<void> {
    return this.api.close(options);
  }
}

export type StoredRow = { data: Record<string, unknown>; metadata: Record<string, unknown> };

/** Rewrites one stored event of a plan (Hart's unless told) behind the service's back, as someone with the database file could. */
export function rewriteStoredEvent(
  api: Pick<CommandApi, 'dataDir'>,
  planId: string,
  revision: number,
  rewrite: (row: StoredRow) => void,
  council: string = HART_PLAN.council,
): void {
  const streamId = planStreamId(planKey(council, planId));
  const db = new Database(join(api.dataDir, 'events.db'));
  try {
    const row = db.prepare('SELECT data, metadata FROM events WHERE stream_id = ? AND revision = ?').get(streamId, revision) as {
      data: string;
      metadata: string;
    };
    const parsed: StoredRow = { data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) };
    rewrite(parsed);
    db.prepare('UPDATE events SET data = ?, metadata = ? WHERE stream_id = ? AND revision = ?').run(
      JSON.stringify(parsed.data),
      JSON.stringify(parsed.metadata),
      streamId,
      revision,
    );
  } finally {
    db.close();
  }
}

/** Fails the test with the answer's body when the status is not the expected one. */
export function expectStatus(answer: Answer, status: number): Answer {
  if (answer.status !== status) {
    throw new Error(`Expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer;
}

/** Drafts the Hart Corporate Services plan and enters its 19 priorities and 13 indicators, as an editor would. */
export async function enterHartPlan(api: Pick<CommandApi, 'send'>, planId?: string): Promise<string> {
  const { title, service, period, owner } = HART_PLAN;
  const drafted = expectStatus(
    await api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { planId, title, service, period, owner } }),
    201,
  );
  const id: string = drafted.body.planId;
  for (const priority of HART_PRIORITIES) {
    expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${id}/priorities`, as: 'editor', body: priority }), 201);
  }
  for (const indicator of HART_INDICATORS) {
    expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${id}/indicators`, as: 'editor', body: indicator }), 201);
  }
  return id;
}

/** A small plan for tests about one rule: drafted, with priority "1" and indicator CP7. */
export async function enterSmallPlan(api: Pick<CommandApi, 'send'>): Promise<string> {
  const { title, service, period } = HART_PLAN;
  const drafted = expectStatus(await api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { title, service, period } }), 201);
  const id: string = drafted.body.planId;
  const priority = HART_PRIORITIES[0];
  const indicator = HART_INDICATORS.find((candidate) => candidate.code === 'CP7');
  expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${id}/priorities`, as: 'editor', body: priority }), 201);
  expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${id}/indicators`, as: 'editor', body: indicator }), 201);
  return id;
}
