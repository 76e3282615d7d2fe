import type { ActualRejected, ActualRestated, ActualVerified } from './indicator-events';
import { given, SPEC_ACTOR } from '../testing/given-when-then';
import { cp7Q1Recorded, HART_PLAN_ID, planInMonitoring } from '../testing/plan-fixtures';

const planId = HART_PLAN_ID;
const CHECKER = 'u-checker';
const figure = { planId, code: 'CP7', unit: 'percent', period: '2023/24-Q1', value: 29.1 } as const;
const verified: ActualVerified = { type: 'ActualVerified', data: { ...figure, verifiedBy: CHECKER } };
const rejected: ActualRejected = {
  type: 'ActualRejected',
  data: { ...figure, rejectedBy: CHECKER, reason: 'The return counts March twice' },
};
const restated: ActualRestated = {
  type: 'ActualRestated',
  data: {
    ...cp7Q1Recorded.data,
    previous: { value: 29.1, commentary: null },
    value: 28.4,
    reason: 'March counted once',
  },
};
const verify = (outcome: string, reason?: string, byPerformanceTeam = false) =>
  ({ type: 'VerifyActual', data: { code: 'cp7', period: '2023-24-Q1', outcome, reason, byPerformanceTeam } }) as const;

describe('verifying an actual', () => {
  it('is recorded by a second officer, with the figure they checked', () => {
    given(planInMonitoring).by(CHECKER).when(verify('verified')).then([verified]);
  });

  it('is refused to the officer who entered the figure: four eyes', () => {
    given(planInMonitoring)
      .by(SPEC_ACTOR)
      .when(verify('verified'))
      .thenRefused('rule-broken', /^You entered the actual for CP7 in 2023\/24-Q1: it must be verified or rejected by someone else\.$/);
  });

  it('is refused to the officer who entered the figure when they would reject it too', () => {
    given(planInMonitoring).when(verify('rejected', 'Typed wrongly')).thenRefused('rule-broken', /^You entered the actual/);
  });

  it('rejects with a reason, and refuses a rejection without one', () => {
    given(planInMonitoring).by(CHECKER).when(verify('rejected', ' The return counts March twice ')).then([rejected]);
    given(planInMonitoring).by(CHECKER).when(verify('rejected', '  ')).thenRefused('rule-broken', /^Give a reason for rejecting the actual for CP7 in 2023\/24-Q1\.$/);
    given(planInMonitoring).by(CHECKER).when(verify('rejected')).thenRefused('rule-broken', /Give a reason/);
  });

  it('may reject a figure verified before, when a later check finds it wrong', () => {
    given(planInMonitoring, [verified]).by('u-auditor').when(verify('rejected', 'Wrong source')).then([
      { type: 'ActualRejected', data: { ...figure, rejectedBy: 'u-auditor', reason: 'Wrong source' } },
    ]);
  });

  it('refuses to verify a rejected figure until it is restated, then verifies the restated one', () => {
    given(planInMonitoring, [rejected])
      .by(CHECKER)
      .when(verify('verified'))
      .thenRefused('rule-broken', /was rejected: it is verified once it has been restated/);
    given(planInMonitoring, [rejected, restated])
      .by(CHECKER)
      .when(verify('verified'))
      .then([{ type: 'ActualVerified', data: { ...figure, value: 28.4, verifiedBy: CHECKER } }]);
  });

  it('needs verifying again after a restatement of a verified figure', () => {
    given(planInMonitoring, [verified]).by(CHECKER).when(verify('verified')).thenRefused('rule-broken', /^Nothing would change: .* is already verified\.$/);
    given(planInMonitoring, [verified, restated])
      .by(CHECKER)
      .when(verify('verified'))
      .then([{ type: 'ActualVerified', data: { ...figure, value: 28.4, verifiedBy: CHECKER } }]);
  });

  it('lets anyone verify a figure stored before the system kept who entered it', () => {
    const unknownRecorder = { ...cp7Q1Recorded, data: { ...cp7Q1Recorded.data, recordedBy: null } };
    given([...planInMonitoring.slice(0, -1), unknownRecorder]).when(verify('verified')).then([
      { type: 'ActualVerified', data: { ...figure, verifiedBy: SPEC_ACTOR } },
    ]);
  });

  it('refuses a period without an actual, and an outcome it does not know', () => {
    given(planInMonitoring)
      .by(CHECKER)
      .when({ type: 'VerifyActual', data: { code: 'CP7', period: '2023/24-Q2', outcome: 'verified', byPerformanceTeam: false } })
      .thenRefused('rule-broken', /^No actual is recorded for CP7 in 2023\/24-Q2: there is nothing to verify\.$/);
    given(planInMonitoring)
      .by(CHECKER)
      .when(verify('approved'))
      .thenRefused('rule-broken', /^A check of a figure is verified or rejected, not 'approved'\.$/);
  });
});
