import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { KeyPost, KeyPostFields, Skill, SkillFields, WorkforcePosition } from './workforce-values';

export type KeyPostAdded = PlanEventOf<'KeyPostAdded', { keyPost: KeyPost }>;

/** `previous` holds the old values of exactly the fields in `changes`. */
export type KeyPostRevised = PlanEventOf<
  'KeyPostRevised',
  { ref: string; changes: Partial<KeyPostFields>; previous: Partial<KeyPostFields>; reason: string }
>;

export type KeyPostRemoved = PlanEventOf<'KeyPostRemoved', { keyPost: KeyPost; reason: string }>;

export type SkillAdded = PlanEventOf<'SkillAdded', { skill: Skill }>;

export type SkillRevised = PlanEventOf<
  'SkillRevised',
  { ref: string; changes: Partial<SkillFields>; previous: Partial<SkillFields>; reason: string }
>;

export type SkillRemoved = PlanEventOf<'SkillRemoved', { skill: Skill; reason: string }>;

/**
 * The workforce as it stands at `asAt`, replacing the position recorded before (kept in
 * `replaced`, null for the first), with the reason the replacement needs.
 */
export type WorkforceRecorded = PlanEventOf<
  'WorkforceRecorded',
  { position: WorkforcePosition; replaced: WorkforcePosition | null; reason: string | null }
>;

export type WorkforceEvent =
  | KeyPostAdded
  | KeyPostRevised
  | KeyPostRemoved
  | SkillAdded
  | SkillRevised
  | SkillRemoved
  | WorkforceRecorded;

export const WORKFORCE_EVENT_DEFINITIONS: EventDefinitions<WorkforceEvent> = {
  KeyPostAdded: { schemaVersion: 1, role: 'structure' },
  KeyPostRevised: { schemaVersion: 1, role: 'structure' },
  KeyPostRemoved: { schemaVersion: 1, role: 'structure' },
  SkillAdded: { schemaVersion: 1, role: 'structure' },
  SkillRevised: { schemaVersion: 1, role: 'structure' },
  SkillRemoved: { schemaVersion: 1, role: 'structure' },
  WorkforceRecorded: { schemaVersion: 1, role: 'structure' },
};
