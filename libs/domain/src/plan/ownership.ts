import { DomainError } from '../domain-error';

/**
 * Who answers for an item's returns and who checks them, each by user id (the `sub` of their token,
 * as `recordedBy` names who entered a figure): an indicator's owner enters its actuals and its approver
 * verifies them; a priority's owner reports its progress and its approver signs it off. Null when
 * nobody is named.
 */
export interface Ownership {
  owner: string | null;
  approver: string | null;
}

export const NOBODY_NAMED: Ownership = { owner: null, approver: null };

/** What a command asks: undefined leaves a name as it is, null or blank clears it. */
export interface OwnershipRequest {
  owner?: string | null;
  approver?: string | null;
}

/**
 * The ownership once `requested` is applied to `current`, or null when nothing would change. The
 * owner is never the approver: a return is checked by someone other than the officer answering for it.
 */
export function requestedOwnership(current: Ownership, requested: OwnershipRequest, item: string): Ownership | null {
  const next: Ownership = {
    owner: requested.owner === undefined ? current.owner : requested.owner?.trim() || null,
    approver: requested.approver === undefined ? current.approver : requested.approver?.trim() || null,
  };
  if (next.owner !== null && next.owner === next.approver) {
    throw DomainError.ruleBroken(
      `${next.owner} cannot be both the owner and the approver of ${item}: its returns are checked by someone other than the officer responsible for them, so name another approver.`,
    );
  }
  return next.owner === current.owner && next.approver === current.approver ? null : next;
}
