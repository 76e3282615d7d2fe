import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '../../apps/api/src/auth/caller';
import type { PlanCommandOutcome } from '../../apps/api/src/plans/commands/plan-command.service';
import { DEMO_PEOPLE, type DemoPerson, type PlanStep } from '../../scripts/demo/hart-year';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { startTestApp, type Answer, type Send, type TestApp } from '../support/test-app';
import type { TestCaller } from '../support/tokens';

/** The API (see `startTestApp`) with reads as an auditor by default; `listen` opens a real port. */
export class PlanApi {
  private constructor(private readonly api: TestApp) {}

  static async start(): Promise<PlanApi> {
    return new PlanApi(await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } }));
  }

  get app(): NestFastifyApplication {
    return this.api.app;
  }

  get dataDir(): string {
    return this.api.dataDir;
  }

  /** Opens a port on the loopback interface and gives the base URL. */
  async listen(): Promise<string> {
    await this.app.listen(0, '127.0.0.1');
    return (await this.app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  send(request: Send): Promise<Answer> {
    return this.api.send(request);
  }

  get(url: string, as: Role | TestCaller = 'auditor'): Promise<Answer> {
    return this.send({ method: 'GET', url, as });
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

/** The caller a demo person is in Hart's council, for `send`. */
export function callerOf(person: DemoPerson): TestCaller {
  const { role, name, sub } = DEMO_PEOPLE[person];
  return { role, name, sub, council: HART_PLAN.council };
}

/** Sends one step of a plan's year and gives its command result; fails the test on a refusal. */
export async function perform(api: PlanApi, step: PlanStep): Promise<PlanCommandOutcome> {
  const answer = await api.send({ method: step.method, url: step.path, as: callerOf(step.as), body: step.body });
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(`${step.method} ${step.path} answered ${answer.status}: ${answer.text}`);
  }
  return answer.body as PlanCommandOutcome;
}

/** Returns once the clock has moved past `instant`, so that nothing recorded later shares its millisecond. */
export async function afterInstant(instant: Date): Promise<void> {
  while (Date.now() <= instant.getTime()) await new Promise((resolve) => setTimeout(resolve, 1));
}
