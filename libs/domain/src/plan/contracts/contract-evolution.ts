import type { EventEvolvers } from '../evolution-rules';
import { withItem, withoutItem, withRevisedItem } from '../keyed-items';
import type { ContractEvent } from './contract-events';

export const CONTRACT_EVOLVERS: EventEvolvers<ContractEvent> = {
  ContractAdded: (state, { data: { contract } }) => ({ ...state, contracts: withItem(state.contracts, contract.ref, contract) }),
  ContractRevised: (state, { data: { ref, changes } }) => ({ ...state, contracts: withRevisedItem(state.contracts, ref, changes) }),
  ContractRemoved: (state, { data: { contract } }) => ({ ...state, contracts: withoutItem(state.contracts, contract.ref) }),
};
