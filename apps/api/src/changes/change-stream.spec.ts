import type { Change } from '@app/projections';
import { ChangeStream, type ChangeSource } from './change-stream';
import type { ChangesRead } from './read-changes.query';

const change = (position: number): Change => ({
  position,
  planId: 'cs-2023-24',
  service: 'Corporate Services',
  revision: position,
  type: 'ProgressRecorded',
  recordedAt: '2024-01-01T00:00:00.000Z',
  summary: `Change ${position}`,
});

/** A feed holding `positions`, complete up to the last of them, that never moves on its own. */
function feedOf(positions: number[]) {
  const reads: Array<number | undefined> = [];
  const source: ChangeSource = {
    async read(after, limit): Promise<ChangesRead> {
      reads.push(after);
      const items = positions.filter((position) => after === undefined || position > after).slice(0, limit).map(change);
      return { items, next: items.at(-1)?.position ?? after ?? null, checkpoint: positions.at(-1) ?? null };
    },
    waitPast: (_checkpoint, timeoutMs, signal) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve(false);
        });
      }),
  };
  return { source, reads };
}

/** Reads the stream's text until it holds `until`. */
async function readUntil(stream: ChangeStream, until: string): Promise<string> {
  let text = '';
  for await (const chunk of stream.body) {
    text += String(chunk);
    if (text.includes(until)) return text;
  }
  return text;
}

const noError = () => {
  throw new Error('The stream reported an error');
};

describe('a change stream', () => {
  it('sends the backlog page after page, each event named by its position, before it waits', async () => {
    const feed = feedOf([3, 5, 8, 13, 21]);
    const stream = new ChangeStream(feed.source, 3, { heartbeatMs: 60_000, pageSize: 2, reconnectMs: 1500 }, noError);

    const text = await readUntil(stream, 'id: 21\n');
    await stream.close();

    expect(text.startsWith('retry: 1500\n\n')).toBe(true);
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]))).toEqual([5, 8, 13, 21]);
    expect(text).toContain(`data: ${JSON.stringify(change(13))}\n\n`);
    expect(feed.reads.slice(0, 3)).toEqual([3, 8, 21]);
  });

  it('sends a comment line whenever it has been quiet for the heartbeat interval', async () => {
    const feed = feedOf([1]);
    const stream = new ChangeStream(feed.source, undefined, { heartbeatMs: 30, pageSize: 10, reconnectMs: 1000 }, noError);

    const text = await readUntil(stream, ': heartbeat\n\n: heartbeat\n\n');
    await stream.close();

    expect(text).toMatch(/^retry: 1000\n\nid: 1\ndata: .*\n\n: heartbeat\n\n: heartbeat\n\n/);
  });

  it('ends, and reads no more, once its client has gone', async () => {
    const feed = feedOf([1, 2]);
    const stream = new ChangeStream(feed.source, undefined, { heartbeatMs: 60_000, pageSize: 10, reconnectMs: 1000 }, noError);
    await readUntil(stream, 'id: 2\n');

    stream.body.destroy();
    await stream.ended;
    const reads = feed.reads.length;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(feed.reads).toHaveLength(reads);
  });

  it('ends, telling why, when the feed cannot be read, so that its client reconnects', async () => {
    const failure = new Error('read store unavailable');
    const errors: unknown[] = [];
    const source: ChangeSource = { read: () => Promise.reject(failure), waitPast: async () => false };
    const stream = new ChangeStream(source, undefined, { heartbeatMs: 60_000, pageSize: 10, reconnectMs: 1000 }, (error) => errors.push(error));

    expect(await readUntil(stream, 'never')).toBe('retry: 1000\n\n');
    await stream.ended;
    expect(errors).toEqual([failure]);
  });
});
