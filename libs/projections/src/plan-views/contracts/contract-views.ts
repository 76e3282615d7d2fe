import type { Contract } from '@app/domain';

/** The plan view's contracts register, in ref order. */
export type ContractsPart = { contracts: Contract[] };

export const emptyContractsPart = (): ContractsPart => ({ contracts: [] });
