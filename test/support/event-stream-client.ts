import { get, type ClientRequest, type IncomingMessage } from 'node:http';

/**
 * A client of server-sent events over Node's `http`, one connection per stream, as a reporting
 * service would write one: it opens a stream with the headers given (e.g. `Last-Event-ID`), reads
 * its events one by one, and hangs up when told.
 *
 *   const stream = await EventStreamClient.open(`${base}/v1/changes`, { authorization, 'last-event-id': '42' });
 *   const [first] = await stream.events(1);
 *   stream.close();
 */
export interface ServerSentEvent {
  id: string | null;
  data: string;
}

export class EventStreamClient {
  private buffer = '';
  private readonly chunks: AsyncIterator<Buffer>;
  private ended = false;
  /** Comment lines received so far (heartbeats). */
  readonly comments: string[] = [];
  /** The `retry:` value last received, in milliseconds. */
  retryMs: number | null = null;

  private constructor(
    private readonly request: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    this.chunks = response[Symbol.asyncIterator]();
  }

  static open(url: string, headers: Record<string, string>): Promise<EventStreamClient> {
    return new Promise((resolve, reject) => {
      const request = get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, (response) =>
        resolve(new EventStreamClient(request, response)),
      );
      request.once('error', reject);
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  header(name: string): string | undefined {
    const value = this.response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** The whole body of an answer that is not a stream, e.g. a refusal. */
  async json(): Promise<unknown> {
    let text = '';
    for await (const chunk of this.response) text += chunk;
    return JSON.parse(text);
  }

  /** The next `count` events with data, skipping comments; fails if the stream ends first. */
  async events(count: number): Promise<ServerSentEvent[]> {
    const events: ServerSentEvent[] = [];
    while (events.length < count) {
      const event = await this.next();
      if (event === null) throw new Error(`The stream ended after ${events.length} of ${count} events`);
      events.push(event);
    }
    return events;
  }

  /** The next event with data, or null once the server has ended the stream. */
  async next(): Promise<ServerSentEvent | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event = this.parse(block);
        if (event) return event;
        continue;
      }
      if (this.ended) return null;
      const { done, value } = await this.chunks.next();
      if (done) this.ended = true;
      else this.buffer += value;
    }
  }

  /** Hangs up, as a client that goes away does. */
  close(): void {
    this.request.destroy();
  }

  private parse(block: string): ServerSentEvent | null {
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
      else if (line.startsWith('retry: ')) this.retryMs = Number(line.slice(7));
    }
    return data.length > 0 ? { id, data: data.join('\n') } : null;
  }
}
