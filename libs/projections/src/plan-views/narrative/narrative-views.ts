import type { NarrativeSection, ThemeContribution } from '@app/domain';

export type NarrativeSectionView = NarrativeSection;

export type ContributionView = ThemeContribution;

/** The plan view's prose: sections by order then key, contributions by theme id. */
export type NarrativePart = {
  sections: NarrativeSectionView[];
  contributions: ContributionView[];
};

export const emptyNarrativePart = (): NarrativePart => ({ sections: [], contributions: [] });
