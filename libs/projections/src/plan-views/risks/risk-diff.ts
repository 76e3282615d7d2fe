import type { DiffEntries } from '../section-traits';

/** Risks by ref: their register entry, not the reviews recorded against them. */
export const RISK_DIFF_ENTRIES = {
  risk: (view) => view.risks.map(({ reviews: _reviews, ...content }) => [content.ref, content]),
} satisfies Record<string, DiffEntries>;
