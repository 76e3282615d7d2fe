import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { Contract, ContractFields } from './contract-values';

export type ContractAdded = PlanEventOf<'ContractAdded', { contract: Contract }>;

/** `previous` holds the old values of exactly the fields in `changes`. */
export type ContractRevised = PlanEventOf<
  'ContractRevised',
  { ref: string; changes: Partial<ContractFields>; previous: Partial<ContractFields>; reason: string }
>;

/** Carries the contract as it was, so that an auditor reads what left the register from the event alone. */
export type ContractRemoved = PlanEventOf<'ContractRemoved', { contract: Contract; reason: string }>;

export type ContractEvent = ContractAdded | ContractRevised | ContractRemoved;

export const CONTRACT_EVENT_DEFINITIONS: EventDefinitions<ContractEvent> = {
  ContractAdded: { schemaVersion: 1, role: 'structure' },
  ContractRevised: { schemaVersion: 1, role: 'structure' },
  ContractRemoved: { schemaVersion: 1, role: 'structure' },
};
