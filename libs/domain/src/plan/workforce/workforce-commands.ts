import type { PlanCommandOf } from '../plan-message';

export type AddKeyPost = PlanCommandOf<
  'AddKeyPost',
  { ref: string; jobTitle: string; succession?: string; skills?: string; networks?: string; impact?: string; options?: string }
>;

/** Any of the fields; null clears an optional one. */
export type ReviseKeyPost = PlanCommandOf<
  'ReviseKeyPost',
  {
    ref: string;
    jobTitle?: string;
    succession?: string | null;
    skills?: string | null;
    networks?: string | null;
    impact?: string | null;
    options?: string | null;
    reason: string;
  }
>;

export type RemoveKeyPost = PlanCommandOf<'RemoveKeyPost', { ref: string; reason: string }>;

export type AddSkill = PlanCommandOf<'AddSkill', { ref: string; jobTitle: string; qualification?: string; cpdRequired?: boolean }>;

export type ReviseSkill = PlanCommandOf<
  'ReviseSkill',
  { ref: string; jobTitle?: string; qualification?: string | null; cpdRequired?: boolean | null; reason: string }
>;

export type RemoveSkill = PlanCommandOf<'RemoveSkill', { ref: string; reason: string }>;

/** The whole position at a date; it replaces the one recorded before, which needs a reason. */
export type RecordWorkforce = PlanCommandOf<
  'RecordWorkforce',
  { asAt: string; units: Array<{ name: string; headcount: number; fte?: number }>; reason?: string }
>;

export type WorkforceCommand = AddKeyPost | ReviseKeyPost | RemoveKeyPost | AddSkill | ReviseSkill | RemoveSkill | RecordWorkforce;
