/** How often a reader polls the stored checkpoints of projections another instance runs. */
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
