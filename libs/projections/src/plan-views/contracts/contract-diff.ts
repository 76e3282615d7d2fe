import type { DiffEntries } from '../section-traits';

/** Contracts by ref, every field of each. */
export const CONTRACT_DIFF_ENTRIES = {
  contract: (view) => view.contracts.map((contract) => [contract.ref, contract]),
} satisfies Record<string, DiffEntries>;
