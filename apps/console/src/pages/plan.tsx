import { useState } from 'preact/hooks';
import { query } from '../api';
import { ErrorSummary, InsetText, RagTag, SummaryList, Table, WarningText } from '../govuk';
import { go, type Route } from '../route';
import { useApi } from '../use-api';
import { Failed, Loading, PlanNavigation, textOf } from './shared';

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
  const shown = asOf ? `as the system held it at ${asOf}` : version ? `as published at version ${version}` : `as it is now (revision ${plan.revision})`;
  return (
    <>
      <h1 class="govuk-heading-l">{plan.title}</h1>
      <div class="govuk-notification-banner" role="region" aria-labelledby="shown-title">
        <div class="govuk-notification-banner__header">
          <h2 class="govuk-notification-banner__title" id="shown-title">
            What is shown
          </h2>
        </div>
        <div class="govuk-notification-banner__content">
          <p class="govuk-notification-banner__heading" id="shown">
            The plan {shown}.
          </p>
        </div>
      </div>
      {integrityFailed && (
        <WarningText>
          The integrity check failed: the stored events this plan is rebuilt from do not match their hashes. {textOf(plan.integrity?.firstFailure)}
        </WarningText>
      )}
      <PickInstant planId={plan.planId} asOf={asOf} />
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

/** A GOV.UK date input and a time of day in UTC, to the second, since a plan may change many times a day. */
function PickInstant({ planId, asOf }: { planId: string; asOf?: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const at = asOf ? new Date(asOf) : null;
  const part = (value: number | undefined) => (value === undefined ? '' : String(value));
  const show = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const instant = instantOf(field('day'), field('month'), field('year'), field('time'));
    if (instant === null) {
      setProblem('Enter a real date, for example 27 3 2024, and a time as hh:mm:ss or none');
      return;
    }
    setProblem(null);
    go(['plans', planId], { asOf: instant.toISOString() });
  };
  return (
    <form onSubmit={show} class="govuk-!-margin-bottom-6" noValidate>
      {problem && <ErrorSummary title="There is a problem" problems={[{ text: problem, field: 'as-of-day' }]} />}
      <div class={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
        <fieldset class="govuk-fieldset" role="group" aria-describedby={problem ? 'as-of-hint as-of-error' : 'as-of-hint'}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Show the plan as it stood on</legend>
          <div id="as-of-hint" class="govuk-hint">
            For example, 27 3 2024. The time is UTC, to the second; left empty, the end of the day.
          </div>
          {problem && (
            <p id="as-of-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">Error:</span> {problem}
            </p>
          )}
          <div class="govuk-date-input" id="as-of">
            {(
              [
                ['day', 'Day', at?.getUTCDate(), 2],
                ['month', 'Month', at === null ? undefined : at.getUTCMonth() + 1, 2],
                ['year', 'Year', at?.getUTCFullYear(), 4],
              ] as const
            ).map(([name, label, value, width]) => (
              <div class="govuk-date-input__item" key={name}>
                <div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for={`as-of-${name}`}>
                    {label}
                  </label>
                  <input
                    class={`govuk-input govuk-date-input__input govuk-input--width-${width}${problem ? ' govuk-input--error' : ''}`}
                    id={`as-of-${name}`}
                    name={name}
                    type="text"
                    inputMode="numeric"
                    value={part(value)}
                  />
                </div>
              </div>
            ))}
            <div class="govuk-date-input__item">
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for="as-of-time">
                  Time (hh:mm:ss)
                </label>
                <input class="govuk-input govuk-input--width-5" id="as-of-time" name="time" type="text" value={at ? at.toISOString().slice(11, 19) : ''} />
              </div>
            </div>
          </div>
        </fieldset>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary">
        Show the plan at this date
      </button>
    </form>
  );
}

/** The instant a day, month, year and optional hh:mm:ss (UTC) name, or null when they name none (31 February, say). */
function instantOf(day: string, month: string, year: string, time: string): Date | null {
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time || '23:59:59');
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year) || clock === null) return null;
  const [hours, minutes, seconds = '0'] = clock.slice(1);
  const instant = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds)));
  const named = instant.getUTCDate() === Number(day) && instant.getUTCMonth() === Number(month) - 1 && instant.getUTCHours() === Number(hours);
  return named && Number(minutes) < 60 && Number(seconds) < 60 ? instant : null;
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
