import type { Role } from '../../apps/api/src/auth/caller';
import { HART_SECTIONS } from '../fixtures/hart-2023-24-narrative';
import type { Answer, TestApp } from '../support/test-app';
import type { TestCaller } from '../support/tokens';
import { CommandApi, enterHartPlan, expectStatus } from './plan-commands.support';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The shared Hart plan as an editor enters it: its 19 priorities, 13 indicators and the prose of its overview. */
export async function enterHartWithProse(api: Pick<CommandApi, 'send'>, planId: string): Promise<number> {
  await enterHartPlan(api, planId);
  let position = 0;
  for (const section of HART_SECTIONS) {
    position = expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${planId}/sections`, as: 'editor', body: section }), 201).body.position;
  }
  return position;
}

/** Sends a file to import as it is, with its media type, as the CLI and a browser upload do. */
export async function sendFile(
  api: Pick<TestApp, 'inject' | 'authFor'>,
  url: string,
  payload: Buffer | string,
  contentType: string,
  options: { as?: Role | TestCaller; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await api.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...(await api.authFor(options.as ?? 'editor')), 'content-type': contentType, ...options.headers },
  });
  const json = /json/.test(String(response.headers['content-type']));
  return { status: response.statusCode, body: json ? response.json() : null, text: response.body, headers: response.headers };
}

/** Downloads a read as the media type asked for, as raw bytes. */
export async function download(api: Pick<TestApp, 'inject' | 'authFor'>, url: string, accept: string, as: Role | TestCaller = 'editor'): Promise<Buffer> {
  const response = await api.inject({ method: 'GET', url, headers: { ...(await api.authFor(as)), accept } });
  if (response.statusCode !== 200) throw new Error(`GET ${url} as ${accept}: ${response.statusCode} ${response.body}`);
  return response.rawPayload;
}

/** When things were recorded (a target's `setAt` too): an import records them anew. */
const RECORD_TIMES = new Set(['recordedAt', 'withdrawnAt', 'setAt']);

/**
 * The plan view without what is the plan's own and not its content: its id, revision, the times
 * things were recorded and who did them. Two plans with the same content compare equal.
 */
export function contentOf(view: Record<string, unknown>): unknown {
  const { planId: _planId, revision: _revision, lastRecordedAt: _last, ...content } = view;
  return JSON.parse(JSON.stringify(content, (key, value) => (RECORD_TIMES.has(key) ? undefined : value)));
}
