import { DomainError } from '../domain-error';
import {
  DEFAULT_ROLLUP_RULE,
  MILESTONE_WITHOUT_ENTRY_RULES,
  ROLLUP_ROUNDINGS,
  type MilestoneWithoutEntry,
  type RollupRounding,
  type RollupRule,
} from '../performance/rollups';
import {
  DEFAULT_RETURN_DEADLINE_RULE,
  requireDeadlineRule,
  sameDeadlineRule,
  type DeadlineWorkingDays,
  type ReturnDeadlineRule,
} from '../data-collection/return-deadlines';
import { requireReason } from '../plan/decision-rules';
import { DEFAULT_RISK_MATRIX, requireRiskMatrix, sameMatrix } from '../plan/risks/risk-matrix';
import type { RiskMatrix, RiskMatrixCell } from '../plan/risks/risk-values';

/**
 * A council's settings, which hold for all its plans: its risk matrix, its roll-up rule, what its
 * reports do with figures not yet verified and when its returns fall due. They are
 * events on a stream of their own per council, `councilSettings-<council>` (the council URI-encoded,
 * as in a plan's key), decided and folded here as a plan's are, so that the command side reads the
 * matrix in force and hands it to the plan's decider, which stays pure, and a report reads the
 * roll-up rule in force at the instant it is made for.
 */

export const COUNCIL_SETTINGS_STREAM_PREFIX = 'councilSettings-';

export const councilSettingsStreamId = (council: string): string =>
  `${COUNCIL_SETTINGS_STREAM_PREFIX}${encodeURIComponent(council)}`;

export interface RiskMatrixSet {
  type: 'RiskMatrixSet';
  data: { council: string; cells: RiskMatrixCell[]; reason: string };
}

export interface RollupRuleSet {
  type: 'RollupRuleSet';
  data: { council: string; rounding: RollupRounding; milestoneWithoutEntry: MilestoneWithoutEntry; reason: string | null };
}

/**
 * Whether a figure no second officer has verified yet is rated in reports (`rated`) or shown unrated
 * as awaiting verification (`awaiting-verification`). A rejected figure is never rated.
 */
export const UNVERIFIED_FIGURES_RULES = ['rated', 'awaiting-verification'] as const;
export type UnverifiedFiguresRule = (typeof UNVERIFIED_FIGURES_RULES)[number];

export interface UnverifiedFiguresRuleSet {
  type: 'UnverifiedFiguresRuleSet';
  data: { council: string; unverifiedFigures: UnverifiedFiguresRule; reason: string | null };
}

/** How many working days after each period's end its returns fall due, and the nation whose bank holidays are not working days. */
export interface ReturnDeadlinesSet {
  type: 'ReturnDeadlinesSet';
  data: { council: string; reason: string | null } & ReturnDeadlineRule;
}

export type CouncilSettingsEvent = RiskMatrixSet | RollupRuleSet | UnverifiedFiguresRuleSet | ReturnDeadlinesSet;

export const COUNCIL_SETTINGS_EVENT_SCHEMA_VERSIONS: Record<CouncilSettingsEvent['type'], number> = {
  RiskMatrixSet: 1,
  RollupRuleSet: 1,
  UnverifiedFiguresRuleSet: 1,
  ReturnDeadlinesSet: 1,
};

export interface SetRiskMatrix {
  type: 'SetRiskMatrix';
  data: { cells: RiskMatrixCell[]; reason: string };
}

export interface SetRollupRule {
  type: 'SetRollupRule';
  data: { rounding: string; milestoneWithoutEntry: string; reason?: string };
}

/**
 * The data-collection rule, in part or whole: what reports do with unverified figures, the deadlines
 * of returns (per frequency) and the council's nation. What is left out stays as it is.
 */
export interface SetCollectionRule {
  type: 'SetCollectionRule';
  data: { unverifiedFigures?: string; deadlineWorkingDays?: Partial<DeadlineWorkingDays>; nation?: string; reason?: string };
}

export type CouncilSettingsCommand = SetRiskMatrix | SetRollupRule | SetCollectionRule;

/** The matrix and the rules the council set last, with why; null while it never set one. */
export interface CouncilSettingsState {
  riskMatrix: (RiskMatrix & { reason: string }) | null;
  rollupRule: (RollupRule & { reason: string | null }) | null;
  unverifiedFigures: UnverifiedFiguresRule | null;
  returnDeadlines: ReturnDeadlineRule | null;
}

export const initialCouncilSettings: CouncilSettingsState = { riskMatrix: null, rollupRule: null, unverifiedFigures: null, returnDeadlines: null };

/** A council that never said otherwise rates every figure, as reports did before figures were verified. */
export const DEFAULT_UNVERIFIED_FIGURES_RULE: UnverifiedFiguresRule = 'rated';

/** The matrix risks are banded with: the council's own, or Three Rivers' printed one when it never set its own. */
export const riskMatrixInForce = (state: CouncilSettingsState): RiskMatrix =>
  state.riskMatrix ? { cells: state.riskMatrix.cells } : DEFAULT_RISK_MATRIX;

/** The roll-up rule progress is rolled up with: the council's own, or the default (half up, 0% without an entry). */
export const rollupRuleOf = (state: CouncilSettingsState): RollupRule =>
  state.rollupRule
    ? { rounding: state.rollupRule.rounding, milestoneWithoutEntry: state.rollupRule.milestoneWithoutEntry }
    : DEFAULT_ROLLUP_RULE;

type Deciders = {
  [K in CouncilSettingsCommand['type']]: (
    command: Extract<CouncilSettingsCommand, { type: K }>,
    state: CouncilSettingsState,
    council: string,
  ) => CouncilSettingsEvent[];
};

type Evolvers = {
  [K in CouncilSettingsEvent['type']]: (state: CouncilSettingsState, event: Extract<CouncilSettingsEvent, { type: K }>) => CouncilSettingsState;
};

/**
 * Setting what is in force again means nothing and records nothing, so that a PUT repeated by a
 * client that lost the first answer is harmless.
 */
const DECIDERS: Deciders = {
  SetRiskMatrix: (command, state, council) => {
    const matrix = requireRiskMatrix(command.data.cells);
    const reason = requireReason(command.data.reason, "setting the council's risk matrix");
    if (sameMatrix(matrix, riskMatrixInForce(state))) return [];
    return [{ type: 'RiskMatrixSet', data: { council, cells: matrix.cells, reason } }];
  },
  SetRollupRule: (command, state, council) => {
    const rounding = requireOneOf(ROLLUP_ROUNDINGS, command.data.rounding, 'The rounding of roll-ups');
    const milestoneWithoutEntry = requireOneOf(
      MILESTONE_WITHOUT_ENTRY_RULES,
      command.data.milestoneWithoutEntry,
      'What a milestone without an entry does to a roll-up',
    );
    const inForce = rollupRuleOf(state);
    if (inForce.rounding === rounding && inForce.milestoneWithoutEntry === milestoneWithoutEntry) return [];
    const reason = command.data.reason?.trim() || null;
    return [{ type: 'RollupRuleSet', data: { council, rounding, milestoneWithoutEntry, reason } }];
  },
  SetCollectionRule: ({ data }, state, council) => {
    if (data.unverifiedFigures === undefined && data.deadlineWorkingDays === undefined && data.nation === undefined) {
      throw DomainError.ruleBroken('Say what to set of the data-collection rule: unverifiedFigures, deadlineWorkingDays or nation.');
    }
    const reason = data.reason?.trim() || null;
    const events: CouncilSettingsEvent[] = [];
    if (data.unverifiedFigures !== undefined) {
      const unverifiedFigures = requireOneOf(UNVERIFIED_FIGURES_RULES, data.unverifiedFigures, 'What a report does with a figure not yet verified');
      if (unverifiedFigures !== (state.unverifiedFigures ?? DEFAULT_UNVERIFIED_FIGURES_RULE)) {
        events.push({ type: 'UnverifiedFiguresRuleSet', data: { council, unverifiedFigures, reason } });
      }
    }
    const deadlinesInForce = state.returnDeadlines ?? DEFAULT_RETURN_DEADLINE_RULE;
    const deadlines = requireDeadlineRule(deadlinesInForce, data);
    if (!sameDeadlineRule(deadlines, deadlinesInForce)) events.push({ type: 'ReturnDeadlinesSet', data: { council, ...deadlines, reason } });
    return events;
  },
};

const EVOLVERS: Evolvers = {
  RiskMatrixSet: (state, { data }) => ({ ...state, riskMatrix: { cells: data.cells, reason: data.reason } }),
  RollupRuleSet: (state, { data }) => ({
    ...state,
    rollupRule: { rounding: data.rounding, milestoneWithoutEntry: data.milestoneWithoutEntry, reason: data.reason },
  }),
  UnverifiedFiguresRuleSet: (state, { data }) => ({ ...state, unverifiedFigures: data.unverifiedFigures }),
  ReturnDeadlinesSet: (state, { data }) => ({ ...state, returnDeadlines: { deadlineWorkingDays: data.deadlineWorkingDays, nation: data.nation } }),
};

function requireOneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw DomainError.ruleBroken(`${what} is one of ${allowed.join(', ')}, not '${value}'.`);
}

/** Pure, as the plan's decider: the events a settings command means, or a DomainError saying why not. */
export function decideCouncilSettings(
  command: CouncilSettingsCommand,
  state: CouncilSettingsState,
  council: string,
): CouncilSettingsEvent[] {
  return (DECIDERS[command.type] as (c: CouncilSettingsCommand, s: CouncilSettingsState, council: string) => CouncilSettingsEvent[])(
    command,
    state,
    council,
  );
}

export function evolveCouncilSettings(state: CouncilSettingsState, event: CouncilSettingsEvent): CouncilSettingsState {
  return (EVOLVERS[event.type] as (s: CouncilSettingsState, e: CouncilSettingsEvent) => CouncilSettingsState)(state, event);
}

/** A settings event as its stream holds it: when it was recorded, and at which revision. */
export interface RecordedSettingsEvent {
  event: CouncilSettingsEvent;
  recordedAt: string;
  revision: number;
}

/**
 * Where a rule in force comes from: whether the council set it or it is the default, and which
 * setting it was (when it was recorded, why, at which revision of the settings stream).
 */
export type SettingSource = {
  source: 'council' | 'default';
  reason: string | null;
  setAt: string | null;
  settingsRevision: number | null;
};

const DEFAULT_SOURCE: SettingSource = { source: 'default', reason: null, setAt: null, settingsRevision: null };

/** The roll-up rule a roll-up states, with where it comes from. */
export type RollupRuleInForce = RollupRule & SettingSource;

/** What a council that never set a rule rolls up with. */
export const DEFAULT_ROLLUP_RULE_IN_FORCE: RollupRuleInForce = { ...DEFAULT_ROLLUP_RULE, ...DEFAULT_SOURCE };

/** What a report does with figures not yet verified, with where the rule comes from. */
export type UnverifiedFiguresRuleInForce = { unverifiedFigures: UnverifiedFiguresRule } & SettingSource;

export const DEFAULT_UNVERIFIED_FIGURES_RULE_IN_FORCE: UnverifiedFiguresRuleInForce = {
  unverifiedFigures: DEFAULT_UNVERIFIED_FIGURES_RULE,
  ...DEFAULT_SOURCE,
};

/**
 * The setting `ruleOf` reads (null from the events of other settings) in force at `instant` (record
 * time, an ISO instant): the last one recorded at or before it, so that a report made as of a past
 * instant reads as it did then; null means now.
 */
function inForceAt<R>(
  recorded: RecordedSettingsEvent[],
  instant: string | null,
  ruleOf: (event: CouncilSettingsEvent) => (R & { reason: string | null }) | null,
  defaultRule: R & SettingSource,
): R & SettingSource {
  let inForce = defaultRule;
  for (const { event, recordedAt, revision } of recorded) {
    if (instant !== null && recordedAt > instant) break;
    const rule = ruleOf(event);
    if (rule !== null) inForce = { ...rule, source: 'council', setAt: recordedAt, settingsRevision: revision };
  }
  return inForce;
}

export const rollupRuleInForceAt = (recorded: RecordedSettingsEvent[], instant: string | null): RollupRuleInForce =>
  inForceAt(
    recorded,
    instant,
    ({ type, data }) =>
      type === 'RollupRuleSet' ? { rounding: data.rounding, milestoneWithoutEntry: data.milestoneWithoutEntry, reason: data.reason } : null,
    DEFAULT_ROLLUP_RULE_IN_FORCE,
  );

export const unverifiedFiguresRuleInForceAt = (recorded: RecordedSettingsEvent[], instant: string | null): UnverifiedFiguresRuleInForce =>
  inForceAt(
    recorded,
    instant,
    (event) =>
      event.type === 'UnverifiedFiguresRuleSet' ? { unverifiedFigures: event.data.unverifiedFigures, reason: event.data.reason } : null,
    DEFAULT_UNVERIFIED_FIGURES_RULE_IN_FORCE,
  );

/** When returns fall due, with where the rule comes from. */
export type ReturnDeadlineRuleInForce = ReturnDeadlineRule & SettingSource;

export const DEFAULT_RETURN_DEADLINE_RULE_IN_FORCE: ReturnDeadlineRuleInForce = { ...DEFAULT_RETURN_DEADLINE_RULE, ...DEFAULT_SOURCE };

export const returnDeadlineRuleInForceAt = (recorded: RecordedSettingsEvent[], instant: string | null): ReturnDeadlineRuleInForce =>
  inForceAt(
    recorded,
    instant,
    (event) =>
      event.type === 'ReturnDeadlinesSet'
        ? { deadlineWorkingDays: event.data.deadlineWorkingDays, nation: event.data.nation, reason: event.data.reason }
        : null,
    DEFAULT_RETURN_DEADLINE_RULE_IN_FORCE,
  );
