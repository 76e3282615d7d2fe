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

/**
 * One computed total: the sum of every line's amount for that year and kind, beside the total the
 * plan prints for it, if it prints one, so that a printed total that disagrees shows as such.
 */
export interface BudgetTotal {
  year: string;
  kind: BudgetKind;
  value: number;
  /** How many lines have an amount for that year and kind. */
  lines: number;
  /** The total as the plan prints it, or null when it prints none. */
  printed: number | null;
  /** The computed total less the printed one (positive: the lines add up to more than printed), or null. */
  difference: number | null;
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

/** The first and last years (by the calendar year each starts in) a budget of a plan over `period` may name. */
export function budgetYearStarts(period: { from: string; to: string }): { first: number; last: number } {
  return {
    first: Number(period.from.slice(0, 4)) - BUDGET_YEARS_BEFORE_PLAN,
    last: Number(period.to.slice(0, 4)) - 1 + BUDGET_YEARS_AFTER_PLAN,
  };
}

/** Amounts in year order, and within a year in the order original, latest, forecast, outturn. */
export function compareBudgetAmounts(a: Pick<BudgetAmount, 'year' | 'kind'>, b: Pick<BudgetAmount, 'year' | 'kind'>): number {
  if (a.year !== b.year) return a.year < b.year ? -1 : 1;
  return BUDGET_KINDS.indexOf(a.kind) - BUDGET_KINDS.indexOf(b.kind);
}

/** Pounds as whole pence, so that sums are exact: 0.1 + 0.2 is 30 pence, not 0.30000000000000004 pounds. */
export const penceOf = (pounds: number): number => Math.round(pounds * 100);

/**
 * The totals per year and kind of the given lines' amounts, with the printed totals beside them, in
 * amount order; a year and kind printed but without lines totals 0. Computed in whole pence, then
 * given back as pounds.
 */
export function budgetTotals(
  lines: ReadonlyArray<{ amounts: readonly BudgetAmount[] }>,
  printed: readonly BudgetAmount[],
): BudgetTotal[] {
  type Sum = { year: string; kind: BudgetKind; pence: number; lines: number; printedPence: number | null };
  const sums = new Map<string, Sum>();
  const sumOf = ({ year, kind }: BudgetAmount): Sum =>
    sums.get(`${year} ${kind}`) ?? { year, kind, pence: 0, lines: 0, printedPence: null };
  for (const { amounts } of lines) {
    for (const amount of amounts) {
      const sum = sumOf(amount);
      sums.set(`${amount.year} ${amount.kind}`, { ...sum, pence: sum.pence + penceOf(amount.value), lines: sum.lines + 1 });
    }
  }
  for (const total of printed) sums.set(`${total.year} ${total.kind}`, { ...sumOf(total), printedPence: penceOf(total.value) });
  return [...sums.values()].sort(compareBudgetAmounts).map(({ year, kind, pence, lines: count, printedPence }) => ({
    year,
    kind,
    value: pence / 100,
    lines: count,
    printed: printedPence === null ? null : printedPence / 100,
    difference: printedPence === null ? null : (pence - printedPence) / 100,
  }));
}
