import { comparePeriods, type AssessedScore, type RiskEvent } from '@app/domain';
import { removeByKey, updateByKey, upsertByKey } from '../keyed-parts';
import type { ViewEvolvers } from '../section-traits';
import type { RiskReviewView, RiskView } from './risk-views';

const refOf = (risk: RiskView): string => risk.ref;

export const RISK_VIEW_EVOLVERS: ViewEvolvers<RiskEvent> = {
  RiskAdded: (view, { data }) => {
    const risk: RiskView = {
      ref: data.ref,
      title: data.title,
      owner: data.owner,
      inherent: data.inherent && copyScore(data.inherent),
      residual: copyScore(data.residual),
      controls: data.controls,
      reviewDate: data.reviewDate,
      reviews: [],
    };
    return { ...view, risks: upsertByKey(view.risks, refOf, risk) };
  },
  RiskRevised: (view, { data: { ref, changes } }) => ({
    ...view,
    risks: updateByKey(view.risks, refOf, ref, (risk) => ({
      ...risk,
      title: changes.title ?? risk.title,
      owner: changes.owner !== undefined ? changes.owner : risk.owner,
      inherent: changes.inherent !== undefined ? changes.inherent && copyScore(changes.inherent) : risk.inherent,
      residual: changes.residual ? copyScore(changes.residual) : risk.residual,
      controls: changes.controls !== undefined ? changes.controls : risk.controls,
      reviewDate: changes.reviewDate !== undefined ? changes.reviewDate : risk.reviewDate,
    })),
  }),
  RiskRemoved: (view, { data }) => ({ ...view, risks: removeByKey(view.risks, refOf, data.ref) }),
  RiskReviewed: (view, { data }, stored) => {
    const review: RiskReviewView = {
      period: data.period,
      residual: copyScore(data.residual),
      commentary: data.commentary,
      recordedAt: stored.recordedAt,
    };
    return {
      ...view,
      risks: updateByKey(view.risks, refOf, data.ref, (risk) => ({
        ...risk,
        reviews: [...risk.reviews.filter((r) => r.period !== review.period), review].sort((a, b) => comparePeriods(a.period, b.period)),
      })),
    };
  },
};

const copyScore = ({ likelihood, impact, score, band }: AssessedScore): AssessedScore => ({ likelihood, impact, score, band });

/** The latest review of a period up to `period` (every period when absent): what a risk stood at then. */
export function latestReview(risk: RiskView, period?: string): RiskReviewView | null {
  const reviewed = period === undefined ? risk.reviews : risk.reviews.filter((r) => comparePeriods(r.period, period) <= 0);
  return reviewed.at(-1) ?? null;
}
