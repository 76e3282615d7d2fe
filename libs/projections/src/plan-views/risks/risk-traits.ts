import type { AssessedScore, RiskEvent, RiskFields } from '@app/domain';
import type { ChangeKindWords, EventTraitsTable } from '../section-traits';
import { clip, withReason } from '../summary-text';

export const RISK_CHANGE_KINDS = [
  ['risksAdded', 'risk added', 'risks added'],
  ['risksRevised', 'risk revised', 'risks revised'],
  ['risksRemoved', 'risk removed', 'risks removed'],
] as const satisfies ChangeKindWords<string>;

type RiskChangeKind = (typeof RISK_CHANGE_KINDS)[number][0];

const risk = (ref: string) => ({ kind: 'risk' as const, ref });

/** "3 × 4 = 12, high": the score and band the event recorded, as the matrix then in force gave them. */
const describeScore = ({ likelihood, impact, score, band }: AssessedScore): string =>
  `${likelihood} × ${impact} = ${score}, ${band.replace(/-/g, ' ')}`;

const describeOptionalScore = (score: AssessedScore | null | undefined): string => (score ? describeScore(score) : 'none');

/** Names each changed field, with before and after for the scores ("residual 2 × 2 = 4, low to 3 × 2 = 6, medium"). */
function describeRiskChanges(changes: Partial<RiskFields>, previous: Partial<RiskFields>): string {
  return (Object.keys(changes) as Array<keyof RiskFields>)
    .map((field) =>
      field === 'inherent' || field === 'residual'
        ? `${field} ${describeOptionalScore(previous[field])} to ${describeOptionalScore(changes[field])}`
        : field,
    )
    .join('; ');
}

export const RISK_EVENT_TRAITS: EventTraitsTable<RiskEvent, RiskChangeKind, 'risk'> = {
  RiskAdded: {
    returns: 'none',
    summary: ({ data }) => {
      const inherent = data.inherent ? `inherent ${describeScore(data.inherent)}; ` : '';
      return `Risk ${data.ref} added: ${clip(data.title)} (${inherent}residual ${describeScore(data.residual)})`;
    },
    touches: ({ data }) => risk(data.ref),
    change: ({ data }) => ({ kind: 'risksAdded', ref: data.ref, name: data.title }),
  },
  RiskRevised: {
    returns: 'none',
    summary: ({ data }) => withReason(`Risk ${data.ref} revised (${describeRiskChanges(data.changes, data.previous)})`, data.reason),
    touches: ({ data }) => risk(data.ref),
    change: ({ data }) => ({ kind: 'risksRevised', ref: data.ref, name: data.reason }),
  },
  RiskRemoved: {
    returns: 'none',
    summary: ({ data }) => withReason(`Risk ${data.ref} removed`, data.reason),
    touches: ({ data }) => risk(data.ref),
    change: ({ data }) => ({ kind: 'risksRemoved', ref: data.ref, name: data.title }),
  },
  RiskReviewed: {
    returns: 'none',
    summary: ({ data }) => `Risk ${data.ref} reviewed for ${data.period}: residual ${describeScore(data.residual)}`,
    touches: ({ data }) => risk(data.ref),
  },
};
