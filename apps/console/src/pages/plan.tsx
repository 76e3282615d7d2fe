import { query } from '../api';
import { InsetText, RagTag, SummaryList, Table, WarningText } from '../govuk';
import { go, type Route } from '../route';
import { useApi } from '../use-api';
import { PickInstant } from './pick-instant';
import { Failed, heldAt, Loading, PlanNavigation, ShownBanner, textOf } from './shared';

export interface ActualView {
  period: string;
  value: number | null;
  rag: string;
  ragReason: string;
  restated: boolean;
  recordedAt: string;
}

export interface TargetView {
  period: string;
  value: number | null;
  text: string | null;
}

export interface IndicatorView {
  code: string;
  title: string;
  unit: string;
  targets: TargetView[];
  actuals: ActualView[];
}

interface PriorityView {
  ref: string;
  kind: string;
  title: string;
  themes: string[];
  progress: { percentComplete: number | null; status: string | null; period: string } | null;
}

export interface PlanView {
  planId: string;
  title: string;
  service: string;
  owner: string | null;
  period: string;
  status: string;
  stage: string;
  version: string | null;
  revision: number;
  lastRecordedAt: string;
  priorities: PriorityView[];
  indicators: IndicatorView[];
  versions: Array<{ label: string; recordedAt: string }>;
  integrity?: { ok: boolean; firstFailure: unknown };
  [section: string]: unknown;
}

/** The header and the two sections shown as tables of their own; every other part is shown as it comes. */
const SHOWN_APART = new Set([
  'planId', 'council', 'title', 'service', 'owner', 'period', 'periodRange', 'status', 'stage', 'version', 'revision',
  'lastRecordedAt', 'priorities', 'progressHistory', 'indicators', 'integrity',
]);

const SECTION_TITLES: Record<string, string> = {
  withdrawnPriorities: 'Withdrawn priorities',
  keyPosts: 'Key posts',
};

/**
 * The plan now, at an instant (`asOf`) or as published at a version, exactly as the API answers it,
 * with a banner saying which, and a warning when the API says the stored events fail their check.
 */
export function PlanPage({ planId, route }: { planId: string; route: Route }) {
  const asOf = route.params.get('asOf') ?? undefined;
  const version = route.params.get('version') ?? undefined;
  const plan = useApi<PlanView>(`/v1/plans/${encodeURIComponent(planId)}${query({ asOf, version })}`);
  return (
    <>
      <PlanNavigation planId={planId} current="" />
      {plan.state === 'loading' && <Loading />}
      {plan.state === 'failed' && <Failed message={plan.message} />}
      {plan.state === 'loaded' && (
        <PlanShown
          plan={plan.answer.body}
          integrityFailed={plan.answer.headers.get('X-Integrity') === 'failed'}
          asOf={asOf}
          version={version}
        />
      )}
    </>
  );
}

function PlanShown({ plan, integrityFailed, asOf, version }: { plan: PlanView; integrityFailed: boolean; asOf?: string; version?: string }) {
  const shown = asOf ? heldAt(asOf) : version ? `as published at version ${version}` : `as it is now (revision ${plan.revision})`;
  return (
    <>
      <h1 class="govuk-heading-l">{plan.title}</h1>
      <ShownBanner>The plan {shown}.</ShownBanner>
      {integrityFailed && (
        <WarningText>
          The integrity check failed: the stored events this plan is rebuilt from do not match their hashes. {textOf(plan.integrity?.firstFailure)}
        </WarningText>
      )}
      <PickInstant shown="plan" asOf={asOf} onPick={(instant) => go(['plans', plan.planId], { asOf: instant })} />
      <PickVersion planId={plan.planId} versions={plan.versions} version={version} />
      <SummaryList
        rows={[
          ['Service', plan.service],
          ['Year', plan.period],
          ['Owner', plan.owner ?? 'Not named'],
          ['Status', <strong class="govuk-tag govuk-tag--blue">{`${plan.status} (${plan.stage})`}</strong>],
          ['Version', plan.version ?? 'None published'],
          ['Last recorded', plan.lastRecordedAt],
        ]}
      />
      <Table
        caption="Priorities"
        head={['Ref', 'Kind', 'Title', 'Themes', 'Progress']}
        rows={plan.priorities.map((priority) => [
          priority.ref,
          priority.kind,
          priority.title,
          priority.themes.join('; '),
          priority.progress ? `${priority.progress.period}: ${priority.progress.percentComplete ?? '-'}% ${priority.progress.status ?? ''}` : 'None reported',
        ])}
      />
      <Table
        caption="Indicators"
        head={['Code', 'Indicator', 'Targets', 'Actuals']}
        rows={plan.indicators.map((indicator) => [
          indicator.code,
          indicator.title,
          indicator.targets.map((target) => `${target.period}: ${target.text ?? target.value}`).join('; ') || 'None set',
          indicator.actuals.length === 0 ? (
            'None recorded'
          ) : (
            <ul class="govuk-list">
              {indicator.actuals.map((actual) => (
                <li key={actual.period}>
                  {actual.period}: {actual.value ?? 'no figure'}
                  {actual.restated ? ' (restated)' : ''} <RagTag rag={actual.rag} />
                </li>
              ))}
            </ul>
          ),
        ])}
      />
      {Object.entries(plan)
        .filter(([key]) => !SHOWN_APART.has(key))
        .map(([key, value]) => (
          <Section key={key} title={SECTION_TITLES[key] ?? key.charAt(0).toUpperCase() + key.slice(1)} value={value} />
        ))}
    </>
  );
}

/** Any other part of the plan: a list of items as a table of their fields, a single part as a summary list. */
function Section({ title, value }: { title: string; value: unknown }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <Empty title={title} />;
    const columns = [...new Set(value.flatMap((item) => Object.keys(item as object)))];
    return <Table caption={title} head={columns} rows={value.map((item) => columns.map((column) => textOf((item as Record<string, unknown>)[column])))} />;
  }
  if (value === null || typeof value !== 'object') return <Empty title={title} />;
  return (
    <>
      <h2 class="govuk-heading-m">{title}</h2>
      <SummaryList rows={Object.entries(value as Record<string, unknown>).map(([key, part]) => [key, textOf(part) || 'None'])} />
    </>
  );
}

function Empty({ title }: { title: string }) {
  return (
    <>
      <h2 class="govuk-heading-m">{title}</h2>
      <p class="govuk-body">None recorded.</p>
    </>
  );
}

function PickVersion({ planId, versions, version }: { planId: string; versions: PlanView['versions']; version?: string }) {
  const show = (event: Event) => {
    event.preventDefault();
    const chosen = String(new FormData(event.target as HTMLFormElement).get('version') ?? '');
    go(['plans', planId], chosen === '' ? {} : { version: chosen });
  };
  if (versions.length === 0) return <InsetText>No version of this plan has been published yet.</InsetText>;
  return (
    <form onSubmit={show} class="govuk-!-margin-bottom-6">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--m" for="version">
          Show a published version
        </label>
        <select class="govuk-select" id="version" name="version" value={version ?? ''}>
          <option value="">The plan now</option>
          {versions.map((row) => (
            <option value={row.label} key={row.label}>
              Version {row.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary">
        Show this version
      </button>
    </form>
  );
}
