import type { ContractEvent } from '@app/domain';
import type { ChangeKindWords, EventTraitsTable } from '../section-traits';
import { clip, listFields, withReason } from '../summary-text';

export const CONTRACT_CHANGE_KINDS = [
  ['contractsAdded', 'contract added', 'contracts added'],
  ['contractsRevised', 'contract revised', 'contracts revised'],
  ['contractsRemoved', 'contract removed', 'contracts removed'],
] as const satisfies ChangeKindWords<string>;

type ContractChangeKind = (typeof CONTRACT_CHANGE_KINDS)[number][0];

const contract = (ref: string) => ({ kind: 'contract' as const, ref });

export const CONTRACT_EVENT_TRAITS: EventTraitsTable<ContractEvent, ContractChangeKind, 'contract'> = {
  ContractAdded: {
    returns: 'none',
    summary: ({ data: { contract: added } }) => `Contract ${added.ref} added: ${clip(added.title)}, with ${clip(added.supplier)}`,
    touches: ({ data }) => contract(data.contract.ref),
    change: ({ data }) => ({ kind: 'contractsAdded', ref: data.contract.ref, name: data.contract.title }),
  },
  ContractRevised: {
    returns: 'none',
    summary: ({ data }) => withReason(`Contract ${data.ref} revised (${listFields(data.changes)})`, data.reason),
    touches: ({ data }) => contract(data.ref),
    change: ({ data }) => ({ kind: 'contractsRevised', ref: data.ref, name: data.reason }),
  },
  ContractRemoved: {
    returns: 'none',
    summary: ({ data }) => withReason(`Contract ${data.contract.ref} removed`, data.reason),
    touches: ({ data }) => contract(data.contract.ref),
    change: ({ data }) => ({ kind: 'contractsRemoved', ref: data.contract.ref, name: data.contract.title }),
  },
};
