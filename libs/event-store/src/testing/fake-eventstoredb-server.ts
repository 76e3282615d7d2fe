/**
 * A fake EventStoreDB for protocol-level tests, NOT a stand-in for the contract suite against a real
 * server. It is an in-process gRPC server implementing the client's own
 * `event_store.client.streams.Streams` service, from the definitions generated inside
 * `@eventstore/db-client`, and serves only `Read`: of `$all`, forwards and backwards with a count,
 * and catch-up subscriptions that go live; of one stream, forwards and backwards with a count (what
 * the store identity needs). It keeps to HTTP/2 flow control as the real server
 * does: a read whose client stops consuming is paused, not finished, until the client cancels it. It
 * counts the reads open and the events sent, which is what the protocol-level tests observe.
 */
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { Server, ServerCredentials, type ServerWritableStream, status } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** An event as the fake holds it: data and metadata are the bytes the server would send. */
export interface FakeRecordedEvent {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  contentType: 'application/json' | 'application/octet-stream';
  data: Uint8Array;
  metadata: Uint8Array;
}

export interface FakeEventToStore {
  streamId: string;
  type: string;
  /** Serialised as JSON unless given as bytes, which are stored as they are. */
  data: object | Uint8Array;
  /** Defaults to JSON for an object and octet-stream for bytes; set it to mislabel bytes as JSON. */
  contentType?: FakeRecordedEvent['contentType'];
  metadata?: object;
}

/** Positions grow by the record's size on a real server; a fixed gap keeps them sparse here. */
const POSITION_STEP = 128;
/** Kestrel's default, which the real server keeps; past it new calls on the connection wait. */
const MAX_CONCURRENT_STREAMS = 100;
/** The server sends `created` in ticks of 100 ns since the Unix epoch. */
const TICKS_PER_MILLISECOND = 10_000n;
const RECORDED_AT = '2026-01-01T00:00:00.000Z';

export class FakeEventStoreDbServer {
  readonly events: FakeRecordedEvent[] = [];
  /** Events written to read calls and subscriptions so far. */
  eventsSent = 0;
  /** Subscriptions asked for so far, resumptions included. */
  subscriptionsStarted = 0;
  private readonly openCalls = new Set<ReadCall>();
  private readonly waitingForEvents = new Set<() => void>();
  private readonly revisions = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<FakeEventStoreDbServer> {
    const server = new Server({ 'grpc.max_concurrent_streams': MAX_CONCURRENT_STREAMS });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    const fake = new FakeEventStoreDbServer(server, port);
    server.addService(StreamsService, {
      read: (call: ReadCall) => void fake.read(call),
      append: unimplemented,
      delete: unimplemented,
      tombstone: unimplemented,
      batchAppend: unimplemented,
    });
    return fake;
  }

  /** The time of recording of every event here, ISO 8601. */
  get recordedAt(): string {
    return RECORDED_AT;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Read calls and subscriptions neither finished by the server nor cancelled by the client. */
  get openReads(): number {
    return this.openCalls.size;
  }

  /** Appends to `$all` as a writer would, and wakes the subscriptions. */
  store(...toStore: FakeEventToStore[]): FakeRecordedEvent[] {
    const stored = toStore.map(({ streamId, type, data, contentType, metadata }) => {
      const revision = (this.revisions.get(streamId) ?? -1) + 1;
      this.revisions.set(streamId, revision);
      const bytes = data instanceof Uint8Array;
      const event: FakeRecordedEvent = {
        id: randomUUID(),
        streamId,
        revision,
        position: (this.events.length + 1) * POSITION_STEP,
        type,
        contentType: contentType ?? (bytes ? 'application/octet-stream' : 'application/json'),
        data: bytes ? data : Buffer.from(JSON.stringify(data)),
        metadata: Buffer.from(JSON.stringify(metadata ?? { schemaVersion: 1 })),
      };
      this.events.push(event);
      return event;
    });
    for (const wake of this.waitingForEvents) wake();
    this.waitingForEvents.clear();
    return stored;
  }

  async stop(): Promise<void> {
    this.server.forceShutdown();
  }

  private async read(call: ReadCall): Promise<void> {
    this.openCalls.add(call);
    const cancelled = new Promise<void>((resolve) => call.once('cancelled', resolve));
    void cancelled.then(() => this.openCalls.delete(call));
    const options = call.request.getOptions();
    const stream = options?.getStream();
    if (options && stream) {
      await this.readStream(call, options, stream);
      return;
    }
    const all = options?.getAll();
    if (!options || !all) {
      this.openCalls.delete(call);
      call.emit('error', { code: status.UNIMPLEMENTED, details: 'The fake serves reads of $all only' });
      return;
    }
    const matches = serverFilter(options);
    if (options.getCountOptionCase() === ReadReq.Options.CountOptionCase.SUBSCRIPTION) {
      await this.subscribe(call, all, matches, cancelled);
    } else {
      await this.readOnce(call, options, all, matches);
    }
  }

  private async readOnce(
    call: ReadCall,
    options: ReadReq.Options,
    all: ReadReq.Options.AllOptions,
    matches: (event: FakeRecordedEvent) => boolean,
  ): Promise<void> {
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount());
    // As on the real server, a forward read includes the event at its position, a backward one ends before it.
    const from = allPosition(all);
    const inRange = (event: FakeRecordedEvent) =>
      from === 'start' || from === 'end' ? true : backwards ? event.position < from : event.position >= from;
    const ordered = backwards ? [...this.events].reverse() : this.events;
    const selected = from === 'end' && !backwards ? [] : ordered.filter((event) => inRange(event) && matches(event));
    for (const event of selected.slice(0, count)) {
      if (!(await this.send(call, eventResponse(event)))) return;
    }
    this.finish(call);
  }

  private async readStream(call: ReadCall, options: ReadReq.Options, stream: ReadReq.Options.StreamOptions): Promise<void> {
    const identifier = stream.getStreamIdentifier();
    const name = Buffer.from(identifier?.getStreamName_asU8() ?? []).toString();
    const events = this.events.filter(({ streamId }) => streamId === name);
    if (events.length === 0) {
      await this.send(call, new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(identifier)));
      this.finish(call);
      return;
    }
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const from =
      stream.getRevisionOptionCase() === ReadReq.Options.StreamOptions.RevisionOptionCase.REVISION
        ? Number(stream.getRevision())
        : null;
    const ordered = backwards ? [...events].reverse() : events;
    const selected = ordered.filter(({ revision }) => from === null || (backwards ? revision <= from : revision >= from));
    for (const event of selected.slice(0, Number(options.getCount()))) {
      if (!(await this.send(call, eventResponse(event)))) return;
    }
    this.finish(call);
  }

  private async subscribe(
    call: ReadCall,
    all: ReadReq.Options.AllOptions,
    matches: (event: FakeRecordedEvent) => boolean,
    cancelled: Promise<void>,
  ): Promise<void> {
    this.subscriptionsStarted++;
    const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
    if (!(await this.send(call, new ReadResp().setConfirmation(confirmation)))) return;
    const from = allPosition(all);
    // A subscription's start is exclusive.
    let next =
      from === 'start'
        ? 0
        : from === 'end'
          ? this.events.length
          : this.events.findIndex((event) => event.position > from);
    if (next === -1) next = this.events.length;
    let caughtUp = false;
    while (!call.cancelled) {
      for (; next < this.events.length; next++) {
        const event = this.events[next];
        if (matches(event) && !(await this.send(call, eventResponse(event)))) return;
      }
      if (!caughtUp) {
        caughtUp = true;
        if (!(await this.send(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp())))) return;
      }
      await Promise.race([new Promise<void>((resolve) => this.waitingForEvents.add(resolve)), cancelled]);
    }
  }

  /** Writes one response, waiting while flow control holds the call; false once the client cancelled. */
  private async send(call: ReadCall, response: ReadResp): Promise<boolean> {
    if (call.cancelled) return false;
    if (response.hasEvent()) this.eventsSent++;
    if (!call.write(response)) {
      await new Promise<void>((resolve) => {
        const resume = () => {
          call.off('drain', resume);
          call.off('cancelled', resume);
          resolve();
        };
        call.on('drain', resume);
        call.on('cancelled', resume);
      });
    }
    return !call.cancelled;
  }

  private finish(call: ReadCall): void {
    this.openCalls.delete(call);
    call.end();
  }
}

function unimplemented(_: unknown, callback: (error: { code: number; details: string }) => void): void {
  callback({ code: status.UNIMPLEMENTED, details: 'The fake serves reads of $all only' });
}

function allPosition(all: ReadReq.Options.AllOptions): 'start' | 'end' | number {
  switch (all.getAllOptionCase()) {
    case ReadReq.Options.AllOptions.AllOptionCase.START:
      return 'start';
    case ReadReq.Options.AllOptions.AllOptionCase.END:
      return 'end';
    default:
      return Number(all.getPosition()?.getCommitPosition());
  }
}

/** The server-side filter of a subscription: prefixes or a regular expression on stream or type. */
function serverFilter(options: ReadReq.Options): (event: FakeRecordedEvent) => boolean {
  const filter = options.getFilter();
  if (!filter) return () => true;
  const onStream = filter.getFilterCase() === ReadReq.Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  const prefixes = expression?.getPrefixList() ?? [];
  const regex = expression?.getRegex() ? new RegExp(expression.getRegex()) : null;
  return (event) => {
    const subject = onStream ? event.streamId : event.type;
    return (prefixes.length === 0 || prefixes.some((prefix) => subject.startsWith(prefix))) && (!regex || regex.test(subject));
  };
}

function eventResponse(event: FakeRecordedEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(event.streamId)))
    .setStreamRevision(String(event.revision))
    .setCommitPosition(String(event.position))
    .setPreparePosition(String(event.position))
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', String(BigInt(Date.parse(RECORDED_AT)) * TICKS_PER_MILLISECOND));
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(event.position)));
}
