import type { PlanCommandOf } from '../plan-message';

/** Dates as the register words them: "March 2014", "31/03/2024", "Annual". */
export interface ContractInput {
  title: string;
  serviceArea?: string;
  contact?: string;
  description?: string;
  supplier: string;
  value?: number;
  start?: string;
  end?: string;
  review?: string;
  extension?: string;
}

export type AddContract = PlanCommandOf<'AddContract', { ref: string } & ContractInput>;

/** Any of the fields; null clears an optional one. */
export type ReviseContract = PlanCommandOf<
  'ReviseContract',
  {
    ref: string;
    title?: string;
    serviceArea?: string | null;
    contact?: string | null;
    description?: string | null;
    supplier?: string;
    value?: number | null;
    start?: string | null;
    end?: string | null;
    review?: string | null;
    extension?: string | null;
    reason: string;
  }
>;

export type RemoveContract = PlanCommandOf<'RemoveContract', { ref: string; reason: string }>;

export type ContractCommand = AddContract | ReviseContract | RemoveContract;
