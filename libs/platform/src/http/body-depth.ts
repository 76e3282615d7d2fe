/**
 * How deeply a parsed JSON body nests objects and lists: no command needs more than a handful of
 * levels, while thousands overflow the stack of every recursive walk after parsing (whitelisting,
 * class-transformer, class-validator). The walk itself keeps its own stack, so any depth is safe to measure.
 */
export const MAX_BODY_DEPTH = 32;

/** True when `value` holds an object or list more than `limit` levels down (the body itself is level 1). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) pending.push({ value: child, depth: depth + 1 });
  }
  return false;
}
