import type { PlanDrafted, RiskAdded } from '../plan-events';

/**
 * Three Rivers' Corporate Services plan 2020-23 and two of the nine risks its register prints
 * (section 2.4), with their residual scores as printed. The plan gives no references: R1 to R9 are
 * the register's order. Inherent scores are not printed; the one given to R1 is ILLUSTRATIVE.
 */

export const THREE_RIVERS_PLAN_ID = 'three-rivers-corporate-services-2020-23';
const planId = THREE_RIVERS_PLAN_ID;

export const threeRiversDrafted: PlanDrafted = {
  type: 'PlanDrafted',
  data: {
    planId,
    council: 'three-rivers',
    service: 'Corporate Services',
    title: 'Corporate Services Service Plan 2020-2023',
    period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
    owner: null,
  },
};

export const insufficientStaffAdded: RiskAdded = {
  type: 'RiskAdded',
  data: {
    planId,
    ref: 'R1',
    title: 'Insufficient staff',
    owner: null,
    inherent: { likelihood: 3, impact: 3, score: 9, band: 'high' },
    residual: { likelihood: 2, impact: 2, score: 4, band: 'low' },
    controls: null,
    reviewDate: null,
  },
};

export const fraudAdded: RiskAdded = {
  type: 'RiskAdded',
  data: {
    planId,
    ref: 'R4',
    title: 'Fraudulent activity',
    owner: null,
    inherent: null,
    residual: { likelihood: 1, impact: 2, score: 2, band: 'low' },
    controls: null,
    reviewDate: null,
  },
};
