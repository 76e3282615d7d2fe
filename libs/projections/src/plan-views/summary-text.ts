import type { Ownership } from '@app/domain';

/** Pieces of the one-line summaries every section writes. */

const TITLE_LIMIT = 80;

/** Long titles ("Review Medium Term Financial Strategy to ensure ...") cut at a word. */
export function clip(text: string): string {
  if (text.length <= TITLE_LIMIT) return text;
  const cut = text.slice(0, TITLE_LIMIT);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export const withReason = (line: string, reason: string | null | undefined): string =>
  reason ? `${line}: ${reason}` : line;

export const listFields = (changes: object): string => Object.keys(changes).join(', ');

/**
 * Who is named where nobody or someone else was: "owner u-jones, approver u-patel to u-khan",
 * "no approver".
 */
export function describeOwnership(ownership: Ownership, previous: Ownership): string {
  return (['owner', 'approver'] as const)
    .flatMap((role) => {
      const [before, after] = [previous[role], ownership[role]];
      if (before === after) return [];
      if (after === null) return [`no ${role}`];
      return [before === null ? `${role} ${after}` : `${role} ${before} to ${after}`];
    })
    .join(', ');
}

/** "1 target", "3 targets". */
export const counted = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
