import type { KeyPost, Skill, WorkforcePosition } from './workforce-values';

/** What the decider knows of a plan's workforce, key posts and skills. */
export interface WorkforceSlice {
  /** The latest position recorded, or null before the first. */
  workforce: WorkforcePosition | null;
  keyPosts: Record<string, KeyPost>;
  skills: Record<string, Skill>;
}

export const initialWorkforceSlice = (): WorkforceSlice => ({ workforce: null, keyPosts: {}, skills: {} });
