import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { configureHttpApplication, createHttpAdapter } from '@app/platform';
import { API_DOCUMENT, AppModule } from '../../apps/api/src/app.module';
import type { Role } from '../../apps/api/src/auth/caller';
import { DEMO_PEOPLE, type DemoPerson, type PlanStep } from '../../scripts/demo/hart-year';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { authHeader, type TestCaller } from '../support/tokens';
import type { Answer, Send } from './plan-commands.support';

/**
 * The whole API as `npm start` runs it (commands, projector in-process, queries) over the embedded
 * stores in a temporary directory, driven through Fastify's inject; `listen` opens a real port.
 */
export class PlanApi {
  private readonly tokens = new Map<string, Record<string, string>>();

  private constructor(
    readonly app: NestFastifyApplication,
    readonly dataDir: string,
  ) {}

  static async start(): Promise<PlanApi> {
    const dataDir = mkdtempSync(join(tmpdir(), 'plan-queries-'));
    Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: false });
    await configureHttpApplication(app, API_DOCUMENT);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new PlanApi(app, dataDir);
  }

  /** Opens a port on the loopback interface and gives the base URL. */
  async listen(): Promise<string> {
    await this.app.listen(0, '127.0.0.1');
    return (await this.app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  async send({ method, url, as, body, headers }: Send): Promise<Answer & { text: string }> {
    const response = await this.app.inject({
      method,
      url,
      headers: { ...(await this.authFor(as)), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return {
      status: response.statusCode,
      text: response.body,
      body: response.body ? response.json() : null,
      headers: response.headers,
    };
  }

  get(url: string, as: Role | TestCaller = 'auditor'): Promise<Answer & { text: string }> {
    return this.send({ method: 'GET', url, as });
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async authFor(as: Role | TestCaller): Promise<Record<string, string>> {
    const caller: TestCaller = typeof as === 'string' ? { role: as, council: HART_PLAN.council } : as;
    const key = JSON.stringify(caller);
    let header = this.tokens.get(key);
    if (!header) {
      header = await authHeader(this.dataDir, caller);
      this.tokens.set(key, header);
    }
    return header;
  }
}

/** The caller a demo person is in Hart's council, for `send`. */
export function callerOf(person: DemoPerson): TestCaller {
  const { role, name, sub } = DEMO_PEOPLE[person];
  return { role, name, sub, council: HART_PLAN.council };
}

/** Sends one step of a plan's year and gives its command result; fails the test on a refusal. */
export async function perform(api: PlanApi, step: PlanStep): Promise<CommandAnswer> {
  const answer = await api.send({ method: step.method, url: step.path, as: callerOf(step.as), body: step.body });
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(`${step.method} ${step.path} answered ${answer.status}: ${answer.text}`);
  }
  return answer.body as CommandAnswer;
}

export interface CommandAnswer {
  planId: string;
  version: number;
  position: number;
  eventIds: string[];
}

/** Returns once the clock has moved past `instant`, so that nothing recorded later shares its millisecond. */
export async function afterInstant(instant: Date): Promise<void> {
  while (Date.now() <= instant.getTime()) await new Promise((resolve) => setTimeout(resolve, 1));
}
