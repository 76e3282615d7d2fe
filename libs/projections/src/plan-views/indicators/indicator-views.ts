import type { IndicatorFields, Rag, TargetComparison, TargetInForce } from '@app/domain';

export type TargetView = {
  period: string;
  value: number | null;
  text: string | null;
  comparison: TargetComparison;
};

export type ActualView = {
  period: string;
  value: number;
  commentary: string | null;
  /** Rated once, against `assessedAgainst`, when recorded or restated: never recoloured. */
  rag: Rag;
  ragReason: string;
  assessedAgainst: TargetInForce;
  restated: boolean;
  restatementReason: string | null;
  recordedAt: string;
};

export type IndicatorView = { code: string } & IndicatorFields & {
  targets: TargetView[];
  actuals: ActualView[];
};

/** The plan view's indicators. */
export type IndicatorsPart = { indicators: IndicatorView[] };

export const emptyIndicatorsPart = (): IndicatorsPart => ({ indicators: [] });
