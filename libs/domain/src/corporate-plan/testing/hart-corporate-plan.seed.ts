import type { CorporateTheme } from '../corporate-plan';

/**
 * Hart District Council's Corporate Plan 2023/2027, approved by Council in February 2023, with its
 * themes as the Cabinet report of 4 April 2024 (`/work/shared/seeds/hart-cabinet-2024-04-service-plans-approval.txt`,
 * paragraph 7) words them, in the shape of `POST /v1/corporate-plans`. The report names no objective
 * refs: the refs (PL1, ...) are ILLUSTRATIVE, the texts are the report's.
 */
export const HART_CORPORATE_THEMES: CorporateTheme[] = [
  {
    id: 'planet',
    title: 'Planet',
    objectives: [
      { ref: 'PL1', text: "By 2035, all areas directly under the Council's control should be carbon neutral" },
      { ref: 'PL2', text: 'Hart should be a carbon neutral district by 2040' },
    ],
  },
  {
    id: 'people',
    title: 'People',
    objectives: [
      { ref: 'PE1', text: 'Fair treatment for all, help for those in need' },
      { ref: 'PE2', text: 'A sustainable economy that makes Hart a great place to live, work and enjoy' },
    ],
  },
  {
    id: 'place',
    title: 'Place',
    objectives: [{ ref: 'PA1', text: 'Delivering warmer, better homes in sustainable locations where people can afford to live' }],
  },
  {
    id: 'resilient',
    title: 'A resilient and financially sound council',
    objectives: [{ ref: 'RC1', text: 'Getting services right first time and delivering what matters to residents' }],
  },
];

export const HART_CORPORATE_PLAN = {
  corporatePlanId: 'corporate-plan-2023-27',
  title: 'Hart District Council Corporate Plan 2023/2027',
  period: '2023-2027',
  themes: HART_CORPORATE_THEMES,
};
