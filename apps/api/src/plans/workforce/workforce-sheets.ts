import type { PlanView } from '@app/projections';
import { bodyOf, yesOrNo, yesOrNoOf, type ImportedCommand, type RowProblem, type SectionTemplate } from '../../imports/template-sheet';
import { AddKeyPostDto, AddSkillDto, RecordWorkforceDto } from './workforce.dto';

const WORKFORCE = 'Workforce';
const KEY_POSTS = 'Key posts';
const SKILLS = 'Skills';

/** The workforce at one date (a row per unit), the single points of failure and the skills the posts need. */
export const WORKFORCE_TEMPLATE: SectionTemplate = {
  sheets: [
    {
      name: WORKFORCE,
      title: 'Workforce: headcount per unit, every row at the same date (totals are computed)',
      columns: [
        { key: 'asAt', header: 'As at', kind: 'date', width: 12 },
        { key: 'name', header: 'Unit', kind: 'text', width: 40 },
        { key: 'headcount', header: 'Headcount', kind: 'whole-number', width: 12 },
        { key: 'fte', header: 'FTE', kind: 'whole-number', width: 10 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.workforce === null ? [] : plan.workforce.units.map(({ name, headcount, fte }) => ({ asAt: plan.workforce!.asAt, name, headcount, fte })),
    },
    {
      name: KEY_POSTS,
      title: 'Single points of failure: posts the service depends on',
      columns: [
        { key: 'ref', header: 'Ref', kind: 'text', width: 8 },
        { key: 'jobTitle', header: 'Job title', kind: 'text', width: 30 },
        { key: 'succession', header: 'Succession planning', kind: 'text', width: 40 },
        { key: 'skills', header: 'Risks and skills required', kind: 'text', width: 40 },
        { key: 'networks', header: 'Knowledge and networks', kind: 'text', width: 40 },
        { key: 'impact', header: 'Impact on the service', kind: 'text', width: 40 },
        { key: 'options', header: 'Future options', kind: 'text', width: 40 },
      ],
      rowsOf: (plan: PlanView) => plan.keyPosts.map((post) => ({ ...post })),
    },
    {
      name: SKILLS,
      title: 'Skills and qualifications the posts need',
      columns: [
        { key: 'ref', header: 'Ref', kind: 'text', width: 8 },
        { key: 'jobTitle', header: 'Job title', kind: 'text', width: 30 },
        { key: 'qualification', header: 'Qualification', kind: 'text', width: 40 },
        { key: 'cpdRequired', header: 'CPD required (yes or no)', kind: 'text', width: 14 },
      ],
      rowsOf: (plan: PlanView) => plan.skills.map(({ ref, jobTitle, qualification, cpdRequired }) => ({ ref, jobTitle, qualification, cpdRequired: yesOrNoOf(cpdRequired) })),
    },
  ],
  commandsOf(rows, problems: RowProblem[]): ImportedCommand[] {
    const commands: ImportedCommand[] = [];
    const units = rows[WORKFORCE] ?? [];
    if (units.length > 0) {
      const [first] = units;
      for (const row of units.slice(1)) {
        if (row.cells.asAt !== first.cells.asAt) problems.push({ at: row, column: 'asAt', message: `must be the date of row ${first.row}: the workforce is recorded at one date` });
      }
      commands.push({
        type: 'RecordWorkforce',
        dto: RecordWorkforceDto,
        row: first,
        body: bodyOf({ asAt: first.cells.asAt, units: units.map(({ cells: { asAt: _asAt, ...unit } }) => bodyOf(unit)) }),
        elements: { units },
      });
    }
    for (const row of rows[KEY_POSTS] ?? []) commands.push({ type: 'AddKeyPost', dto: AddKeyPostDto, row, body: bodyOf(row.cells) });
    for (const row of rows[SKILLS] ?? []) {
      commands.push({ type: 'AddSkill', dto: AddSkillDto, row, body: bodyOf({ ...row.cells, cpdRequired: yesOrNo(row.cells.cpdRequired) }) });
    }
    return commands;
  },
};
