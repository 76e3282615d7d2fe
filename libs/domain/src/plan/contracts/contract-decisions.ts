import { DomainError } from '../../domain-error';
import type { CommandDeciders, OpenPlan } from '../decision-rules';
import { requireReason, structuralChange } from '../decision-rules';
import { requireItem, requireNewKey, revisedFields } from '../keyed-items';
import type { PlanEvent } from '../plan-events';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import { parseTargetDate } from '../priorities/target-dates';
import type { TargetDate } from '../priorities/priority-values';
import type { AddContract, ContractCommand, RemoveContract, ReviseContract } from './contract-commands';
import type { ContractFields } from './contract-values';

const NOUN = 'Contract';

/** The contracts register: contracts added, revised and removed by ref. */
export const CONTRACT_DECIDERS: CommandDeciders<ContractCommand> = {
  AddContract: addContract,
  ReviseContract: reviseContract,
  RemoveContract: removeContract,
};

function addContract(command: AddContract, plan: OpenPlan): PlanEvent[] {
  const { ref, title, supplier } = command.data;
  requireNewKey(plan.contracts, ref, NOUN);
  requireWithinLimit(PLAN_LIMITS.contractsPerPlan, Object.keys(plan.contracts).length + 1, 'this plan');
  const contract = {
    ref,
    title,
    serviceArea: command.data.serviceArea ?? null,
    contact: command.data.contact ?? null,
    description: command.data.description ?? null,
    supplier,
    value: contractSum(ref, command.data.value ?? null),
    start: writtenDate(command.data.start ?? null),
    end: writtenDate(command.data.end ?? null),
    review: writtenDate(command.data.review ?? null),
    extension: command.data.extension ?? null,
  };
  return structuralChange(plan, `Contract ${ref} added`, [{ type: 'ContractAdded', data: { planId: plan.planId, contract } }]);
}

function reviseContract(command: ReviseContract, plan: OpenPlan): PlanEvent[] {
  const { ref, start, end, review, value } = command.data;
  const contract = requireItem(plan.contracts, ref, NOUN);
  const reason = requireReason(command.data.reason, `revising contract ${ref}`);
  const { changes, previous } = revisedFields<ContractFields>(
    contract,
    {
      title: command.data.title,
      serviceArea: command.data.serviceArea,
      contact: command.data.contact,
      description: command.data.description,
      supplier: command.data.supplier,
      value: value === undefined ? undefined : contractSum(ref, value),
      start: start === undefined ? undefined : writtenDate(start),
      end: end === undefined ? undefined : writtenDate(end),
      review: review === undefined ? undefined : writtenDate(review),
      extension: command.data.extension,
    },
    NOUN,
    ref,
  );
  return structuralChange(plan, reason, [{ type: 'ContractRevised', data: { planId: plan.planId, ref, changes, previous, reason } }]);
}

function removeContract(command: RemoveContract, plan: OpenPlan): PlanEvent[] {
  const { ref } = command.data;
  const contract = requireItem(plan.contracts, ref, NOUN);
  const reason = requireReason(command.data.reason, `removing contract ${ref}`);
  return structuralChange(plan, reason, [{ type: 'ContractRemoved', data: { planId: plan.planId, contract, reason } }]);
}

function contractSum(ref: string, value: number | null): number | null {
  if (value !== null && (!Number.isFinite(value) || value < 0)) {
    throw DomainError.ruleBroken(`Contract ${ref}'s sum is in pounds and cannot be negative: ${value} is not a sum.`);
  }
  return value;
}

/** A date as the register words it; blank means none. */
function writtenDate(text: string | null): TargetDate | null {
  return text?.trim() ? parseTargetDate(text) : null;
}
