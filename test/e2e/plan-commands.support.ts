import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { planStreamId } from '@app/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type StoredEvent } from '@app/event-store';
import {
  configureHttpApplication,
  createHttpAdapter,
  EventStoreModule,
  LoggingModule,
  MetricsModule,
  PlatformConfigModule,
} from '@app/platform';
import { AuthModule } from '../../apps/api/src/auth/auth.module';
import type { Role } from '../../apps/api/src/auth/caller';
import { PlanCommandsModule } from '../../apps/api/src/plans/plan-commands.module';
import { HART_INDICATORS, HART_PLAN, HART_PRIORITIES } from '../fixtures/hart-2023-24';
import { authHeader, type TestCaller } from '../support/tokens';

export interface Answer {
  status: number;
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface Send {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** A role of Hart's council, or a full test caller. */
  as: Role | TestCaller;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The command API over the embedded stores in a temporary directory, driven through Fastify's inject. */
export class CommandApi {
  private readonly tokens = new Map<string, Record<string, string>>();

  private constructor(
    readonly app: NestFastifyApplication,
    readonly dataDir: string,
    private readonly ownsDataDir: boolean,
  ) {}

  static async start(dataDir?: string): Promise<CommandApi> {
    const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'plan-commands-'));
    Object.assign(process.env, { DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' });

    @Module({
      imports: [PlatformConfigModule, LoggingModule, MetricsModule, EventStoreModule, AuthModule, PlanCommandsModule],
    })
    class CommandsTestModule {}

    const moduleRef = await Test.createTestingModule({ imports: [CommandsTestModule] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: false });
    await configureHttpApplication(app, { title: 'Plan commands under test', description: 'The command side', version: '1' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new CommandApi(app, dir, dataDir === undefined);
  }

  get store(): EventStore {
    return this.app.get<EventStore>(EVENT_STORE);
  }

  async send({ method, url, as, body, headers }: Send): Promise<Answer> {
    const response = await this.app.inject({
      method,
      url,
      headers: { ...(await this.authFor(as)), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.body ? response.json() : null, headers: response.headers };
  }

  async events(planId: string): Promise<StoredEvent[]> {
    try {
      return await this.store.readStream(planStreamId(planId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async eventCount(planId: string): Promise<number> {
    return (await this.events(planId)).length;
  }

  async close(options: { keepData?: boolean } = {}): Promise<void> {
    await this.app.close();
    if (this.ownsDataDir && !options.keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async authFor(as: Role | TestCaller): Promise<Record<string, string>> {
    const caller: TestCaller = typeof as === 'string' ? { role: as, council: HART_PLAN.council } : as;
    const cacheKey = JSON.stringify(caller);
    let header = this.tokens.get(cacheKey);
    if (!header) {
      header = await authHeader(this.dataDir, caller);
      this.tokens.set(cacheKey, header);
    }
    return header;
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
export async function enterHartPlan(api: CommandApi, planId?: string): Promise<string> {
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
export async function enterSmallPlan(api: CommandApi): Promise<string> {
  const { title, service, period } = HART_PLAN;
  const drafted = expectStatus(await api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { title, service, period } }), 201);
  const id: string = drafted.body.planId;
  const priority = HART_PRIORITIES[0];
  const indicator = HART_INDICATORS.find((candidate) => candidate.code === 'CP7');
  expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${id}/priorities`, as: 'editor', body: priority }), 201);
  expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${id}/indicators`, as: 'editor', body: indicator }), 201);
  return id;
}
