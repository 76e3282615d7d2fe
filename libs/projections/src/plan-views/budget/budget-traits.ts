import { compareBudgetAmounts, type BudgetAmount, type BudgetEvent, type BudgetLineFields } from '@app/domain';
import type { ChangeKindWords, EventTraitsTable } from '../section-traits';
import { clip, counted, withReason } from '../summary-text';

export const BUDGET_CHANGE_KINDS = [
  ['budgetLinesAdded', 'budget line added', 'budget lines added'],
  ['budgetLinesRevised', 'budget line revised', 'budget lines revised'],
  ['budgetLinesRemoved', 'budget line removed', 'budget lines removed'],
  ['budgetPrintedTotalsSet', 'printed budget total set', 'printed budget totals set'],
  ['budgetPrintedTotalsRemoved', 'printed budget total removed', 'printed budget totals removed'],
] as const satisfies ChangeKindWords<string>;

type BudgetChangeKind = (typeof BUDGET_CHANGE_KINDS)[number][0];

const budgetLine = (code: string) => ({ kind: 'budgetLine' as const, ref: code });

export const BUDGET_EVENT_TRAITS: EventTraitsTable<BudgetEvent, BudgetChangeKind, 'budgetLine'> = {
  BudgetLineAdded: {
    returns: 'none',
    summary: ({ data }) => `Budget line ${data.code} added: ${clip(data.title)} (${counted(data.amounts.length, 'amount', 'amounts')})`,
    touches: ({ data }) => budgetLine(data.code),
    change: ({ data }) => ({ kind: 'budgetLinesAdded', ref: data.code, name: data.title }),
  },
  BudgetLineRevised: {
    returns: 'none',
    summary: ({ data }) => withReason(`Budget line ${data.code} revised (${describeRevision(data.changes, data.previous)})`, data.reason),
    touches: ({ data }) => budgetLine(data.code),
    change: ({ data }) => ({ kind: 'budgetLinesRevised', ref: data.code, name: data.reason }),
  },
  BudgetLineRemoved: {
    returns: 'none',
    summary: ({ data }) => withReason(`Budget line ${data.code} removed`, data.reason),
    touches: ({ data }) => budgetLine(data.code),
    change: ({ data }) => ({ kind: 'budgetLinesRemoved', ref: data.code, name: data.previous.title }),
  },
  BudgetPrintedTotalSet: {
    returns: 'none',
    summary: ({ data: { year, kind, value, previous, reason } }) =>
      withReason(
        `Printed ${year} ${kind} budget total set to ${formatPounds(value)}${previous === null ? '' : ` (was ${formatPounds(previous)})`}`,
        reason,
      ),
    touches: () => null,
    change: ({ data }) => ({ kind: 'budgetPrintedTotalsSet', ref: `${data.year} ${data.kind}`, name: formatPounds(data.value) }),
  },
  BudgetPrintedTotalRemoved: {
    returns: 'none',
    summary: ({ data }) => withReason(`Printed ${data.year} ${data.kind} budget total of ${formatPounds(data.previous)} removed`, data.reason),
    touches: () => null,
    change: ({ data }) => ({ kind: 'budgetPrintedTotalsRemoved', ref: `${data.year} ${data.kind}`, name: formatPounds(data.previous) }),
  },
};

/** Amount changes named one by one when few; beyond this many, counted. */
const NAMED_AMOUNT_CHANGES = 3;

/** "title; 2020/21 outturn £1,790,112.40 added; 2021/22 latest £1,768,881 → £1,770,000". */
function describeRevision(changes: Partial<BudgetLineFields>, previous: Partial<BudgetLineFields>): string {
  const fields = [changes.title !== undefined && 'title', changes.note !== undefined && 'note'].filter(
    (field): field is string => field !== false,
  );
  const amounts = changes.amounts ? amountChanges(previous.amounts ?? [], changes.amounts) : [];
  const named = amounts.length > NAMED_AMOUNT_CHANGES ? [counted(amounts.length, 'amount changed', 'amounts changed')] : amounts;
  return [...fields, ...named].join('; ');
}

function amountChanges(before: readonly BudgetAmount[], after: readonly BudgetAmount[]): string[] {
  const name = (amount: BudgetAmount) => `${amount.year} ${amount.kind}`;
  const find = (amounts: readonly BudgetAmount[], amount: BudgetAmount) =>
    amounts.find((other) => compareBudgetAmounts(other, amount) === 0);
  const described: Array<[BudgetAmount, string]> = [];
  for (const amount of after) {
    const old = find(before, amount);
    if (!old) described.push([amount, `${name(amount)} ${formatPounds(amount.value)} added`]);
    else if (old.value !== amount.value) {
      described.push([amount, `${name(amount)} ${formatPounds(old.value)} → ${formatPounds(amount.value)}`]);
    }
  }
  for (const amount of before) {
    if (!find(after, amount)) described.push([amount, `${name(amount)} ${formatPounds(amount.value)} removed`]);
  }
  return described.sort(([a], [b]) => compareBudgetAmounts(a, b)).map(([, text]) => text);
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const withPence = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Pounds as a budget prints them: "£1,824,973", "-£98,450.50" (pence shown only when there are some). */
export function formatPounds(value: number): string {
  const magnitude = Math.abs(value);
  const number = Number.isInteger(magnitude) ? whole.format(magnitude) : withPence.format(magnitude);
  return `${value < 0 ? '-' : ''}£${number}`;
}
