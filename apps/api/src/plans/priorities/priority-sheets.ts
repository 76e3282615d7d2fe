import type { PlanView } from '@app/projections';
import {
  bodyOf,
  cellOfList,
  keyOf,
  listIn,
  orphanRows,
  rowsByKey,
  type ImportedCommand,
  type SectionTemplate,
} from '../../imports/template-sheet';
import { AddPriorityDto } from './priority.dto';

const PRIORITIES = 'Priorities';
const OUTCOMES = 'Outcomes';

/** Priorities, projects and actions, one row each; their outcomes or milestones on a sheet of their own, by the priority's ref. */
export const PRIORITY_TEMPLATE: SectionTemplate = {
  sheets: [
    {
      name: PRIORITIES,
      title: 'Service priorities, projects and actions; their outcomes and milestones are on the Outcomes sheet',
      columns: [
        { key: 'ref', header: 'Ref', kind: 'text', width: 8 },
        { key: 'kind', header: 'Kind (priority, project, action)', kind: 'text', width: 14 },
        { key: 'title', header: 'Priority', kind: 'text', width: 60 },
        { key: 'objective', header: 'Objective', kind: 'text', width: 40 },
        { key: 'themes', header: 'Themes (one per line)', kind: 'text', width: 40 },
        { key: 'sponsor', header: 'Sponsor', kind: 'text', width: 24 },
        { key: 'manager', header: 'Manager', kind: 'text', width: 24 },
        { key: 'owner', header: 'Owner (user id)', kind: 'text', width: 20 },
        { key: 'approver', header: 'Approver (user id)', kind: 'text', width: 20 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.priorities.map(({ ref, kind, title, objective, themes, sponsor, manager, owner, approver }) => ({
          ref,
          kind,
          title,
          objective,
          themes: cellOfList(themes),
          sponsor,
          manager,
          owner,
          approver,
        })),
    },
    {
      name: OUTCOMES,
      title: 'Expected outcomes and milestones, in the order the plan lists them under each priority',
      columns: [
        { key: 'priority', header: 'Priority ref', kind: 'text', width: 12 },
        { key: 'ref', header: 'Ref', kind: 'text', width: 8 },
        { key: 'description', header: 'Outcome or milestone', kind: 'text', width: 70 },
        { key: 'targetDate', header: 'Target date (as worded)', kind: 'text', width: 24 },
        { key: 'due', header: 'Due (period or date)', kind: 'text', width: 18 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.priorities.flatMap((priority) =>
          priority.outcomes.map(({ ref, description, targetDate, due }) => ({
            priority: priority.ref,
            ref,
            description,
            targetDate: targetDate?.text ?? null,
            due: due === null ? null : (due.period ?? due.date),
          })),
        ),
    },
  ],
  commandsOf(rows, problems): ImportedCommand[] {
    const priorities = rows[PRIORITIES] ?? [];
    const outcomes = rowsByKey(rows[OUTCOMES] ?? [], 'priority');
    orphanRows(outcomes, new Set(priorities.map((row) => keyOf(row.cells.ref))), 'priority', 'priority', problems);
    return priorities.map((row) => {
      const own = outcomes.get(keyOf(row.cells.ref)) ?? [];
      return {
        type: 'AddPriority',
        dto: AddPriorityDto,
        row,
        body: bodyOf({
          ...row.cells,
          themes: listIn(row.cells.themes) ?? [],
          outcomes: own.map(({ cells: { priority: _priority, ...outcome } }) => bodyOf(outcome)),
        }),
        elements: { outcomes: own },
      };
    });
  },
};
