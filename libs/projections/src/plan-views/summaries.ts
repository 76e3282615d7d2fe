import { assessRag, type ActualRecorded, type IndicatorFields, type PlanEvent } from '@app/domain';
import type { ProjectedEvent } from '../projector/projection';
import { formatTarget, formatValue } from './format-value';
import { planEventOf } from './plan-event';

/**
 * One line per event that a council officer or auditor can read in a history list, written from
 * the event alone: target and actual events carry the indicator's unit and polarity as they were
 * when decided, so figures read "98%" and an actual says the RAG it was given then.
 */

const TITLE_LIMIT = 80;

/** Long priority titles ("Review Medium Term Financial Strategy to ensure ...") cut at a word. */
function clip(text: string): string {
  if (text.length <= TITLE_LIMIT) return text;
  const cut = text.slice(0, TITLE_LIMIT);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

const withReason = (line: string, reason: string | null | undefined): string => (reason ? `${line}: ${reason}` : line);

const listFields = (changes: object): string => Object.keys(changes).join(', ');

/** The line of any event of a plan stream: one of a type this code does not know reads as its type. */
export function summaryOf(event: ProjectedEvent): string {
  const planEvent = planEventOf(event);
  return planEvent ? summarisePlanEvent(planEvent) : event.type;
}

export function summarisePlanEvent(event: PlanEvent): string {
  switch (event.type) {
    case 'PlanDrafted': {
      const { title, service, period } = event.data;
      return `Plan drafted: ${title} (${service}, ${period.label})`;
    }
    case 'PriorityAdded':
      return `Priority ${event.data.ref} added: ${clip(event.data.title)}`;
    case 'PriorityRevised':
      return withReason(
        `Priority ${event.data.ref} revised (${listFields(event.data.changes)})`,
        event.data.reason,
      );
    case 'PriorityWithdrawn':
      return withReason(`Priority ${event.data.ref} withdrawn`, event.data.reason);
    case 'OutcomeAdded':
      return `Outcome ${event.data.outcome.ref} added to priority ${event.data.priorityRef}: ${clip(event.data.outcome.description)}`;
    case 'OutcomeChanged':
      return withReason(`Outcome ${event.data.outcomeRef} of priority ${event.data.priorityRef} changed`, event.data.reason);
    case 'OutcomeRemoved':
      return withReason(
        `Outcome ${event.data.outcome.ref} removed from priority ${event.data.priorityRef}`,
        event.data.reason,
      );
    case 'IndicatorDefined': {
      const targets = event.data.targets.length;
      const count = targets === 1 ? '1 target' : `${targets} targets`;
      return `Indicator ${event.data.code} defined: ${clip(event.data.title)} (${count})`;
    }
    case 'IndicatorRevised':
      return withReason(
        `Indicator ${event.data.code} revised (${describeIndicatorChanges(event.data.changes, event.data.previous)})`,
        event.data.reason,
      );
    case 'TargetSet': {
      const { code, unit, target } = event.data;
      const line = `Target for ${code} ${target.period} set to ${formatTarget(target, unit)}`;
      return withReason(line, joinReasonAndAuthority(event.data.reason, event.data.authority));
    }
    case 'TargetChanged': {
      const { code, unit, period, previous, target } = event.data;
      const line = `Target for ${code} ${period} changed from ${formatTarget(previous, unit)} to ${formatTarget(target, unit)}`;
      return withReason(line, joinReasonAndAuthority(event.data.reason, event.data.authority));
    }
    case 'ActualRecorded':
      return `Actual for ${event.data.code} ${event.data.period} recorded: ${describeActual(event.data)}`;
    case 'ActualRestated': {
      const { code, unit, period, previous, reason } = event.data;
      const line = `Actual for ${code} ${period} restated from ${formatValue(previous.value, unit)} to ${describeActual(event.data)}`;
      return withReason(line, reason);
    }
    case 'ProgressRecorded': {
      const { priorityRef, milestone, period, percentComplete, status } = event.data;
      const subject = milestone ? `milestone ${milestone} of priority ${priorityRef}` : `priority ${priorityRef}`;
      return `Progress on ${subject} for ${period}: ${percentComplete}% complete, ${status.replace(/-/g, ' ')}`;
    }
    case 'PlanSubmittedForScrutiny': {
      const { committee, meetingDate, versionLabel } = event.data;
      const version = versionLabel ? `Version ${versionLabel} submitted` : 'Plan submitted';
      return `${version} to ${committee}${meetingDate ? ` for ${meetingDate}` : ''}`;
    }
    case 'ScrutinyCommentsRecorded': {
      const { committee, meetingDate, minuteRef, comments } = event.data;
      const count = comments.length === 1 ? '1 comment' : `${comments.length} comments`;
      return `${committee} comments of ${meetingDate} recorded (${count})${minuteRef ? `: ${minuteRef}` : ''}`;
    }
    case 'VersionPublished':
      return `Version ${event.data.label} published: ${event.data.reason}`;
    case 'PlanApproved': {
      const { body, meetingDate, decisionRef } = event.data;
      return `Plan approved by ${body} on ${meetingDate}${decisionRef ? `: ${decisionRef}` : ''}`;
    }
    case 'PlanReopenedForRevision':
      return withReason('Plan reopened for revision', event.data.reason);
    case 'PlanClosed':
      return withReason('Plan closed', event.data.reason);
  }
}

function joinReasonAndAuthority(reason: string | null, authority: string | null): string | null {
  if (reason && authority && !reason.includes(authority)) return `${reason} (${authority})`;
  return reason ?? authority;
}

const SCALAR_INDICATOR_FIELDS: Array<keyof IndicatorFields> = ['unit', 'polarity', 'basis', 'frequency', 'tolerance'];

/** Names each changed field, with before and after for the short ones ("tolerance 5% to 3%"). */
function describeIndicatorChanges(changes: Partial<IndicatorFields>, previous: Partial<IndicatorFields>): string {
  return (Object.keys(changes) as Array<keyof IndicatorFields>)
    .map((field) => {
      if (!SCALAR_INDICATOR_FIELDS.includes(field)) return field;
      const suffix = field === 'tolerance' ? '%' : '';
      return `${field} ${String(previous[field])}${suffix} to ${String(changes[field])}${suffix}`;
    })
    .join(', ');
}

/** The figure with the RAG it was given against the target then in force, by the event's own polarity. */
function describeActual(actual: Pick<ActualRecorded['data'], 'unit' | 'polarity' | 'period' | 'value' | 'assessedAgainst'>): string {
  const { unit, polarity, period, value, assessedAgainst } = actual;
  const figure = formatValue(value, unit);
  const target = assessedAgainst.target;
  if (target === null) return `${figure} (no target for ${period})`;
  const targetText = formatTarget(target, unit);
  const { rag } = assessRag({ actual: value, polarity, assessedAgainst, period });
  return rag === 'none' ? `${figure} (target ${targetText}, not rated)` : `${figure} (${rag} against ${targetText})`;
}
