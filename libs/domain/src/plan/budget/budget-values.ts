/**
 * Values of a plan's budget: lines per cost centre or service, each with amounts per financial year
 * and kind. Amounts are pounds, as a committee reads them (plans print £ or £'000; £'000 figures are
 * entered as pounds), to the penny at most; income is negative.
 */

/** The budget as set (`original`), as revised during the year (`latest`), as expected (`forecast`), as spent (`outturn`). */
export const BUDGET_KINDS = ['original', 'latest', 'forecast', 'outturn'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

export interface BudgetAmount {
  /** A financial year in canonical form: "2020/21". */
  year: string;
  kind: BudgetKind;
  /** Pounds, to the penny at most; negative for income. */
  value: number;
}

/** One computed total: the sum of every line's amount for that year and kind. */
export interface BudgetTotal {
  year: string;
  kind: BudgetKind;
  value: number;
  /** How many lines have an amount for that year and kind. */
  lines: number;
}

/**
 * The largest amount one line may hold, either way: ten billion pounds, above the whole budget of
 * any council (the largest spend a few billion a year). It keeps every sum exact in pence: 200
 * lines of it are 2 × 10^14 pence, far inside the integers a double holds exactly.
 */
export const MAX_BUDGET_AMOUNT = 10_000_000_000;

/**
 * The years a plan's budget may name: from two years before the plan's first (the prior years'
 * original, latest and outturn that plans print beside their own) to three after its last (a
 * medium-term financial strategy's horizon).
 */
export const BUDGET_YEARS_BEFORE_PLAN = 2;
export const BUDGET_YEARS_AFTER_PLAN = 3;

/** Amounts in year order, and within a year in the order original, latest, forecast, outturn. */
export function compareBudgetAmounts(a: Pick<BudgetAmount, 'year' | 'kind'>, b: Pick<BudgetAmount, 'year' | 'kind'>): number {
  if (a.year !== b.year) return a.year < b.year ? -1 : 1;
  return BUDGET_KINDS.indexOf(a.kind) - BUDGET_KINDS.indexOf(b.kind);
}

/** Pounds as whole pence, so that sums are exact: 0.1 + 0.2 is 30 pence, not 0.30000000000000004 pounds. */
export const penceOf = (pounds: number): number => Math.round(pounds * 100);

/**
 * The totals per year and kind of the given lines' amounts, in amount order. Computed in whole
 * pence, then given back as pounds.
 */
export function budgetTotals(lines: ReadonlyArray<{ amounts: readonly BudgetAmount[] }>): BudgetTotal[] {
  const sums = new Map<string, { year: string; kind: BudgetKind; pence: number; lines: number }>();
  for (const { amounts } of lines) {
    for (const { year, kind, value } of amounts) {
      const key = `${year} ${kind}`;
      const sum = sums.get(key) ?? { year, kind, pence: 0, lines: 0 };
      sums.set(key, { ...sum, pence: sum.pence + penceOf(value), lines: sum.lines + 1 });
    }
  }
  return [...sums.values()]
    .sort(compareBudgetAmounts)
    .map(({ year, kind, pence, lines: count }) => ({ year, kind, value: pence / 100, lines: count }));
}
