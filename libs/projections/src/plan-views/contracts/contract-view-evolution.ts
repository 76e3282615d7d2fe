import type { Contract, ContractEvent, TargetDate } from '@app/domain';
import { removeByKey, updateByKey, upsertByKey } from '../keyed-parts';
import type { ViewEvolvers } from '../section-traits';

const refOf = (contract: Contract) => contract.ref;

export const CONTRACT_VIEW_EVOLVERS: ViewEvolvers<ContractEvent> = {
  ContractAdded: (view, { data }) => ({ ...view, contracts: upsertByKey(view.contracts, refOf, contractView(data.contract)) }),
  ContractRevised: (view, { data: { ref, changes } }) => ({
    ...view,
    contracts: updateByKey(view.contracts, refOf, ref, (contract) => contractView({ ...contract, ...changes })),
  }),
  ContractRemoved: (view, { data }) => ({ ...view, contracts: removeByKey(view.contracts, refOf, data.contract.ref) }),
};

/** Built field by field, so that the view's keys come in one order whatever order the event's came in. */
const contractView = (contract: Contract): Contract => ({
  ref: contract.ref,
  title: contract.title,
  serviceArea: contract.serviceArea,
  contact: contract.contact,
  description: contract.description,
  supplier: contract.supplier,
  value: contract.value,
  start: dateView(contract.start),
  end: dateView(contract.end),
  review: dateView(contract.review),
  extension: contract.extension,
});

const dateView = (date: TargetDate | null): TargetDate | null => (date ? { text: date.text, date: date.date } : null);
