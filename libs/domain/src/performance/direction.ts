import { scaleOf } from '../plan/indicators/figures';
import { figureKindOf, type Figure, type Polarity, type Unit } from '../plan/indicators/indicator-values';

export const DIRECTIONS = ['improved', 'declined', 'unchanged', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface DirectionInput {
  current: number;
  /** The previous period's actual, or null when there is none. */
  previous: number | null;
  polarity: Polarity;
  /** Needed only for on-target-is-best, where getting closer to the target is the improvement. */
  target: number | null;
}

const EPSILON = 1e-9;

/** Direction of travel against the previous period's actual, read through the indicator's polarity. */
export function directionOfTravel({ current, previous, polarity, target }: DirectionInput): Direction {
  if (previous === null) return 'none';
  let gain: number;
  switch (polarity) {
    case 'higher-is-better':
      gain = current - previous;
      break;
    case 'lower-is-better':
      gain = previous - current;
      break;
    case 'on-target-is-best':
      if (target === null) return 'none';
      gain = Math.abs(previous - target) - Math.abs(current - target);
      break;
  }
  if (Math.abs(gain) <= EPSILON * Math.max(1, Math.abs(previous))) return 'unchanged';
  return gain > 0 ? 'improved' : 'declined';
}

export interface FigureDirectionInput {
  unit: Unit;
  current: Figure;
  previous: Figure | null;
  polarity: Polarity;
  /** The figure the current actual is held to, or null when it has none. */
  target: Figure | null;
}

/**
 * Direction of travel of figures of any unit: a date is compared by its day (earlier is lower), and a
 * yes/no result moves towards or away from the result its target asks for, whatever the polarity
 * says (yes to no is a decline when the target is yes); without a target, the polarity says which is better.
 */
export function directionOfFigures({ unit, current, previous, polarity, target }: FigureDirectionInput): Direction {
  const towardsTarget = figureKindOf(unit) === 'yes-no' && target !== null;
  return directionOfTravel({
    current: scaleOf(current),
    previous: previous === null ? null : scaleOf(previous),
    polarity: towardsTarget ? 'on-target-is-best' : polarity,
    target: target === null ? null : scaleOf(target),
  });
}
