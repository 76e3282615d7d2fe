import type { EventStore } from '@app/event-store';
import type { ReadStore } from '@app/read-store';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Projection } from './projection';

export const CHECKPOINT_POLL_INTERVAL_MS = 20;

/**
 * The checkpoint a projection must reach before a reader may see everything up to `position`, or
 * null when it has nothing to wait for. `filteredHead` is the projection's newest matching event,
 * read after the event at `position` was stored: when it is below `position`, the projection does
 * not see that event and need only have applied what it does see.
 */
export function checkpointTarget(position: number, filteredHead: number | null): number | null {
  return filteredHead === null ? null : Math.min(position, filteredHead);
}

export function hasReached(checkpoint: number | null, target: number | null): boolean {
  return target === null || (checkpoint !== null && checkpoint >= target);
}

/**
 * `Projector.waitFor` for a reader in another process than the projector: polls the checkpoints
 * every 20 ms. Resolves true once every projection has applied everything it sees up to `position`,
 * false after `timeoutMs`.
 */
export async function waitForCheckpoints(
  readStore: ReadStore,
  eventStore: EventStore,
  projections: Array<Pick<Projection, 'name' | 'filter'>>,
  position: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const targets = await Promise.all(
    projections.map(async ({ name, filter }) => ({
      name,
      target: checkpointTarget(position, await eventStore.headPosition(filter)),
    })),
  );
  const waitingFor = targets.filter(({ target }) => target !== null);
  for (;;) {
    if (waitingFor.length === 0) return true;
    const checkpoints = new Map(
      (await readStore.listCheckpoints()).map((checkpoint) => [checkpoint.projection, checkpoint.position]),
    );
    if (waitingFor.every(({ name, target }) => hasReached(checkpoints.get(name) ?? null, target))) return true;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return false;
    await sleep(Math.min(CHECKPOINT_POLL_INTERVAL_MS, remaining));
  }
}
