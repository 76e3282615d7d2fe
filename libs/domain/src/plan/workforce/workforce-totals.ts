import type { WorkforceUnit } from './workforce-values';

export interface WorkforceTotals {
  headcount: number;
  /** Null unless every unit gives its FTE: a total of some units' FTE would read as the service's. */
  fte: number | null;
}

/** The totals a plan prints under its units, computed from them, never entered. */
export function workforceTotals(units: readonly WorkforceUnit[]): WorkforceTotals {
  const headcount = units.reduce((total, unit) => total + unit.headcount, 0);
  const ftes = units.map((unit) => unit.fte);
  const fte = ftes.every((value): value is number => value !== null)
    ? // Hundredths, so that 3.6 + 0.8 reads 4.4 and not the float sum's 4.3999999999999995.
      Math.round(ftes.reduce((total, value) => total + value, 0) * 100) / 100
    : null;
  return { headcount, fte };
}
