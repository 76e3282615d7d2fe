import type { PlanView } from '@app/projections';
import { bodyOf, cellOfList, listIn, type ImportedCommand, type SectionTemplate } from '../../imports/template-sheet';
import { AddContributionDto, AddNarrativeSectionDto } from './narrative.dto';

const NARRATIVE = 'Narrative';
const CONTRIBUTIONS = 'Contributions';

/** The plan's prose, a row per section with its Markdown in one cell, and its contributions to the corporate plan's themes. */
export const NARRATIVE_TEMPLATE: SectionTemplate = {
  sheets: [
    {
      name: NARRATIVE,
      title: "The plan's prose: a row per section, its text in Markdown kept exactly as written",
      columns: [
        { key: 'key', header: 'Key', kind: 'text', width: 16 },
        { key: 'title', header: 'Heading', kind: 'text', width: 40 },
        { key: 'order', header: 'Order', kind: 'whole-number', width: 8 },
        { key: 'text', header: 'Text (Markdown)', kind: 'text', width: 100 },
      ],
      rowsOf: (plan: PlanView) => plan.sections.map(({ key, title, order, text }) => ({ key, title, order, text })),
    },
    {
      name: CONTRIBUTIONS,
      title: "Contributions to the corporate plan's themes",
      columns: [
        { key: 'themeId', header: 'Theme id', kind: 'text', width: 24 },
        { key: 'themeTitle', header: 'Theme', kind: 'text', width: 40 },
        { key: 'objectiveRefs', header: 'Objectives (one per line)', kind: 'text', width: 50 },
        { key: 'contribution', header: 'Contribution', kind: 'text', width: 80 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.contributions.map(({ themeId, themeTitle, objectiveRefs, contribution }) => ({
          themeId,
          themeTitle,
          objectiveRefs: cellOfList(objectiveRefs),
          contribution,
        })),
    },
  ],
  commandsOf(rows): ImportedCommand[] {
    return [
      ...(rows[NARRATIVE] ?? []).map((row): ImportedCommand => ({ type: 'AddNarrativeSection', dto: AddNarrativeSectionDto, row, body: bodyOf(row.cells) })),
      ...(rows[CONTRIBUTIONS] ?? []).map(
        (row): ImportedCommand => ({
          type: 'AddContribution',
          dto: AddContributionDto,
          row,
          body: bodyOf({ ...row.cells, objectiveRefs: listIn(row.cells.objectiveRefs) }),
        }),
      ),
    ];
  },
};
