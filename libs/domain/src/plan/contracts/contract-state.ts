import type { Contract } from './contract-values';

/** What the decider knows of a plan's contracts register. */
export interface ContractsSlice {
  /** Contracts in the register, by ref. */
  contracts: Record<string, Contract>;
}

export const initialContractsSlice = (): ContractsSlice => ({ contracts: {} });
