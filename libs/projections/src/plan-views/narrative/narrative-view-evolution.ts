import type { NarrativeEvent, NarrativeSection, ThemeContribution } from '@app/domain';
import { compareKeys, removeByKey, updateByKey, upsertByKey } from '../keyed-parts';
import type { ViewEvolvers } from '../section-traits';
import type { ContributionView, NarrativeSectionView } from './narrative-views';

const keyOfSection = (section: NarrativeSectionView) => section.key;
const keyOfContribution = (contribution: ContributionView) => contribution.themeId;

export const NARRATIVE_VIEW_EVOLVERS: ViewEvolvers<NarrativeEvent> = {
  NarrativeSectionAdded: (view, { data }) => ({
    ...view,
    sections: inPlanOrder(upsertByKey(view.sections, keyOfSection, sectionOf(data))),
  }),
  NarrativeSectionRevised: (view, { data: { key, changes } }) => ({
    ...view,
    sections: inPlanOrder(updateByKey(view.sections, keyOfSection, key, (section) => sectionOf({ ...section, ...changes }))),
  }),
  NarrativeSectionRemoved: (view, { data }) => ({ ...view, sections: removeByKey(view.sections, keyOfSection, data.key) }),
  ContributionAdded: (view, { data }) => ({
    ...view,
    contributions: upsertByKey(view.contributions, keyOfContribution, contributionOf(data)),
  }),
  ContributionRevised: (view, { data: { themeId, changes } }) => ({
    ...view,
    contributions: updateByKey(view.contributions, keyOfContribution, themeId, (contribution) =>
      contributionOf({ ...contribution, ...changes }),
    ),
  }),
  ContributionRemoved: (view, { data }) => ({
    ...view,
    contributions: removeByKey(view.contributions, keyOfContribution, data.themeId),
  }),
};

/** Built with its keys in one order, whatever the event's data held besides. */
const sectionOf = ({ key, title, text, order }: NarrativeSection): NarrativeSectionView => ({ key, title, text, order });

const contributionOf = ({ themeId, themeTitle, objectiveRefs, contribution }: ThemeContribution): ContributionView => ({
  themeId,
  themeTitle,
  objectiveRefs: [...objectiveRefs],
  contribution,
});

/** As the plan prints them: by their place, those without one after, each group by key. */
function inPlanOrder(sections: NarrativeSectionView[]): NarrativeSectionView[] {
  const place = (section: NarrativeSectionView) => section.order ?? Number.POSITIVE_INFINITY;
  return [...sections].sort((a, b) => place(a) - place(b) || compareKeys(a.key, b.key));
}
