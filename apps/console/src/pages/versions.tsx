import { BackLink, SummaryList, Table } from '../govuk';
import { href } from '../route';
import { useApi } from '../use-api';
import type { PlanView } from './plan';
import { Failed, Loading, PlanNavigation, textOf } from './shared';

interface VersionRow {
  label: string;
  date: string;
  reason: string;
  madeBy: string;
  recordedAt: string;
  changes: { summary: string };
  headHash: string | null;
}

interface Approval {
  body: string;
  meetingDate: string;
  decisionRef: string | null;
  versionLabel: string;
}

/** The version-control table, each row opening its diff with the version before, with the approval and the chain's head at publication. */
export function VersionsPage({ planId }: { planId: string }) {
  const table = useApi<{ rows: VersionRow[] }>(`/v1/plans/${encodeURIComponent(planId)}/versions`);
  const plan = useApi<PlanView & { approval: Approval | null }>(`/v1/plans/${encodeURIComponent(planId)}`);
  const approval = plan.state === 'loaded' ? plan.answer.body.approval : null;
  return (
    <>
      <PlanNavigation planId={planId} current="versions" />
      <h1 class="govuk-heading-l">Versions</h1>
      {table.state === 'loading' && <Loading />}
      {table.state === 'failed' && <Failed message={table.message} />}
      {table.state === 'loaded' && (
        <Table
          caption="Version control"
          head={['Version', 'Date', 'Reason', 'Made by', 'Changes', 'Approval', 'Chain head at publication']}
          rows={table.answer.body.rows.map((row, index, rows) => [
            row.label,
            row.date,
            row.reason,
            row.madeBy,
            index === 0 ? (
              row.changes.summary
            ) : (
              <a class="govuk-link" href={href(['plans', planId, 'diff', rows[index - 1].label, row.label])}>
                {row.changes.summary} (compare with version {rows[index - 1].label})
              </a>
            ),
            approval?.versionLabel === row.label ? `${approval.body}, ${approval.meetingDate}${approval.decisionRef ? `, ${approval.decisionRef}` : ''}` : 'Not approved',
            <code class="console-hash">{row.headHash ?? 'Not recorded'}</code>,
          ])}
        />
      )}
    </>
  );
}

interface DiffItem {
  kind: string;
  key: string;
  before?: unknown;
  after?: unknown;
}

export function DiffPage({ planId, from, to }: { planId: string; from: string; to: string }) {
  const diff = useApi<{ added: DiffItem[]; removed: DiffItem[]; changed: DiffItem[] }>(
    `/v1/plans/${encodeURIComponent(planId)}/versions/${encodeURIComponent(from)}/diff/${encodeURIComponent(to)}`,
  );
  return (
    <>
      <BackLink to={href(['plans', planId, 'versions'])}>Back to the versions</BackLink>
      <h1 class="govuk-heading-l">
        What changed from version {from} to version {to}
      </h1>
      {diff.state === 'loading' && <Loading />}
      {diff.state === 'failed' && <Failed message={diff.message} />}
      {diff.state === 'loaded' && (
        <>
          <DiffList title="Changed" from={from} to={to} items={diff.answer.body.changed} />
          <DiffList title="Added" from={from} to={to} items={diff.answer.body.added} />
          <DiffList title="Removed" from={from} to={to} items={diff.answer.body.removed} />
        </>
      )}
    </>
  );
}

function DiffList({ title, from, to, items }: { title: string; from: string; to: string; items: DiffItem[] }) {
  return (
    <>
      <h2 class="govuk-heading-m">{title}</h2>
      {items.length === 0 && <p class="govuk-body">Nothing.</p>}
      {items.map((item) => (
        <section key={`${item.kind} ${item.key}`} class="govuk-!-margin-bottom-6" aria-label={`${item.kind} ${item.key}`}>
          <h3 class="govuk-heading-s">
            {item.kind} {item.key}
          </h3>
          <div class="console-diff">
            <div>
              <h4 class="govuk-heading-s">Before, at version {from}</h4>
              <DiffSide value={item.before} />
            </div>
            <div>
              <h4 class="govuk-heading-s">After, at version {to}</h4>
              <DiffSide value={item.after} />
            </div>
          </div>
        </section>
      ))}
    </>
  );
}

function DiffSide({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <p class="govuk-body">Not there.</p>;
  if (typeof value !== 'object') return <p class="govuk-body">{String(value)}</p>;
  return <SummaryList rows={Object.entries(value as Record<string, unknown>).map(([key, part]) => [key, textOf(part) || 'None'])} />;
}
