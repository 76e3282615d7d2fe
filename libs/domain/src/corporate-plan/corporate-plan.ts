import { DomainError } from '../domain-error';
import { changedFields, requireReason, sameValue } from '../plan/decision-rules';
import { requireWithinLimit } from '../plan/plan-limits';
import { codeKey } from '../plan/written-text';
import { describePlanPeriod, parsePlanPeriod } from '../periods/plan-periods';
import type { PlanPeriod } from '../plan/plan-values';
import type { CorporatePlan, CorporatePlansState, CorporateTheme } from './corporate-plan-values';

export type * from './corporate-plan-values';

/**
 * A council's corporate plan: the themes its service plans serve (Hart's 2023-2027: Planet, People,
 * Place, underpinned by a resilient and financially sound council), each with its objectives.
 *
 * All of a council's corporate plans are events on one stream, `corporatePlans-<council>` (the
 * council URI-encoded, as in a plan's key), each event naming its corporate plan. A council adopts
 * one every few years, so the stream stays a handful of events, and the command side learns which
 * plan is in force for a service plan's period with one read of it, as it reads the council's
 * settings, instead of searching the whole log for the council's plans.
 */

export const CORPORATE_PLANS_STREAM_PREFIX = 'corporatePlans-';

export const corporatePlansStreamId = (council: string): string => `${CORPORATE_PLANS_STREAM_PREFIX}${encodeURIComponent(council)}`;

export type CorporatePlanFields = Pick<CorporatePlan, 'title' | 'themes'>;

export const CORPORATE_PLAN_LIMITS = {
  themes: { limit: 20, holder: 'A corporate plan', items: 'themes' },
  objectivesPerTheme: { limit: 50, holder: 'A theme', items: 'objectives' },
} as const;

export interface CorporatePlanRecorded {
  type: 'CorporatePlanRecorded';
  data: CorporatePlan;
}

/** Only what changed, with what it was, and why. */
export interface CorporatePlanRevised {
  type: 'CorporatePlanRevised';
  data: { corporatePlanId: string; changes: Partial<CorporatePlanFields>; previous: Partial<CorporatePlanFields>; reason: string };
}

export type CorporatePlanEvent = CorporatePlanRecorded | CorporatePlanRevised;
export type CorporatePlanEventType = CorporatePlanEvent['type'];

export const CORPORATE_PLAN_EVENT_SCHEMA_VERSIONS: Record<CorporatePlanEventType, number> = {
  CorporatePlanRecorded: 1,
  CorporatePlanRevised: 1,
};

export const CORPORATE_PLAN_EVENT_TYPES = Object.keys(CORPORATE_PLAN_EVENT_SCHEMA_VERSIONS) as CorporatePlanEventType[];

export const isCorporatePlanEventType = (type: string): type is CorporatePlanEventType =>
  Object.hasOwn(CORPORATE_PLAN_EVENT_SCHEMA_VERSIONS, type);

export interface RecordCorporatePlan {
  type: 'RecordCorporatePlan';
  data: { corporatePlanId: string; title: string; period: string; themes: CorporateTheme[] };
}

/** `themes`, when given, is the whole list as it is to stand: a theme left out is removed. */
export interface ReviseCorporatePlan {
  type: 'ReviseCorporatePlan';
  data: { corporatePlanId: string; title?: string; themes?: CorporateTheme[]; reason: string };
}

export type CorporatePlanCommand = RecordCorporatePlan | ReviseCorporatePlan;

export const initialCorporatePlans: CorporatePlansState = { plans: {} };

/** The council's corporate plan covering the whole of a service plan's period, or null when none does. */
export function corporatePlanCovering(state: CorporatePlansState, period: Pick<PlanPeriod, 'from' | 'to'>): CorporatePlan | null {
  return Object.values(state.plans).find((plan) => plan.period.from <= period.from && plan.period.to >= period.to) ?? null;
}

/** The theme of that id, compared as codes are (`Planet` is `planet`), or undefined. */
export const themeOf = (plan: CorporatePlan, themeId: string): CorporateTheme | undefined =>
  plan.themes.find((theme) => codeKey(theme.id) === codeKey(themeId));

/**
 * Pure, as the plan's decider: the events a corporate plan command means, or a DomainError saying
 * why not. The periods of a council's corporate plans may not overlap, so that at most one is in
 * force for any service plan, and theme links are checked against exactly one.
 */
export function decideCorporatePlan(command: CorporatePlanCommand, state: CorporatePlansState, council: string): CorporatePlanEvent[] {
  switch (command.type) {
    case 'RecordCorporatePlan':
      return recordCorporatePlan(command, state, council);
    case 'ReviseCorporatePlan':
      return reviseCorporatePlan(command, state);
  }
}

function recordCorporatePlan({ data }: RecordCorporatePlan, state: CorporatePlansState, council: string): CorporatePlanEvent[] {
  if (Object.hasOwn(state.plans, data.corporatePlanId)) {
    throw DomainError.alreadyExists(`The council already has a corporate plan '${data.corporatePlanId}': revise it, or choose another id.`);
  }
  const period = parsePlanPeriod(data.period);
  const overlapping = Object.values(state.plans).find((plan) => plan.period.from <= period.to && plan.period.to >= period.from);
  if (overlapping) {
    throw DomainError.ruleBroken(
      `The corporate plan '${overlapping.title}' already covers part of ${describePlanPeriod(period)} ` +
        `(it covers ${describePlanPeriod(overlapping.period)}): a council has one corporate plan in force at a time.`,
    );
  }
  return [{ type: 'CorporatePlanRecorded', data: { corporatePlanId: data.corporatePlanId, council, title: data.title, period, themes: requireThemes(data.themes) } }];
}

function reviseCorporatePlan({ data }: ReviseCorporatePlan, state: CorporatePlansState): CorporatePlanEvent[] {
  if (!Object.hasOwn(state.plans, data.corporatePlanId)) {
    throw DomainError.notFound(`Corporate plan ${data.corporatePlanId} was not found`);
  }
  const current = state.plans[data.corporatePlanId];
  const reason = requireReason(data.reason, `revising the corporate plan '${current.title}'`);
  const requested = { title: data.title, themes: data.themes === undefined ? undefined : requireThemes(data.themes) };
  const { changes, previous } = changedFields<CorporatePlanFields>(current, requested);
  if (Object.keys(changes).length === 0) {
    throw DomainError.ruleBroken(`Nothing would change: the corporate plan '${current.title}' already says that.`);
  }
  return [{ type: 'CorporatePlanRevised', data: { corporatePlanId: data.corporatePlanId, changes, previous, reason } }];
}

/** At least one theme, each id and each objective's ref used once (compared as codes are). */
function requireThemes(themes: CorporateTheme[]): CorporateTheme[] {
  if (themes.length === 0) throw DomainError.ruleBroken('A corporate plan names at least one theme.');
  requireWithinLimit(CORPORATE_PLAN_LIMITS.themes, themes.length, 'this corporate plan');
  const repeatedTheme = repeated(themes.map((theme) => theme.id));
  if (repeatedTheme) throw DomainError.ruleBroken(`The theme id '${repeatedTheme}' is given twice: give each theme its own id.`);
  for (const theme of themes) {
    requireWithinLimit(CORPORATE_PLAN_LIMITS.objectivesPerTheme, theme.objectives.length, `the theme '${theme.title}'`);
    const repeatedRef = repeated(theme.objectives.map((objective) => objective.ref));
    if (repeatedRef) {
      throw DomainError.ruleBroken(`The theme '${theme.title}' lists the objective '${repeatedRef}' twice: give each objective its own ref.`);
    }
  }
  return themes.map(({ id, title, objectives }) => ({ id, title, objectives: objectives.map(({ ref, text }) => ({ ref, text })) }));
}

function repeated(identifiers: string[]): string | undefined {
  const keys = identifiers.map(codeKey);
  return identifiers.find((_, index) => keys.indexOf(keys[index]) !== index);
}

export function evolveCorporatePlans(state: CorporatePlansState, event: CorporatePlanEvent): CorporatePlansState {
  switch (event.type) {
    case 'CorporatePlanRecorded':
      return { plans: { ...state.plans, [event.data.corporatePlanId]: event.data } };
    case 'CorporatePlanRevised': {
      const current = state.plans[event.data.corporatePlanId];
      return current ? { plans: { ...state.plans, [current.corporatePlanId]: { ...current, ...event.data.changes } } } : state;
    }
  }
}

/** What a revision changed, in words for the corporate plan's history: "Theme Place renamed 'Homes'; theme Jobs added". */
export function describeCorporatePlanChanges({ changes, previous }: CorporatePlanRevised['data']): string[] {
  const lines: string[] = [];
  if (changes.title !== undefined) lines.push(`Title changed from '${previous.title}' to '${changes.title}'`);
  if (changes.themes !== undefined) {
    const before = previous.themes ?? [];
    for (const theme of changes.themes) {
      const earlier = before.find((candidate) => codeKey(candidate.id) === codeKey(theme.id));
      if (!earlier) lines.push(`Theme ${theme.id} added: ${theme.title}`);
      else if (earlier.title !== theme.title) lines.push(`Theme ${theme.id} renamed from '${earlier.title}' to '${theme.title}'`);
      else if (!sameValue(earlier.objectives, theme.objectives)) lines.push(`Theme ${theme.id}'s objectives revised`);
    }
    for (const theme of before) {
      if (!changes.themes.some((candidate) => codeKey(candidate.id) === codeKey(theme.id))) lines.push(`Theme ${theme.id} removed: ${theme.title}`);
    }
  }
  return lines;
}

/**
 * A stored corporate plan event as the current event it stands for. Every type is at its first
 * schema; one stored by newer software is refused rather than read wrongly.
 */
export function toCorporatePlanEvent(stored: { type: string; data: Record<string, unknown>; metadata: { schemaVersion?: number } }): CorporatePlanEvent {
  if (!isCorporatePlanEventType(stored.type)) throw new Error(`'${stored.type}' is not a corporate plan event.`);
  const version = stored.metadata.schemaVersion ?? 1;
  if (version > CORPORATE_PLAN_EVENT_SCHEMA_VERSIONS[stored.type]) {
    throw new Error(`This ${stored.type} event was stored at schema version ${version}, newer than this software reads.`);
  }
  return { type: stored.type, data: stored.data } as CorporatePlanEvent;
}
