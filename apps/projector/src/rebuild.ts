/**
 * Drops a projection's read model and replays its events:
 *   npm run rebuild -- <projection>     one projection, by name
 *   npm run rebuild -- --all            every projection
 * Uses the same settings as the applications (DATA_DIR, EVENTSTORE_CONNECTION_STRING, MONGODB_URI).
 * Stop the projector first (and, in embedded mode, the API, which runs the projector in-process):
 * the rebuild holds every projection's lease, so projectors using leases stand by, but an embedded
 * one does not take leases.
 */
// First, before any dependency is loaded: an older Node would fail inside one with a misleading message.
import '@app/platform/runtime/exit-on-unsupported-node';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { EventStoreModule } from '@app/event-store/nest';
import { ConfigurationError, MetricsModule, PlatformConfigModule, StoreUnavailableError } from '@app/platform';
import {
  decodeStoredEvent,
  planProjections,
  type Projection,
  rebuildProjections,
  recordReadModelOrigin,
} from '@app/projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { ReadStoreModule } from '@app/read-store/nest';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import { hostname } from 'node:os';

@Module({ imports: [PlatformConfigModule, MetricsModule, EventStoreModule, ReadStoreModule] })
class RebuildModule {}

const LEASE_TTL_MS = 60_000;

/** A refusal the operator can act on; printed as its sentence alone. */
class RebuildRefused extends Error {}

function projectionsNamed(argument: string | undefined): Projection[] {
  const names = planProjections.map(({ name }) => name).join('|');
  if (argument === '--all') return planProjections;
  const projection = planProjections.find(({ name }) => name === argument);
  if (argument === undefined || projection === undefined) {
    throw new RebuildRefused(
      `${argument === undefined ? 'Name a projection' : `There is no projection named '${argument}'`}: ` +
        `npm run rebuild -- <${names}|--all>.`,
    );
  }
  return [projection];
}

/** Holds the projections' leases for the whole rebuild, so that no projector using leases runs one meanwhile. */
async function whileHoldingLeases<T>(readStore: ReadStore, projections: string[], work: () => Promise<T>): Promise<T> {
  const owner = `rebuild-${hostname()}-${process.pid}`;
  const held: string[] = [];
  const renewal = setInterval(() => {
    for (const projection of held) void readStore.acquireLease(projection, owner, LEASE_TTL_MS);
  }, LEASE_TTL_MS / 3);
  try {
    for (const projection of projections) {
      if (!(await readStore.acquireLease(projection, owner, LEASE_TTL_MS))) {
        throw new RebuildRefused(
          `Projection ${projection} is being run by a projector; stop it and try again once its lease has expired.`,
        );
      }
      held.push(projection);
    }
    return await work();
  } finally {
    clearInterval(renewal);
    for (const projection of held) await readStore.releaseLease(projection, owner);
  }
}

/** One pass over the log rebuilds them all, so each event is read and decoded once. */
async function rebuild(eventStore: EventStore, readStore: ReadStore, projections: Projection[]): Promise<void> {
  const names = projections.map(({ name }) => name);
  const bar = new SingleBar(
    {
      format: `${names.join(', ')} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {duration_formatted}`,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(0, 0, { rate: '0' });
  const result = await whileHoldingLeases(readStore, names, () =>
    rebuildProjections({
      eventStore,
      readStore,
      projections,
      decode: decodeStoredEvent,
      onProgress: ({ processed, total, eventsPerSecond }) => {
        bar.setTotal(total);
        bar.update(processed, { rate: Math.round(eventsPerSecond).toString() });
      },
    }),
  ).finally(() => bar.stop());
  process.stdout.write(
    `${result.processed} events replayed in ${(result.durationMs / 1000).toFixed(1)} s ` +
      `(${Math.round(result.eventsPerSecond)} events/s).\n`,
  );
  for (const name of names) process.stdout.write(`${name}: checkpoint ${result.checkpoints[name] ?? 'none'}.\n`);
}

async function main(): Promise<void> {
  const projections = projectionsNamed(process.argv[2]);
  const context = await NestFactory.createApplicationContext(RebuildModule, { logger: false, abortOnError: false });
  try {
    const eventStore = context.get<EventStore>(EVENT_STORE);
    const readStore = context.get<ReadStore>(READ_STORE);
    await rebuild(eventStore, readStore, projections);
    // Only once all of them are: until then some read models may still come from another event store.
    if (projections === planProjections) await recordReadModelOrigin(eventStore, readStore);
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  const known =
    error instanceof RebuildRefused || error instanceof ConfigurationError || error instanceof StoreUnavailableError;
  process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
