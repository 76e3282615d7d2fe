import type { PlanView } from '@app/projections';
import { bodyOf, type ImportedCommand, type SectionTemplate } from '../../imports/template-sheet';
import { AddContractDto } from './contract.dto';

const CONTRACTS = 'Contracts';

/** The contracts register, a row per contract, its dates as the register words them ("March 2014", "Annual"). */
export const CONTRACT_TEMPLATE: SectionTemplate = {
  sheets: [
    {
      name: CONTRACTS,
      title: 'Contracts register: dates as the register words them',
      columns: [
        { key: 'ref', header: 'Ref', kind: 'text', width: 8 },
        { key: 'title', header: 'Contract', kind: 'text', width: 40 },
        { key: 'serviceArea', header: 'Service area', kind: 'text', width: 24 },
        { key: 'contact', header: 'Contact', kind: 'text', width: 24 },
        { key: 'description', header: 'Description', kind: 'text', width: 50 },
        { key: 'supplier', header: 'Supplier', kind: 'text', width: 30 },
        { key: 'value', header: 'Value £', kind: 'pounds', width: 16 },
        { key: 'start', header: 'Start', kind: 'text', width: 14 },
        { key: 'end', header: 'End', kind: 'text', width: 14 },
        { key: 'review', header: 'Review', kind: 'text', width: 14 },
        { key: 'extension', header: 'Extension', kind: 'text', width: 24 },
      ],
      rowsOf: (plan: PlanView) =>
        plan.contracts.map(({ ref, title, serviceArea, contact, description, supplier, value, start, end, review, extension }) => ({
          ref,
          title,
          serviceArea,
          contact,
          description,
          supplier,
          value,
          start: start?.text ?? null,
          end: end?.text ?? null,
          review: review?.text ?? null,
          extension,
        })),
    },
  ],
  commandsOf(rows): ImportedCommand[] {
    return (rows[CONTRACTS] ?? []).map((row) => ({ type: 'AddContract', dto: AddContractDto, row, body: bodyOf(row.cells) }));
  },
};
