import { DomainError } from '../../domain-error';
import { isCalendarDate } from '../../periods/calendar';
import { figureKindOf, type Figure, type FigureKind, type Unit } from './indicator-values';

const KIND_WORDS: Record<FigureKind, string> = {
  number: 'a number',
  date: 'a date written YYYY-MM-DD, such as 2024-09-30',
  'yes-no': 'true or false',
};

const UNIT_WORDS: Record<FigureKind, string> = {
  number: 'its figures are numbers',
  date: 'it is a date indicator',
  'yes-no': 'it is a yes/no indicator',
};

function isFigureOfKind(value: unknown, kind: FigureKind): value is Figure {
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && isCalendarDate(value);
    case 'yes-no':
      return typeof value === 'boolean';
  }
}

/**
 * The figure as the indicator's unit has it, or a refusal naming what it must be: "2024-09-30" is no
 * figure of a percentage, and 1 is no yes/no result. `what` names the figure: "The actual for CP9 in 2024/25".
 */
export function requireFigureOfUnit(value: unknown, unit: Unit, what: string): Figure {
  const kind = figureKindOf(unit);
  if (isFigureOfKind(value, kind)) return value;
  const given = typeof value === 'string' ? `"${value}"` : String(value);
  throw DomainError.ruleBroken(`${what} must be ${KIND_WORDS[kind]}, as ${UNIT_WORDS[kind]}: ${given} is not.`);
}

const DAY_IN_MILLISECONDS = 86_400_000;

/**
 * A figure on the number line its comparisons and tolerances work on: a date as its day count (so a
 * tolerance of 7 is a week, and earlier is lower), true as 1 and false as 0.
 */
export function scaleOf(figure: Figure): number {
  if (typeof figure === 'number') return figure;
  if (typeof figure === 'boolean') return figure ? 1 : 0;
  const [year, month, day] = figure.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_IN_MILLISECONDS;
}
