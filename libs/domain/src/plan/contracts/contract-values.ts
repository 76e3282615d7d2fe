import type { TargetDate } from '../priorities/priority-values';

/**
 * A contract of the service's register, as its contracts register prints it. Its dates are kept as
 * written ("March 2014") with the date they mean where they mean one, as target dates are.
 */
export interface ContractFields {
  title: string;
  serviceArea: string | null;
  contact: string | null;
  description: string | null;
  supplier: string;
  /** The contract sum in pounds. */
  value: number | null;
  start: TargetDate | null;
  end: TargetDate | null;
  review: TargetDate | null;
  /** The option to extend and its length, as written ("Annual renewal"). */
  extension: string | null;
}

export type Contract = { ref: string } & ContractFields;
