import { DomainError } from '../../domain-error';
import { requireIsoDate } from '../../periods/calendar';
import type { CommandDeciders, OpenPlan } from '../decision-rules';
import { requireReason, sameValue, structuralChange } from '../decision-rules';
import { requireItem, requireNewKey, revisedFields } from '../keyed-items';
import type { PlanEvent } from '../plan-events';
import { PLAN_LIMITS, requireWithinLimit } from '../plan-limits';
import type {
  AddKeyPost,
  AddSkill,
  RecordWorkforce,
  RemoveKeyPost,
  RemoveSkill,
  ReviseKeyPost,
  ReviseSkill,
  WorkforceCommand,
} from './workforce-commands';
import type { KeyPostFields, SkillFields, WorkforcePosition, WorkforceUnit } from './workforce-values';

const KEY_POST = 'Key post';
const SKILL = 'Skill';

/** The workforce at a date, the single points of failure and the skills the posts need. */
export const WORKFORCE_DECIDERS: CommandDeciders<WorkforceCommand> = {
  AddKeyPost: addKeyPost,
  ReviseKeyPost: reviseKeyPost,
  RemoveKeyPost: removeKeyPost,
  AddSkill: addSkill,
  ReviseSkill: reviseSkill,
  RemoveSkill: removeSkill,
  RecordWorkforce: recordWorkforce,
};

function addKeyPost(command: AddKeyPost, plan: OpenPlan): PlanEvent[] {
  const { ref, jobTitle } = command.data;
  requireNewKey(plan.keyPosts, ref, KEY_POST);
  requireWithinLimit(PLAN_LIMITS.keyPostsPerPlan, Object.keys(plan.keyPosts).length + 1, 'this plan');
  const keyPost = {
    ref,
    jobTitle,
    succession: command.data.succession ?? null,
    skills: command.data.skills ?? null,
    networks: command.data.networks ?? null,
    impact: command.data.impact ?? null,
    options: command.data.options ?? null,
  };
  return structuralChange(plan, `Key post ${ref} added`, [{ type: 'KeyPostAdded', data: { planId: plan.planId, keyPost } }]);
}

function reviseKeyPost(command: ReviseKeyPost, plan: OpenPlan): PlanEvent[] {
  const { ref, reason: _reason, ...requested } = command.data;
  const keyPost = requireItem(plan.keyPosts, ref, KEY_POST);
  const reason = requireReason(command.data.reason, `revising key post ${ref}`);
  const { changes, previous } = revisedFields<KeyPostFields>(keyPost, requested, KEY_POST, ref);
  return structuralChange(plan, reason, [{ type: 'KeyPostRevised', data: { planId: plan.planId, ref, changes, previous, reason } }]);
}

function removeKeyPost(command: RemoveKeyPost, plan: OpenPlan): PlanEvent[] {
  const { ref } = command.data;
  const keyPost = requireItem(plan.keyPosts, ref, KEY_POST);
  const reason = requireReason(command.data.reason, `removing key post ${ref}`);
  return structuralChange(plan, reason, [{ type: 'KeyPostRemoved', data: { planId: plan.planId, keyPost, reason } }]);
}

function addSkill(command: AddSkill, plan: OpenPlan): PlanEvent[] {
  const { ref, jobTitle } = command.data;
  requireNewKey(plan.skills, ref, SKILL);
  requireWithinLimit(PLAN_LIMITS.skillsPerPlan, Object.keys(plan.skills).length + 1, 'this plan');
  const skill = {
    ref,
    jobTitle,
    qualification: command.data.qualification ?? null,
    cpdRequired: command.data.cpdRequired ?? null,
  };
  return structuralChange(plan, `Skill ${ref} added`, [{ type: 'SkillAdded', data: { planId: plan.planId, skill } }]);
}

function reviseSkill(command: ReviseSkill, plan: OpenPlan): PlanEvent[] {
  const { ref, reason: _reason, ...requested } = command.data;
  const skill = requireItem(plan.skills, ref, SKILL);
  const reason = requireReason(command.data.reason, `revising skill ${ref}`);
  const { changes, previous } = revisedFields<SkillFields>(skill, requested, SKILL, ref);
  return structuralChange(plan, reason, [{ type: 'SkillRevised', data: { planId: plan.planId, ref, changes, previous, reason } }]);
}

function removeSkill(command: RemoveSkill, plan: OpenPlan): PlanEvent[] {
  const { ref } = command.data;
  const skill = requireItem(plan.skills, ref, SKILL);
  const reason = requireReason(command.data.reason, `removing skill ${ref}`);
  return structuralChange(plan, reason, [{ type: 'SkillRemoved', data: { planId: plan.planId, skill, reason } }]);
}

/**
 * A new position replaces the one before, so it needs a reason and may not be dated before it:
 * the plan's workforce is then always the latest position, by date as by record.
 */
function recordWorkforce(command: RecordWorkforce, plan: OpenPlan): PlanEvent[] {
  const asAt = requireIsoDate(command.data.asAt, 'date of the workforce figures');
  requireWithinLimit(PLAN_LIMITS.unitsPerWorkforce, command.data.units.length, 'the workforce');
  const position: WorkforcePosition = { asAt, units: command.data.units.map(workforceUnit) };
  requireDistinctUnits(position.units);
  const replaced = plan.workforce;
  if (replaced === null) {
    const reason = command.data.reason?.trim() || null;
    return structuralChange(plan, reason ?? `Workforce at ${asAt} recorded`, [
      { type: 'WorkforceRecorded', data: { planId: plan.planId, position, replaced, reason } },
    ]);
  }
  const reason = requireReason(command.data.reason, `replacing the workforce recorded at ${replaced.asAt}`);
  if (asAt < replaced.asAt) {
    throw DomainError.ruleBroken(
      `The workforce is recorded at ${replaced.asAt} already: a new position must be at that date or later, not ${asAt}.`,
    );
  }
  if (sameValue(position, replaced)) {
    throw DomainError.ruleBroken(`Nothing would change: the workforce at ${asAt} already says that.`);
  }
  return structuralChange(plan, reason, [{ type: 'WorkforceRecorded', data: { planId: plan.planId, position, replaced, reason } }]);
}

function workforceUnit({ name, headcount, fte }: RecordWorkforce['data']['units'][number]): WorkforceUnit {
  if (!Number.isInteger(headcount) || headcount < 0) {
    throw DomainError.ruleBroken(`The headcount of ${name} is a number of people: ${headcount} is not.`);
  }
  if (fte !== undefined && (!Number.isFinite(fte) || fte < 0 || fte > headcount)) {
    throw DomainError.ruleBroken(
      `The FTE of ${name} is at most its headcount of ${headcount}, since nobody works more than full time: ${fte} is not.`,
    );
  }
  return { name, headcount, fte: fte ?? null };
}

function requireDistinctUnits(units: WorkforceUnit[]): void {
  if (units.length === 0) throw DomainError.ruleBroken('A workforce position needs at least one unit with its headcount.');
  const names = units.map((unit) => unit.name.toLowerCase());
  const twice = units.find((_, index) => names.indexOf(names[index]) !== index);
  if (twice) throw DomainError.ruleBroken(`The workforce lists ${twice.name} twice: give each unit once, with its whole headcount.`);
}
