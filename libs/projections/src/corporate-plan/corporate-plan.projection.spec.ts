import { HART_CORPORATE_PLAN, HART_CORPORATE_THEMES } from '@app/domain/corporate-plan/testing/hart-corporate-plan.seed';
import { allDocuments, project } from '../plan-views/testing/plan-stream.fixture';
import { CORPORATE_PLANS_COLLECTION, corporatePlanProjection } from './corporate-plan.projection';
import { corporatePlansStream, HART_CORPORATE_PLAN_COMMANDS } from './testing/corporate-plan-stream.fixture';

describe('the corporate plans projection', () => {
  it("holds each council's corporate plan as it stands, with its history of changes and reasons", async () => {
    const hart = corporatePlansStream('hart', HART_CORPORATE_PLAN_COMMANDS);
    const other = corporatePlansStream('rushmoor', [{ type: 'RecordCorporatePlan', data: { ...HART_CORPORATE_PLAN, title: 'Rushmoor plan' } }], 30_000);
    const documents = await allDocuments(await project(corporatePlanProjection, [...hart, ...other]), CORPORATE_PLANS_COLLECTION);

    expect(documents.map((document) => [document.id, document.title])).toEqual([
      ['hart/corporate-plan-2023-27', HART_CORPORATE_PLAN.title],
      ['rushmoor/corporate-plan-2023-27', 'Rushmoor plan'],
    ]);
    expect(documents[0]).toMatchObject({
      corporatePlanId: 'corporate-plan-2023-27',
      council: 'hart',
      period: '2023-2027',
      periodRange: { kind: 'multi-year', from: '2023-04-01', to: '2027-03-31' },
      themes: [HART_CORPORATE_THEMES[0], { ...HART_CORPORATE_THEMES[1], title: 'People and communities' }, HART_CORPORATE_THEMES[3]],
      recordedAt: '2023-02-22T19:00:00.000Z',
      updatedAt: '2023-02-23T19:00:00.000Z',
      history: [
        {
          type: 'CorporatePlanRecorded',
          recordedAt: '2023-02-22T19:00:00.000Z',
          actor: { name: 'Committee Services', role: 'governance' },
          reason: null,
          changes: [`Corporate plan recorded: ${HART_CORPORATE_PLAN.title}`],
        },
        {
          type: 'CorporatePlanRevised',
          recordedAt: '2023-02-23T19:00:00.000Z',
          actor: { name: 'Committee Services', role: 'governance' },
          reason: 'Council, mid-term review',
          changes: ["Theme people renamed from 'People' to 'People and communities'", 'Theme place removed: Place'],
        },
      ],
    });
  });
});
