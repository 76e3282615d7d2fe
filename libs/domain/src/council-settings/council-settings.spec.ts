import { refusalOf } from '../plan/testing/given-when-then';
import { DEFAULT_RISK_MATRIX } from '../plan/risks/risk-matrix';
import type { RiskMatrixCell } from '../plan/risks/risk-values';
import {
  councilSettingsStreamId,
  decideCouncilSettings,
  evolveCouncilSettings,
  initialCouncilSettings,
  riskMatrixInForce,
  returnDeadlineRuleInForceAt,
  rollupRuleInForceAt,
  rollupRuleOf,
  type CouncilSettingsEvent,
  type RecordedSettingsEvent,
} from './council-settings';

/** Three Rivers' matrix, but a very likely risk of marginal impact is medium, not low. */
const stricterCells: RiskMatrixCell[] = DEFAULT_RISK_MATRIX.cells.map((cell) =>
  cell.likelihood === 4 && cell.impact === 1 ? { ...cell, band: 'medium' } : cell,
);


describe("a council's settings", () => {
  it("are Three Rivers' printed matrix until the council sets its own", () => {
    expect(riskMatrixInForce(initialCouncilSettings)).toEqual(DEFAULT_RISK_MATRIX);
  });

  it('set a matrix in order, with the reason, and hold it from then on', () => {
    const events = decideCouncilSettings(
      { type: 'SetRiskMatrix', data: { cells: [...stricterCells].reverse(), reason: ' Adopted by Audit Committee ' } },
      initialCouncilSettings,
      'three-rivers',
    );
    expect(events).toEqual([
      { type: 'RiskMatrixSet', data: { council: 'three-rivers', cells: stricterCells, reason: 'Adopted by Audit Committee' } },
    ]);
    const state = events.reduce(evolveCouncilSettings, initialCouncilSettings);
    expect(riskMatrixInForce(state)).toEqual({ cells: stricterCells });
  });

  it('record nothing for the matrix in force set again, the default included', () => {
    const set: CouncilSettingsEvent = { type: 'RiskMatrixSet', data: { council: 'c', cells: stricterCells, reason: 'r' } };
    const state = evolveCouncilSettings(initialCouncilSettings, set);
    expect(decideCouncilSettings({ type: 'SetRiskMatrix', data: { cells: stricterCells, reason: 'Again' } }, state, 'c')).toEqual([]);
    expect(decideCouncilSettings({ type: 'SetRiskMatrix', data: { cells: DEFAULT_RISK_MATRIX.cells, reason: 'Back' } }, initialCouncilSettings, 'c')).toEqual([]);
  });

  it('refuse a missing reason and a broken matrix', () => {
    expect(refusalOf(() => decideCouncilSettings({ type: 'SetRiskMatrix', data: { cells: stricterCells, reason: ' ' } }, initialCouncilSettings, 'c')).message).toBe(
      "Give a reason for setting the council's risk matrix.",
    );
    expect(refusalOf(() => decideCouncilSettings({ type: 'SetRiskMatrix', data: { cells: [], reason: 'r' } }, initialCouncilSettings, 'c')).message).toBe(
      'The risk matrix needs all 16 cells: likelihood 1 × impact 1 is missing.',
    );
  });

  it('live on a stream of their own per council, named as a plan key names the council', () => {
    expect(councilSettingsStreamId('three rivers/x')).toBe('councilSettings-three%20rivers%2Fx');
  });

  describe('the roll-up rule', () => {
    const halfEvenExcluded: CouncilSettingsEvent = {
      type: 'RollupRuleSet',
      data: { council: 'hart', rounding: 'half-even', milestoneWithoutEntry: 'excluded', reason: 'As the performance report prints it' },
    };

    it('is half up with 0% for a milestone without an entry until the council sets its own', () => {
      expect(rollupRuleOf(initialCouncilSettings)).toEqual({ rounding: 'half-up', milestoneWithoutEntry: 'zero' });
    });

    it('is set with its reason, or none, and holds from then on beside the matrix', () => {
      const events = decideCouncilSettings(
        { type: 'SetRollupRule', data: { rounding: 'half-even', milestoneWithoutEntry: 'excluded', reason: ' As the performance report prints it ' } },
        initialCouncilSettings,
        'hart',
      );
      expect(events).toEqual([halfEvenExcluded]);
      const state = events.reduce(evolveCouncilSettings, initialCouncilSettings);
      expect(rollupRuleOf(state)).toEqual({ rounding: 'half-even', milestoneWithoutEntry: 'excluded' });
      expect(riskMatrixInForce(state)).toEqual(DEFAULT_RISK_MATRIX);
      expect(decideCouncilSettings({ type: 'SetRollupRule', data: { rounding: 'down', milestoneWithoutEntry: 'zero' } }, state, 'hart')).toEqual([
        { type: 'RollupRuleSet', data: { council: 'hart', rounding: 'down', milestoneWithoutEntry: 'zero', reason: null } },
      ]);
    });

    it('records nothing for the rule in force set again, the default included', () => {
      const state = evolveCouncilSettings(initialCouncilSettings, halfEvenExcluded);
      expect(decideCouncilSettings({ type: 'SetRollupRule', data: { rounding: 'half-even', milestoneWithoutEntry: 'excluded' } }, state, 'hart')).toEqual([]);
      expect(decideCouncilSettings({ type: 'SetRollupRule', data: { rounding: 'half-up', milestoneWithoutEntry: 'zero' } }, initialCouncilSettings, 'hart')).toEqual([]);
    });

    it('refuses a rounding or a rule for milestones without entries it does not know, naming those it does', () => {
      const set = (rounding: string, milestoneWithoutEntry: string) => () =>
        decideCouncilSettings({ type: 'SetRollupRule', data: { rounding, milestoneWithoutEntry } }, initialCouncilSettings, 'hart');
      expect(refusalOf(set('nearest', 'zero')).message).toBe("The rounding of roll-ups is one of half-up, half-even, down, not 'nearest'.");
      expect(refusalOf(set('down', 'ignored')).message).toBe(
        "What a milestone without an entry does to a roll-up is one of zero, excluded, not 'ignored'.",
      );
    });

    it('in force at an instant is the last one recorded at or before it, so a report as of then rolls up as it did', () => {
      const recorded: RecordedSettingsEvent[] = [
        { event: { type: 'RiskMatrixSet', data: { council: 'hart', cells: stricterCells, reason: 'r' } }, recordedAt: '2023-05-01T09:00:00.000Z', revision: 0 },
        { event: halfEvenExcluded, recordedAt: '2023-07-01T09:00:00.000Z', revision: 1 },
        {
          event: { type: 'RollupRuleSet', data: { council: 'hart', rounding: 'down', milestoneWithoutEntry: 'zero', reason: null } },
          recordedAt: '2023-10-01T09:00:00.000Z',
          revision: 2,
        },
      ];
      expect(rollupRuleInForceAt(recorded, '2023-06-30T23:59:59.999Z')).toEqual({
        rounding: 'half-up',
        milestoneWithoutEntry: 'zero',
        source: 'default',
        reason: null,
        setAt: null,
        settingsRevision: null,
      });
      expect(rollupRuleInForceAt(recorded, '2023-07-01T09:00:00.000Z')).toEqual({
        rounding: 'half-even',
        milestoneWithoutEntry: 'excluded',
        source: 'council',
        reason: 'As the performance report prints it',
        setAt: '2023-07-01T09:00:00.000Z',
        settingsRevision: 1,
      });
      expect(rollupRuleInForceAt(recorded, null)).toMatchObject({ rounding: 'down', milestoneWithoutEntry: 'zero', settingsRevision: 2 });
    });
  });

  describe('the data-collection rule', () => {
    const scotland: CouncilSettingsEvent = {
      type: 'ReturnDeadlinesSet',
      data: { council: 'fife', deadlineWorkingDays: { monthly: 10, quarterly: 20, annual: 15 }, nation: 'scotland', reason: 'Cabinet timetable' },
    };

    it('sets deadlines and the nation apart from the rule for unverified figures, keeping what is left out', () => {
      const events = decideCouncilSettings(
        { type: 'SetCollectionRule', data: { deadlineWorkingDays: { quarterly: 20 }, nation: 'scotland', reason: ' Cabinet timetable ' } },
        initialCouncilSettings,
        'fife',
      );
      expect(events).toEqual([scotland]);
      const state = events.reduce(evolveCouncilSettings, initialCouncilSettings);
      expect(decideCouncilSettings({ type: 'SetCollectionRule', data: { unverifiedFigures: 'awaiting-verification', deadlineWorkingDays: { annual: 25 } } }, state, 'fife')).toEqual([
        { type: 'UnverifiedFiguresRuleSet', data: { council: 'fife', unverifiedFigures: 'awaiting-verification', reason: null } },
        {
          type: 'ReturnDeadlinesSet',
          data: { council: 'fife', deadlineWorkingDays: { monthly: 10, quarterly: 20, annual: 25 }, nation: 'scotland', reason: null },
        },
      ]);
    });

    it('records nothing for deadlines in force set again, the default included', () => {
      const state = evolveCouncilSettings(initialCouncilSettings, scotland);
      expect(decideCouncilSettings({ type: 'SetCollectionRule', data: { deadlineWorkingDays: { quarterly: 20 }, nation: 'scotland' } }, state, 'fife')).toEqual([]);
      expect(
        decideCouncilSettings(
          { type: 'SetCollectionRule', data: { deadlineWorkingDays: { monthly: 10, quarterly: 15, annual: 15 }, nation: 'england-and-wales' } },
          initialCouncilSettings,
          'hart',
        ),
      ).toEqual([]);
    });

    it('refuses a body that sets nothing, days that are not whole working days from 1 to 60, and a nation it does not know', () => {
      const set = (data: Record<string, unknown>) => () => decideCouncilSettings({ type: 'SetCollectionRule', data }, initialCouncilSettings, 'hart');
      expect(refusalOf(set({ reason: 'Tidying up' })).message).toBe(
        'Say what to set of the data-collection rule: unverifiedFigures, deadlineWorkingDays or nation.',
      );
      expect(refusalOf(set({ deadlineWorkingDays: { monthly: 0 } })).message).toBe(
        'The deadline for monthly returns is a whole number of working days from 1 to 60, not 0.',
      );
      expect(refusalOf(set({ deadlineWorkingDays: { quarterly: 2.5 } })).message).toBe(
        'The deadline for quarterly returns is a whole number of working days from 1 to 60, not 2.5.',
      );
      expect(refusalOf(set({ nation: 'wales' })).message).toBe(
        "The council's nation, whose bank holidays are not working days, is one of england-and-wales, scotland, northern-ireland, not 'wales'.",
      );
    });

    it('is in force from when it is recorded, 10, 15 and 15 days in England and Wales before', () => {
      const recorded: RecordedSettingsEvent[] = [{ event: scotland, recordedAt: '2024-04-10T09:00:00.000Z', revision: 0 }];
      expect(returnDeadlineRuleInForceAt(recorded, '2024-03-31T22:59:59.999Z')).toEqual({
        deadlineWorkingDays: { monthly: 10, quarterly: 15, annual: 15 },
        nation: 'england-and-wales',
        source: 'default',
        reason: null,
        setAt: null,
        settingsRevision: null,
      });
      expect(returnDeadlineRuleInForceAt(recorded, '2024-06-30T22:59:59.999Z')).toEqual({
        deadlineWorkingDays: { monthly: 10, quarterly: 20, annual: 15 },
        nation: 'scotland',
        source: 'council',
        reason: 'Cabinet timetable',
        setAt: '2024-04-10T09:00:00.000Z',
        settingsRevision: 0,
      });
    });
  });
});
