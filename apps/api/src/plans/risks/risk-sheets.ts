import type { PlanView } from '@app/projections';
import { bodyOf, type ImportedCommand, type SectionTemplate } from '../../imports/template-sheet';
import { AddRiskDto } from './risk.dto';

const RISKS = 'Risks';

/** The risk register, a row per risk, scored by likelihood and impact (1 to 4); scores and bands are the council's matrix's, computed. */
export const RISK_TEMPLATE: SectionTemplate = {
  sheets: [
    {
      name: RISKS,
      title: 'Risk register: likelihood and impact 1 to 4, before controls (inherent) and with them (residual)',
      columns: [
        { key: 'ref', header: 'Ref', kind: 'text', width: 8 },
        { key: 'title', header: 'Risk', kind: 'text', width: 60 },
        { key: 'owner', header: 'Owner', kind: 'text', width: 24 },
        { key: 'inherentLikelihood', header: 'Inherent likelihood', kind: 'whole-number', width: 12 },
        { key: 'inherentImpact', header: 'Inherent impact', kind: 'whole-number', width: 12 },
        { key: 'residualLikelihood', header: 'Residual likelihood', kind: 'whole-number', width: 12 },
        { key: 'residualImpact', header: 'Residual impact', kind: 'whole-number', width: 12 },
        { key: 'controls', header: 'Controls', kind: 'text', width: 50 },
        { key: 'reviewDate', header: 'Review date', kind: 'date', width: 12 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.risks.map(({ ref, title, owner, inherent, residual, controls, reviewDate }) => ({
          ref,
          title,
          owner,
          inherentLikelihood: inherent?.likelihood ?? null,
          inherentImpact: inherent?.impact ?? null,
          residualLikelihood: residual.likelihood,
          residualImpact: residual.impact,
          controls,
          reviewDate,
        })),
    },
  ],
  commandsOf(rows): ImportedCommand[] {
    return (rows[RISKS] ?? []).map((row) => {
      const { inherentLikelihood, inherentImpact, residualLikelihood, residualImpact, ...rest } = row.cells;
      const inherent = inherentLikelihood === null && inherentImpact === null ? null : bodyOf({ likelihood: inherentLikelihood, impact: inherentImpact });
      return {
        type: 'AddRisk',
        dto: AddRiskDto,
        row,
        body: bodyOf({ ...rest, inherent, residual: bodyOf({ likelihood: residualLikelihood, impact: residualImpact }) }),
        columnOfField: {
          inherent: 'inherentLikelihood',
          'inherent.likelihood': 'inherentLikelihood',
          'inherent.impact': 'inherentImpact',
          residual: 'residualLikelihood',
          'residual.likelihood': 'residualLikelihood',
          'residual.impact': 'residualImpact',
        },
      };
    });
  },
};
