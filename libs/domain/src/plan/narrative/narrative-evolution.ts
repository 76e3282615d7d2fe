import type { EventEvolvers } from '../evolution-rules';
import { withItem, withoutItem } from '../keyed-items';
import { entryOf } from '../plan-state';
import type { NarrativeEvent } from './narrative-events';

export const NARRATIVE_EVOLVERS: EventEvolvers<NarrativeEvent> = {
  NarrativeSectionAdded: (state, { data: { key, title, text, order } }) => ({
    ...state,
    sections: withItem(state.sections, key, { key, title, text, order }),
  }),
  NarrativeSectionRevised: (state, { data: { key, changes } }) => {
    const section = entryOf(state.sections, key);
    return section ? { ...state, sections: withItem(state.sections, key, { ...section, ...changes }) } : state;
  },
  NarrativeSectionRemoved: (state, { data }) => ({ ...state, sections: withoutItem(state.sections, data.key) }),
  ContributionAdded: (state, { data: { themeId, themeTitle, objectiveRefs, contribution } }) => ({
    ...state,
    contributions: withItem(state.contributions, themeId, { themeId, themeTitle, objectiveRefs, contribution }),
  }),
  ContributionRevised: (state, { data: { themeId, changes } }) => {
    const current = entryOf(state.contributions, themeId);
    return current
      ? { ...state, contributions: withItem(state.contributions, themeId, { ...current, ...changes }) }
      : state;
  },
  ContributionRemoved: (state, { data }) => ({ ...state, contributions: withoutItem(state.contributions, data.themeId) }),
};
