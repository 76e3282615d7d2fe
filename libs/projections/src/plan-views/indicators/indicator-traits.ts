import { assessRag, type ActualRecorded, type DataQualityNotes, type IndicatorEvent, type IndicatorFields } from '@app/domain';
import { formatTarget, formatValue } from '../format-value';
import type { ChangeKindWords, EventTraitsTable } from '../section-traits';
import { clip, counted, describeOwnership, withReason } from '../summary-text';

export const INDICATOR_CHANGE_KINDS = [
  ['indicatorsAdded', 'indicator added', 'indicators added'],
  ['indicatorsRevised', 'indicator revised', 'indicators revised'],
  ['targetsSet', 'target set', 'targets set'],
  ['targetsChanged', 'target changed', 'targets changed'],
  ['baselinesRecorded', 'baseline recorded', 'baselines recorded'],
  ['indicatorsLinked', 'indicator linked', 'indicators linked'],
  ['returnResponsibilitiesAssigned', 'return responsibility assigned', 'return responsibilities assigned'],
] as const satisfies ChangeKindWords<string>;

type IndicatorChangeKind = (typeof INDICATOR_CHANGE_KINDS)[number][0];

const indicator = (code: string) => ({ kind: 'indicator' as const, ref: code });

/**
 * Target and actual events carry the indicator's unit and polarity as they were when decided, so
 * their lines read "98%" and an actual says the RAG it was given then.
 */
export const INDICATOR_EVENT_TRAITS: EventTraitsTable<IndicatorEvent, IndicatorChangeKind, 'indicator'> = {
  IndicatorDefined: {
    returns: 'every-period',
    summary: ({ data }) =>
      `Indicator ${data.code} defined: ${clip(data.title)} (${counted(data.targets.length, 'target', 'targets')})`,
    touches: ({ data }) => indicator(data.code),
    change: ({ data }) => ({ kind: 'indicatorsAdded', ref: data.code, name: data.title }),
  },
  IndicatorRevised: {
    returns: 'every-period',
    summary: ({ data }) =>
      withReason(`Indicator ${data.code} revised (${describeIndicatorChanges(data.changes, data.previous)})`, data.reason),
    touches: ({ data }) => indicator(data.code),
    change: ({ data }) => ({ kind: 'indicatorsRevised', ref: data.code, name: data.reason }),
  },
  TargetSet: {
    returns: 'none',
    summary: ({ data: { code, unit, polarity, target, reason, authority } }) =>
      withReason(
        `Target for ${code} ${target.period} set to ${formatTarget(target, unit, polarity)}`,
        joinReasonAndAuthority(reason, authority),
      ),
    touches: ({ data }) => indicator(data.code),
    change: ({ data }) => ({ kind: 'targetsSet', ref: data.code, name: `${data.code} ${data.target.period}` }),
  },
  TargetChanged: {
    returns: 'none',
    summary: ({ data: { code, unit, polarity, period, previous, target, reason, authority } }) =>
      withReason(
        `Target for ${code} ${period} changed from ${formatTarget(previous, unit, polarity)} to ${formatTarget(target, unit, polarity)}`,
        joinReasonAndAuthority(reason, authority),
      ),
    touches: ({ data }) => indicator(data.code),
    change: ({ data }) => ({ kind: 'targetsChanged', ref: data.code, name: `${data.code} ${data.period}` }),
  },
  ActualRecorded: {
    returns: 'own-period',
    summary: ({ data }) => `Actual for ${data.code} ${data.period} recorded: ${describeActual(data)}${describeNotes(data)}`,
    touches: ({ data }) => indicator(data.code),
  },
  ActualRestated: {
    returns: 'own-period',
    summary: ({ data }) =>
      withReason(
        `Actual for ${data.code} ${data.period} restated from ${formatValue(data.previous.value, data.unit)} to ${describeActual(data)}${describeNotes(data)}`,
        data.reason,
      ),
    touches: ({ data }) => indicator(data.code),
  },
  ActualVerified: {
    returns: 'own-period',
    summary: ({ data }) => `Actual for ${data.code} ${data.period} (${formatValue(data.value, data.unit)}) verified`,
    touches: ({ data }) => indicator(data.code),
  },
  ActualRejected: {
    returns: 'own-period',
    summary: ({ data }) =>
      withReason(`Actual for ${data.code} ${data.period} (${formatValue(data.value, data.unit)}) rejected`, data.reason),
    touches: ({ data }) => indicator(data.code),
  },
  BaselineRecorded: {
    returns: 'none',
    summary: ({ data: { code, unit, baseline, previous, reason } }) =>
      withReason(
        previous
          ? `Baseline for ${code} ${baseline.period} corrected from ${formatValue(previous.value, unit)} to ${formatValue(baseline.value, unit)}`
          : `Baseline for ${code} ${baseline.period} recorded: ${formatValue(baseline.value, unit)}${baseline.source ? ` (${clip(baseline.source)})` : ''}`,
        reason,
      ),
    touches: ({ data }) => indicator(data.code),
    change: ({ data }) => ({ kind: 'baselinesRecorded', ref: data.code, name: `${data.code} ${data.baseline.period}` }),
  },
  IndicatorLinked: {
    returns: 'none',
    summary: ({ data: { code, priorityRefs, reason } }) =>
      withReason(
        priorityRefs.length === 0 ? `Indicator ${code} no longer measures any priority` : `Indicator ${code} measures ${priorityRefs.join(', ')}`,
        reason,
      ),
    touches: ({ data }) => indicator(data.code),
    change: ({ data }) => ({ kind: 'indicatorsLinked', ref: data.code, name: data.priorityRefs.join(', ') || 'nothing' }),
  },
  IndicatorOwnershipAssigned: {
    returns: 'every-period',
    summary: ({ data }) => withReason(`Responsibility for indicator ${data.code}: ${describeOwnership(data, data.previous)}`, data.reason),
    touches: ({ data }) => indicator(data.code),
    change: ({ data }) => ({ kind: 'returnResponsibilitiesAssigned', ref: data.code, name: describeOwnership(data, data.previous) }),
  },
};

function joinReasonAndAuthority(reason: string | null, authority: string | null): string | null {
  if (reason && authority && !reason.includes(authority)) return `${reason} (${authority})`;
  return reason ?? authority;
}

const SCALAR_INDICATOR_FIELDS: Array<keyof IndicatorFields> = ['unit', 'polarity', 'basis', 'frequency'];
const TOLERANCE_FIELDS: Array<keyof IndicatorFields> = ['tolerance', 'toleranceAbsolute'];

/** A tolerance as a percent of the target ("5%") or an amount in the unit ("±0.5"). */
function toleranceWords(fields: Partial<IndicatorFields>): string {
  if (fields.toleranceAbsolute !== undefined && fields.toleranceAbsolute !== null) return `±${fields.toleranceAbsolute}`;
  return `${String(fields.tolerance)}%`;
}

/**
 * Names each changed field, with before and after for the short ones ("tolerance 5% to 3%"); a
 * tolerance changing kind is one change ("tolerance 5% to ±0.5").
 */
function describeIndicatorChanges(changes: Partial<IndicatorFields>, previous: Partial<IndicatorFields>): string {
  const fields = Object.keys(changes) as Array<keyof IndicatorFields>;
  const firstToleranceField = fields.find((field) => TOLERANCE_FIELDS.includes(field));
  return fields
    .flatMap((field) => {
      if (TOLERANCE_FIELDS.includes(field)) {
        return field === firstToleranceField ? [`tolerance ${toleranceWords(previous)} to ${toleranceWords(changes)}`] : [];
      }
      return [SCALAR_INDICATOR_FIELDS.includes(field) ? `${field} ${String(previous[field])} to ${String(changes[field])}` : field];
    })
    .join(', ');
}

/** The figure's data-quality notes as a history line adds them: "[source: Bartec log; caveats: Two rounds estimated]". */
function describeNotes({ source, method, caveats }: DataQualityNotes): string {
  const given = Object.entries({ source, method, caveats }).flatMap(([name, text]) => (text === null ? [] : [`${name}: ${clip(text)}`]));
  return given.length === 0 ? '' : ` [${given.join('; ')}]`;
}

/** The figure with the RAG it was given against the target then in force, as the event carries it. */
function describeActual(actual: Pick<ActualRecorded['data'], 'unit' | 'polarity' | 'period' | 'value' | 'assessedAgainst'>): string {
  const { unit, polarity, period, value, assessedAgainst } = actual;
  const figure = formatValue(value, unit);
  const target = assessedAgainst.target;
  if (target === null) return `${figure} (no target for ${period})`;
  const targetText = formatTarget(target, unit, polarity, assessedAgainst.baselineFigure);
  const { rag } = assessRag({ actual: value, unit, assessedAgainst, period });
  return rag === 'none' ? `${figure} (target ${targetText}, not rated)` : `${figure} (${rag} against ${targetText})`;
}
