import { DomainError } from '../../domain-error';
import type { CommandDeciders, OpenPlan } from '../decision-rules';
import { requireReason, structuralChange } from '../decision-rules';
import { requireItem, requireNewKey, revisedFields } from '../keyed-items';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import type { PlanEvent } from '../plan-events';
import type {
  AddContribution,
  AddNarrativeSection,
  NarrativeCommand,
  RemoveContribution,
  RemoveNarrativeSection,
  ReviseContribution,
  ReviseNarrativeSection,
} from './narrative-commands';
import type { ContributionFields } from './narrative-events';
import type { ThemeContribution } from './narrative-values';

const SECTION = 'Section';
const CONTRIBUTION = 'The contribution to theme';

/** The plan's narrative sections and its contributions to the corporate plan's themes. */
export const NARRATIVE_DECIDERS: CommandDeciders<NarrativeCommand> = {
  AddNarrativeSection: addSection,
  ReviseNarrativeSection: reviseSection,
  RemoveNarrativeSection: removeSection,
  AddContribution: addContribution,
  ReviseContribution: reviseContribution,
  RemoveContribution: removeContribution,
};

function addSection(command: AddNarrativeSection, plan: OpenPlan): PlanEvent[] {
  const { key, title, text } = command.data;
  requireNewKey(plan.sections, key, SECTION);
  requireWithinLimit(PLAN_LIMITS.sectionsPerPlan, Object.keys(plan.sections).length + 1, 'this plan');
  return structuralChange(plan, `Section ${key} added`, [
    { type: 'NarrativeSectionAdded', data: { planId: plan.planId, key, title, text, order: command.data.order ?? null } },
  ]);
}

function reviseSection(command: ReviseNarrativeSection, plan: OpenPlan): PlanEvent[] {
  const { key, title, text, order } = command.data;
  const section = requireItem(plan.sections, key, SECTION);
  const reason = requireReason(command.data.reason, `revising section ${key}`);
  const { changes, previous } = revisedFields(section, { title, text, order }, SECTION, key);
  return structuralChange(plan, reason, [
    { type: 'NarrativeSectionRevised', data: { planId: plan.planId, key, changes, previous, reason } },
  ]);
}

function removeSection(command: RemoveNarrativeSection, plan: OpenPlan): PlanEvent[] {
  const { key } = command.data;
  const section = requireItem(plan.sections, key, SECTION);
  const reason = requireReason(command.data.reason, `removing section ${key}`);
  return structuralChange(plan, reason, [
    { type: 'NarrativeSectionRemoved', data: { planId: plan.planId, key, title: section.title, reason } },
  ]);
}

function addContribution(command: AddContribution, plan: OpenPlan): PlanEvent[] {
  const { themeId } = command.data;
  requireNewKey(plan.contributions, themeId, CONTRIBUTION);
  requireObjectivesWithinLimit(themeId, command.data.objectiveRefs);
  requireWithinLimit(PLAN_LIMITS.contributionsPerPlan, Object.keys(plan.contributions).length + 1, 'this plan');
  const contribution: ThemeContribution = {
    themeId,
    themeTitle: command.data.themeTitle ?? null,
    objectiveRefs: command.data.objectiveRefs ?? [],
    contribution: command.data.contribution ?? null,
  };
  requireContributionContent(contribution);
  return structuralChange(plan, `Contribution to theme ${themeId} added`, [
    { type: 'ContributionAdded', data: { planId: plan.planId, ...contribution } },
  ]);
}

function reviseContribution(command: ReviseContribution, plan: OpenPlan): PlanEvent[] {
  const { themeId, themeTitle, objectiveRefs, contribution } = command.data;
  const current = requireItem(plan.contributions, themeId, CONTRIBUTION);
  const reason = requireReason(command.data.reason, `revising the contribution to theme ${themeId}`);
  requireObjectivesWithinLimit(themeId, objectiveRefs);
  const { changes, previous } = revisedFields<ContributionFields>(
    current,
    { themeTitle, objectiveRefs, contribution },
    CONTRIBUTION,
    themeId,
  );
  requireContributionContent({ ...current, ...changes });
  return structuralChange(plan, reason, [
    { type: 'ContributionRevised', data: { planId: plan.planId, themeId, changes, previous, reason } },
  ]);
}

function removeContribution(command: RemoveContribution, plan: OpenPlan): PlanEvent[] {
  const { themeId } = command.data;
  const current = requireItem(plan.contributions, themeId, CONTRIBUTION);
  const reason = requireReason(command.data.reason, `removing the contribution to theme ${themeId}`);
  return structuralChange(plan, reason, [
    { type: 'ContributionRemoved', data: { planId: plan.planId, themeId, themeTitle: current.themeTitle, reason } },
  ]);
}

/**
 * A contribution says something: the objectives it serves, the service's words, or both. Plans
 * print themes whose contribution column is still empty (Three Rivers fills it for one theme of
 * four), so the words alone are not required.
 */
function requireContributionContent({ themeId, objectiveRefs, contribution }: ThemeContribution): void {
  const repeated = objectiveRefs.find((objective, index) => objectiveRefs.indexOf(objective) !== index);
  if (repeated !== undefined) {
    throw DomainError.ruleBroken(
      `The contribution to theme ${themeId} lists the objective '${repeated}' twice: list each objective once.`,
    );
  }
  if (objectiveRefs.length === 0 && contribution === null) {
    throw DomainError.ruleBroken(
      `The contribution to theme ${themeId} says nothing: give the objectives it serves, the service's contribution, or both.`,
    );
  }
}

/** Checked before anything else reads the list, so an oversized one costs nothing more. */
function requireObjectivesWithinLimit(themeId: string, objectiveRefs: string[] | undefined): void {
  if (objectiveRefs) {
    requireWithinLimit(PLAN_LIMITS.objectivesPerContribution, objectiveRefs.length, `the contribution to theme ${themeId}`);
  }
}
