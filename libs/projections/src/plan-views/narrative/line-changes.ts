import { counted } from '../summary-text';

/**
 * How many lines a revision of a text changed, as a history line says it: "3 lines changed",
 * "1 line changed, 2 lines added". Lines are matched in order (their longest common sequence), so a
 * line edited in place counts once as changed, not as one removed and one added.
 */
export function lineChanges(before: string, after: string): string {
  const { removed, added } = unmatchedLines(before.split('\n'), after.split('\n'));
  const changed = Math.min(removed, added);
  const parts = [
    [changed, 'line changed', 'lines changed'],
    [added - changed, 'line added', 'lines added'],
    [removed - changed, 'line removed', 'lines removed'],
  ] as const;
  return parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => counted(count, one, many))
    .join(', ');
}

/** Lines of each side outside the longest sequence the two share, after their common start and end. */
function unmatchedLines(before: string[], after: string[]): { removed: number; added: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end += 1;
  }
  const old = before.slice(start, before.length - end);
  const now = after.slice(start, after.length - end);
  const common = longestCommonSequence(old, now);
  return { removed: old.length - common, added: now.length - common };
}

/** Its length, in two rows: section texts are bounded in lines, so this stays small. */
function longestCommonSequence(a: string[], b: string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (const line of a) {
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = line === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
