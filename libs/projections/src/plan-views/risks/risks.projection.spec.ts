import type { AssessedScore } from '@app/domain';
import { summaryOf } from '../plan-event-traits';
import { foldPlanView, type PlanView } from '../plan-view';
import { buildMonitoringReport, DEFAULT_REPORT_RULES } from '../report';
import { PlanStream, project, documentsIn, OFFICER } from '../testing/plan-stream.fixture';
import { diffPlanViews } from '../version-diff';
import { PLAN_VERSIONS_COLLECTION, versionTableProjection, type VersionTable } from '../version-table.projection';

const low4: AssessedScore = { likelihood: 2, impact: 2, score: 4, band: 'low' };
const low2: AssessedScore = { likelihood: 1, impact: 2, score: 2, band: 'low' };
const high12: AssessedScore = { likelihood: 3, impact: 4, score: 12, band: 'very-high' };
const medium6: AssessedScore = { likelihood: 3, impact: 2, score: 6, band: 'medium' };

/** Three Rivers' register in part: two risks in version 1.0, a third added, one revised and one removed before 2.0, then reviews. */
function threeRiversRegister() {
  const stream = new PlanStream('three-rivers-corporate-services-2020-23', '2019-10-01T09:00:00.000Z', 1000, 'three-rivers');
  stream.add('PlanDrafted', {
    council: 'three-rivers',
    service: 'Corporate Services',
    title: 'Corporate Services Service Plan 2020-2023',
    period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
    owner: null,
  });
  const base = { owner: null, inherent: null, controls: null, reviewDate: null };
  stream.add('RiskAdded', { ref: 'R2', title: 'Total failure of ICT systems', ...base, residual: low4 });
  stream.add('RiskAdded', { ref: 'R10', title: 'Old risk', ...base, residual: low2 });
  stream.add('VersionPublished', { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });
  stream.add('RiskAdded', { ref: 'R4', title: 'Fraudulent activity', ...base, inherent: high12, residual: low2 });
  stream.add('RiskRevised', { ref: 'R2', changes: { residual: medium6, owner: 'ICT Manager' }, previous: { residual: low4, owner: null }, reason: 'Ageing servers' });
  stream.add('RiskRemoved', { ref: 'R10', title: 'Old risk', reason: 'Closed in the corporate register' });
  stream.add('VersionPublished', { label: '2.0', reason: 'Corporate Objectives, Performance Indicators and Budgets added', effectiveDate: '2020-02-25' });
  stream.add('RiskReviewed', { ref: 'R4', period: '2020/21-Q2', residual: low4, commentary: 'New payment system' }, { actor: OFFICER });
  stream.add('RiskReviewed', { ref: 'R4', period: '2020/21-Q1', residual: medium6, commentary: null }, { actor: OFFICER });
  return stream;
}

const viewAt = (stream: PlanStream, revisions: number): PlanView => foldPlanView(stream.events.slice(0, revisions)) as PlanView;

describe('the risk register in the plan view', () => {
  it('holds each risk by ref in natural order, with its scores as banded when recorded and its reviews in period order', () => {
    const view = viewAt(threeRiversRegister(), 10);
    expect(view.risks.map((risk) => risk.ref)).toEqual(['R2', 'R4']);
    expect(view.risks[0]).toMatchObject({ title: 'Total failure of ICT systems', owner: 'ICT Manager', residual: medium6, reviews: [] });
    expect(view.risks[1].inherent).toEqual(high12);
    expect(view.risks[1].reviews.map((review) => [review.period, review.residual.band, review.commentary])).toEqual([
      ['2020/21-Q1', 'medium', null],
      ['2020/21-Q2', 'low', 'New payment system'],
    ]);
  });

  it('is empty in a plan that has no register', () => {
    expect(viewAt(threeRiversRegister(), 1).risks).toEqual([]);
  });
});

describe('the risk register in the audit trail and the version table', () => {
  it('says each score and band the event recorded', () => {
    const lines = threeRiversRegister().events.slice(1).map(summaryOf);
    expect(lines).toEqual([
      'Risk R2 added: Total failure of ICT systems (residual 2 × 2 = 4, low)',
      'Risk R10 added: Old risk (residual 1 × 2 = 2, low)',
      'Version 1.0 published: First draft',
      'Risk R4 added: Fraudulent activity (inherent 3 × 4 = 12, very high; residual 1 × 2 = 2, low)',
      'Risk R2 revised (residual 2 × 2 = 4, low to 3 × 2 = 6, medium; owner): Ageing servers',
      'Risk R10 removed: Closed in the corporate register',
      'Version 2.0 published: Corporate Objectives, Performance Indicators and Budgets added',
      'Risk R4 reviewed for 2020/21-Q2: residual 2 × 2 = 4, low',
      'Risk R4 reviewed for 2020/21-Q1: residual 3 × 2 = 6, medium',
    ]);
  });

  it('counts risks added, revised and removed per version in committee words, and not the reviews', async () => {
    const [table] = await documentsIn(await project(versionTableProjection, threeRiversRegister().events), PLAN_VERSIONS_COLLECTION);
    const { rows, unpublished } = table as unknown as VersionTable;
    expect(rows.map((row) => row.changes.summary)).toEqual(['2 risks added', '1 risk added, 1 risk revised, 1 risk removed']);
    expect(rows[1].changes.counts).toMatchObject({ risksAdded: 1, risksRevised: 1, risksRemoved: 1 });
    expect(unpublished).toEqual([]);
  });
});

describe('the risk register between two versions', () => {
  it('shows each risk added, removed and changed with its before and after, and leaves reviews out', () => {
    const stream = threeRiversRegister();
    const diff = diffPlanViews(viewAt(stream, 4), viewAt(stream, stream.events.length));
    expect(diff.added).toEqual([
      { kind: 'risk', key: 'R4', before: null, after: expect.objectContaining({ ref: 'R4', inherent: high12, residual: low2 }) },
    ]);
    expect(diff.removed).toEqual([{ kind: 'risk', key: 'R10', before: expect.objectContaining({ title: 'Old risk' }), after: null }]);
    expect(diff.changed).toEqual([
      {
        kind: 'risk',
        key: 'R2',
        before: expect.objectContaining({ owner: null, residual: low4 }),
        after: expect.objectContaining({ owner: 'ICT Manager', residual: medium6 }),
      },
    ]);
    expect(JSON.stringify(diff)).not.toContain('reviews');
  });
});

describe('the risk register in the report for a period', () => {
  it("stands each risk at its latest review up to the period, else at the register's residual score", () => {
    const view = viewAt(threeRiversRegister(), 10);
    const standing = (period: string) =>
      buildMonitoringReport(view, period, DEFAULT_REPORT_RULES).risks.map(({ ref, standing: { score, band }, standingFrom, latestReview }) => [
        ref,
        score,
        band,
        standingFrom,
        latestReview?.period ?? null,
      ]);
    expect(standing('2019/20-Q4')).toEqual([
      ['R2', 6, 'medium', 'register', null],
      ['R4', 2, 'low', 'register', null],
    ]);
    expect(standing('2020/21-Q1')).toEqual([
      ['R2', 6, 'medium', 'register', null],
      ['R4', 6, 'medium', 'review', '2020/21-Q1'],
    ]);
    expect(standing('2020/21-Q3')).toEqual([
      ['R2', 6, 'medium', 'register', null],
      ['R4', 4, 'low', 'review', '2020/21-Q2'],
    ]);
  });
});
