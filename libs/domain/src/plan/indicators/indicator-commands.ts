import type { PlanCommandOf } from '../plan-message';
import type { Basis, Frequency, Polarity, Unit } from './indicator-values';

export interface TargetInput {
  period: string;
  value?: number;
  text?: string;
}

export type DefineIndicator = PlanCommandOf<
  'DefineIndicator',
  {
    code: string;
    title: string;
    description?: string;
    unit: Unit;
    polarity: Polarity;
    basis: Basis;
    frequency: Frequency;
    tolerance?: number;
    targets: TargetInput[];
  }
>;

export type ReviseIndicator = PlanCommandOf<
  'ReviseIndicator',
  {
    code: string;
    title?: string;
    description?: string | null;
    unit?: Unit;
    polarity?: Polarity;
    basis?: Basis;
    frequency?: Frequency;
    tolerance?: number;
    reason: string;
  }
>;

/** Sets a target for a period that has none (reason optional) or changes one (reason required). */
export type SetTarget = PlanCommandOf<
  'SetTarget',
  { code: string; period: string; value?: number; text?: string; reason?: string; authority?: string }
>;

/** A second actual for the same period is a restatement and needs a reason. */
export type RecordActual = PlanCommandOf<
  'RecordActual',
  { code: string; period: string; value: number; commentary?: string; reason?: string }
>;

export type IndicatorCommand = DefineIndicator | ReviseIndicator | SetTarget | RecordActual;
