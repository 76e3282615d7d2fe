import type { PlanPeriod } from '../plan/plan-values';

/** What a council's corporate plan holds, apart from how it is decided (corporate-plan.ts), so that a plan's decisions may name it. */

export interface CorporateObjective {
  ref: string;
  text: string;
}

export interface CorporateTheme {
  /** What service plans link by ("planet"); kept through a change of title. */
  id: string;
  title: string;
  objectives: CorporateObjective[];
}

export interface CorporatePlan {
  corporatePlanId: string;
  council: string;
  title: string;
  period: PlanPeriod;
  themes: CorporateTheme[];
}

/** The council's corporate plans, by id. */
export interface CorporatePlansState {
  plans: Record<string, CorporatePlan>;
}
