import type { DiffEntries } from '../section-traits';

/** Key posts and skills by ref; the workforce as one item, its latest position with its totals. */
export const WORKFORCE_DIFF_ENTRIES = {
  keyPost: (view) => view.keyPosts.map((keyPost) => [keyPost.ref, keyPost]),
  skill: (view) => view.skills.map((skill) => [skill.ref, skill]),
  workforce: (view) => (view.workforce ? [['workforce', view.workforce]] : []),
} satisfies Record<string, DiffEntries>;
