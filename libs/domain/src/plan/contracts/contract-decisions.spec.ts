import type { PlanEvent } from '../plan-events';
import { PLAN_LIMITS } from '../plan-limits';
import { given } from '../testing/given-when-then';
import { approvedPlan, closedPlan, draftPlan, HART_PLAN_ID } from '../testing/plan-fixtures';
import type { Contract } from './contract-values';

const planId = HART_PLAN_ID;

/** Three Rivers' one contract, as its plan prints it. */
const websiteHosting = {
  ref: 'C1',
  title: 'Website hosting, licence and maintenance',
  serviceArea: 'Communications',
  contact: 'Phil King',
  description: 'Website hosting, licence and maintenance',
  supplier: 'Byte9',
  value: 19_700,
  start: 'March 2014',
  extension: 'Annual renewal',
};
const websiteHostingContract: Contract = {
  ...websiteHosting,
  start: { text: 'March 2014', date: '2014-03-31' },
  end: null,
  review: null,
};
const contractAdded: PlanEvent = { type: 'ContractAdded', data: { planId, contract: websiteHostingContract } };
const withContract = [...draftPlan, contractAdded];

describe('adding a contract', () => {
  it('keeps its dates as written, with the date they mean, and leaves unsaid fields empty', () => {
    given(draftPlan)
      .when({ type: 'AddContract', data: websiteHosting })
      .then([contractAdded]);
    given(draftPlan)
      .when({ type: 'AddContract', data: { ref: 'C2', title: 'Payroll', supplier: 'Acme', end: '31/03/2024', review: 'Annual' } })
      .then([
        {
          type: 'ContractAdded',
          data: {
            planId,
            contract: {
              ref: 'C2',
              title: 'Payroll',
              serviceArea: null,
              contact: null,
              description: null,
              supplier: 'Acme',
              value: null,
              start: null,
              end: { text: '31/03/2024', date: '2024-03-31' },
              review: { text: 'Annual', date: null },
              extension: null,
            },
          },
        },
      ]);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when({ type: 'AddContract', data: websiteHosting })
      .then([{ type: 'PlanReopenedForRevision', data: { planId, reason: 'Contract C1 added' } }, contractAdded]);
  });

  it('refuses a ref already in the register', () => {
    given(withContract)
      .when({ type: 'AddContract', data: { ...websiteHosting, title: 'Another' } })
      .thenRefused('rule-broken', /^Contract 'C1' is already in this plan/);
  });

  it('refuses a negative sum and an impossible date', () => {
    given(draftPlan)
      .when({ type: 'AddContract', data: { ...websiteHosting, value: -1 } })
      .thenRefused('rule-broken', /sum is in pounds and cannot be negative/);
    given(draftPlan)
      .when({ type: 'AddContract', data: { ...websiteHosting, end: '31/06/2024' } })
      .thenRefused('rule-broken', /June 2024 has 30 days/);
  });

  it('refuses a contract beyond the plan\'s limit', () => {
    const full: PlanEvent[] = Array.from({ length: PLAN_LIMITS.contractsPerPlan.limit }, (_, index) => ({
      type: 'ContractAdded',
      data: { planId, contract: { ...websiteHostingContract, ref: `C${index + 100}` } },
    }));
    given(draftPlan, full)
      .when({ type: 'AddContract', data: websiteHosting })
      .thenRefused('rule-broken', /^A plan may have at most 200 contracts: this plan would have 201\.$/);
  });

  it('refuses a closed plan', () => {
    given(closedPlan).when({ type: 'AddContract', data: websiteHosting }).thenRefused('rule-broken', /is closed/);
  });
});

describe('revising a contract', () => {
  it('records the fields that change with their old values, dates read again', () => {
    given(withContract)
      .when({
        type: 'ReviseContract',
        data: { ref: 'C1', supplier: 'Byte9', value: 21_000, end: 'March 2025', extension: null, reason: 'Renewed for 2024/25' },
      })
      .then([
        {
          type: 'ContractRevised',
          data: {
            planId,
            ref: 'C1',
            changes: { value: 21_000, end: { text: 'March 2025', date: '2025-03-31' }, extension: null },
            previous: { value: 19_700, end: null, extension: 'Annual renewal' },
            reason: 'Renewed for 2024/25',
          },
        },
      ]);
  });

  it('refuses a revision that changes nothing, one without a reason, and an unknown ref', () => {
    given(withContract)
      .when({ type: 'ReviseContract', data: { ref: 'C1', start: 'March 2014', reason: 'Checked' } })
      .thenRefused('rule-broken', /^Nothing would change: contract C1 already says that\.$/);
    given(withContract)
      .when({ type: 'ReviseContract', data: { ref: 'C1', value: 1, reason: '  ' } })
      .thenRefused('rule-broken', /^Give a reason for revising contract C1\.$/);
    given(draftPlan)
      .when({ type: 'ReviseContract', data: { ref: 'C9', value: 1, reason: 'x' } })
      .thenRefused('not-found', /^Contract 'C9' is not in this plan\.$/);
  });
});

describe('removing a contract', () => {
  it('keeps the contract as it was in the event', () => {
    given(withContract)
      .when({ type: 'RemoveContract', data: { ref: 'C1', reason: 'Ended with the new website' } })
      .then([{ type: 'ContractRemoved', data: { planId, contract: websiteHostingContract, reason: 'Ended with the new website' } }]);
  });

  it('refuses without a reason, or a contract not in the register', () => {
    given(withContract)
      .when({ type: 'RemoveContract', data: { ref: 'C1', reason: '' } })
      .thenRefused('rule-broken', /^Give a reason for removing contract C1\.$/);
    given(withContract, [{ type: 'ContractRemoved', data: { planId, contract: websiteHostingContract, reason: 'Ended' } }])
      .when({ type: 'RemoveContract', data: { ref: 'C1', reason: 'Again' } })
      .thenRefused('not-found', /^Contract 'C1' is not in this plan\.$/);
  });
});
