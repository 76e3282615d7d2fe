import type { IndicatorOwnershipAssigned, PriorityOwnershipAssigned } from './plan-events';
import type { Ownership } from './ownership';
import { given, SPEC_ACTOR } from './testing/given-when-then';
import { hartIndicatorDefinition } from './testing/hart-2023-24.seed';
import { approvedPlan, draftPlan, HART_PLAN_ID, hartDrafted, planInMonitoring } from './testing/plan-fixtures';

const planId = HART_PLAN_ID;
const OWNER = 'u-jones';
const APPROVER = 'u-patel';
const nobody: Ownership = { owner: null, approver: null };

const cp7Owned = (owner: string | null, approver: string | null, previous = nobody, reason: string | null = null): IndicatorOwnershipAssigned => ({
  type: 'IndicatorOwnershipAssigned',
  data: { planId, code: 'CP7', owner, approver, previous, reason },
});

/** An indicator of Hart's not yet in the plan, defined with nobody named unless a spec names them. */
const { description, ...definition } = hartIndicatorDefinition('CP11');
const defined = { planId, ...definition, description, tolerance: 5, toleranceAbsolute: null, themeId: null, targets: [] };

describe("an indicator's owner and approver", () => {
  it('are named when it is defined, in the same decision, by user id', () => {
    given([hartDrafted])
      .when({ type: 'DefineIndicator', data: { ...definition, description: description ?? undefined, targets: [], owner: ` ${OWNER} `, approver: APPROVER } })
      .then([
        { type: 'IndicatorDefined', data: defined },
        { type: 'IndicatorOwnershipAssigned', data: { planId, code: 'CP11', owner: OWNER, approver: APPROVER, previous: nobody, reason: null } },
      ]);
  });

  it('are not recorded for an indicator defined without them', () => {
    given([hartDrafted])
      .when({ type: 'DefineIndicator', data: { ...definition, description: description ?? undefined, targets: [] } })
      .then([{ type: 'IndicatorDefined', data: defined }]);
  });

  it('change on a revision with its reason, keeping who they were, and reopen an approved plan', () => {
    given(draftPlan, [cp7Owned(OWNER, APPROVER)])
      .when({ type: 'ReviseIndicator', data: { code: 'cp7', owner: 'u-khan', reason: 'Mr Jones retired' } })
      .then([cp7Owned('u-khan', APPROVER, { owner: OWNER, approver: APPROVER }, 'Mr Jones retired')]);
    given(approvedPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', approver: APPROVER, reason: 'Checked by the revenues manager' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Checked by the revenues manager' } },
        cp7Owned(null, APPROVER, nobody, 'Checked by the revenues manager'),
      ]);
  });

  it('are recorded beside the definition when a revision changes both', () => {
    given(draftPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', title: 'Council Tax collected', owner: OWNER, reason: 'Shorter title, owner named' } })
      .then([
        {
          type: 'IndicatorRevised',
          data: {
            planId,
            code: 'CP7',
            changes: { title: 'Council Tax collected' },
            previous: { title: 'Percentage of Council Tax collected.' },
            reason: 'Shorter title, owner named',
          },
        },
        cp7Owned(OWNER, null, nobody, 'Shorter title, owner named'),
      ]);
  });

  it('are cleared with null, and naming the same people again changes nothing', () => {
    given(draftPlan, [cp7Owned(OWNER, APPROVER)])
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', approver: null, reason: 'Approver left' } })
      .then([cp7Owned(OWNER, null, { owner: OWNER, approver: APPROVER }, 'Approver left')]);
    given(draftPlan, [cp7Owned(OWNER, APPROVER)])
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', owner: OWNER, reason: 'Same' } })
      .thenRefused('rule-broken', /^Nothing would change: indicator CP7 already says that\.$/);
  });

  it('are two people: the owner is never the approver, on definition or revision, and nothing is decided', () => {
    given([hartDrafted])
      .when({ type: 'DefineIndicator', data: { ...definition, description: description ?? undefined, targets: [], owner: OWNER, approver: OWNER } })
      .thenRefused(
        'rule-broken',
        /^u-jones cannot be both the owner and the approver of indicator CP11: its returns are checked by someone other than the officer responsible for them, so name another approver\.$/,
      );
    given(draftPlan, [cp7Owned(OWNER, APPROVER)])
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', title: 'New title', owner: APPROVER, reason: 'Reorganised' } })
      .thenRefused('rule-broken', /^u-patel cannot be both the owner and the approver of indicator CP7/);
  });
});

describe('verifying the actuals of an indicator that names its approver', () => {
  const verify = (byPerformanceTeam: boolean, outcome = 'verified', reason?: string) =>
    ({ type: 'VerifyActual', data: { code: 'CP7', period: '2023/24-Q1', outcome, reason, byPerformanceTeam } }) as const;
  const owned = [...planInMonitoring, cp7Owned(SPEC_ACTOR, APPROVER)];
  const figure = { planId, code: 'CP7', unit: 'percent', period: '2023/24-Q1', value: 29.1 } as const;

  it('is the approver’s', () => {
    given(owned).by(APPROVER).when(verify(false)).then([{ type: 'ActualVerified', data: { ...figure, verifiedBy: APPROVER } }]);
  });

  it('is refused to any other officer, saying whom to ask, rejections too', () => {
    given(owned)
      .by('u-colleague')
      .when(verify(false))
      .thenRefused(
        'rule-broken',
        /^The actuals of CP7 are verified or rejected by its approver, u-patel, or by the performance team: ask them to check the actual for 2023\/24-Q1\.$/,
      );
    given(owned).by('u-colleague').when(verify(false, 'rejected', 'Looks high')).thenRefused('rule-broken', /by its approver, u-patel/);
  });

  it('is open to the performance team, which checks for the whole council', () => {
    given(owned).by('u-performance').when(verify(true)).then([{ type: 'ActualVerified', data: { ...figure, verifiedBy: 'u-performance' } }]);
  });

  it('still keeps four eyes: an approver who entered the figure may not check it', () => {
    const enteredByApprover = [...planInMonitoring, cp7Owned(OWNER, SPEC_ACTOR)];
    given(enteredByApprover).when(verify(false)).thenRefused('rule-broken', /^You entered the actual for CP7 in 2023\/24-Q1/);
  });

  it('is open to any other officer once the approver is no longer named', () => {
    const cleared = [...owned, cp7Owned(SPEC_ACTOR, null, { owner: SPEC_ACTOR, approver: APPROVER }, 'Approver left')];
    given(cleared).by('u-colleague').when(verify(false)).then([{ type: 'ActualVerified', data: { ...figure, verifiedBy: 'u-colleague' } }]);
  });
});

describe("a priority's owner and approver", () => {
  const priority3Owned = (owner: string | null, approver: string | null, previous = nobody, reason: string | null = null): PriorityOwnershipAssigned => ({
    type: 'PriorityOwnershipAssigned',
    data: { planId, ref: '3', kind: 'priority', owner, approver, previous, reason },
  });

  it('are named when it is added, in the same decision', () => {
    given([hartDrafted])
      .when({ type: 'AddPriority', data: { ref: 'WD', title: 'Waste depot', themes: [], kind: 'project', owner: OWNER, approver: APPROVER, outcomes: [] } })
      .then([
        {
          type: 'PriorityAdded',
          data: {
            planId,
            ref: 'WD',
            title: 'Waste depot',
            themes: [],
            themeIds: [],
            objective: null,
            kind: 'project',
            sponsor: null,
            manager: null,
            outcomes: [],
          },
        },
        { type: 'PriorityOwnershipAssigned', data: { planId, ref: 'WD', kind: 'project', owner: OWNER, approver: APPROVER, previous: nobody, reason: null } },
      ]);
  });

  it('change on a revision with its reason, and are never one person', () => {
    given(draftPlan, [priority3Owned(OWNER, APPROVER)])
      .when({ type: 'RevisePriority', data: { ref: '3', approver: 'u-khan', reason: 'New head of service' } })
      .then([priority3Owned(OWNER, 'u-khan', { owner: OWNER, approver: APPROVER }, 'New head of service')]);
    given(draftPlan, [priority3Owned(OWNER, APPROVER)])
      .when({ type: 'RevisePriority', data: { ref: '3', approver: OWNER, reason: 'Merged posts' } })
      .thenRefused('rule-broken', /^u-jones cannot be both the owner and the approver of priority 3/);
    given(draftPlan, [priority3Owned(OWNER, APPROVER)])
      .when({ type: 'RevisePriority', data: { ref: '3', owner: OWNER, reason: 'Same' } })
      .thenRefused('rule-broken', /^Nothing would change: priority 3 already says that\.$/);
  });
});
