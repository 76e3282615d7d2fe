import type { Contract } from '@app/domain';
import { summaryOf } from '../plan-event-traits';
import { foldPlanView, type PlanView } from '../plan-view';
import { documentBody } from '../plan-event';
import { documentsIn, type PlanStream, project } from '../testing/plan-stream.fixture';
import { threeRiversDrafted } from '../testing/three-rivers-plan.fixture';
import { diffPlanViews } from '../version-diff';
import { PLAN_VERSIONS_COLLECTION, versionTableProjection, type VersionTable } from '../version-table.projection';

/** Three Rivers' one contract, as its 2020-23 plan prints it. */
const websiteHosting: Contract = {
  ref: 'C1',
  title: 'Website hosting, licence and maintenance',
  serviceArea: 'Communications',
  contact: 'Phil King',
  description: 'Website hosting, licence and maintenance',
  supplier: 'Byte9',
  value: 19_700,
  start: { text: 'March 2014', date: '2014-03-31' },
  end: null,
  review: null,
  extension: 'Annual renewal',
};

const viewOf = (plan: PlanStream) => foldPlanView(plan.events) as PlanView;

describe('the contracts register in the projections', () => {
  it('shows each contract as entered, in ref order, revised and removed', () => {
    const plan = threeRiversDrafted();
    plan.add('ContractAdded', { contract: { ...websiteHosting, ref: 'C10', title: 'Payroll' } });
    plan.add('ContractAdded', { contract: websiteHosting });
    expect(viewOf(plan).contracts).toEqual([websiteHosting, { ...websiteHosting, ref: 'C10', title: 'Payroll' }]);

    plan.add('ContractRevised', {
      ref: 'C1',
      changes: { value: 21_000, extension: null },
      previous: { value: 19_700, extension: 'Annual renewal' },
      reason: 'Renewed',
    });
    plan.add('ContractRemoved', { contract: { ...websiteHosting, ref: 'C10', title: 'Payroll' }, reason: 'Ended' });
    expect(viewOf(plan).contracts).toEqual([{ ...websiteHosting, value: 21_000, extension: null }]);
  });

  it('writes one line per event for the history', () => {
    const plan = threeRiversDrafted();
    const lines = [
      plan.add('ContractAdded', { contract: websiteHosting }),
      plan.add('ContractRevised', { ref: 'C1', changes: { value: 21_000 }, previous: { value: 19_700 }, reason: 'Renewed for 2021' }),
      plan.add('ContractRemoved', { contract: websiteHosting, reason: 'Website moved in house' }),
    ].map(summaryOf);
    expect(lines).toEqual([
      'Contract C1 added: Website hosting, licence and maintenance, with Byte9',
      'Contract C1 revised (value): Renewed for 2021',
      'Contract C1 removed: Website moved in house',
    ]);
  });

  it('counts contracts in the version table in committee words, and diffs them with before and after', async () => {
    const plan = threeRiversDrafted();
    plan.add('VersionPublished', { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });
    const atFirst = viewOf(plan);
    plan.add('ContractAdded', { contract: websiteHosting });
    plan.add('VersionPublished', { label: '2.0', reason: 'Contracts added', effectiveDate: '2020-02-25' });
    const atSecond = viewOf(plan);
    plan.add('ContractRevised', { ref: 'C1', changes: { value: 21_000 }, previous: { value: 19_700 }, reason: 'Renewed' });
    plan.add('VersionPublished', { label: '3.0', reason: 'Contract renewed', effectiveDate: '2021-02-25' });

    const [document] = await documentsIn(await project(versionTableProjection, plan.events), PLAN_VERSIONS_COLLECTION);
    const rows = documentBody<VersionTable>(document).rows;
    expect(rows.map((row) => row.changes.summary)).toEqual(['No changes to the plan’s content', '1 contract added', '1 contract revised']);
    expect(rows[1].changes.items).toEqual([{ kind: 'contractsAdded', ref: 'C1', name: 'Website hosting, licence and maintenance' }]);

    expect(diffPlanViews(atFirst, atSecond).added).toEqual([{ kind: 'contract', key: 'C1', before: null, after: websiteHosting }]);
    expect(diffPlanViews(atSecond, viewOf(plan)).changed).toEqual([
      { kind: 'contract', key: 'C1', before: websiteHosting, after: { ...websiteHosting, value: 21_000 } },
    ]);
    expect(diffPlanViews(viewOf(plan), atFirst).removed).toEqual([
      { kind: 'contract', key: 'C1', before: { ...websiteHosting, value: 21_000 }, after: null },
    ]);
  });
});
