import type { ComponentChildren } from 'preact';
import { query } from '../api';
import { InsetText, RagTag, Table, WarningText } from '../govuk';
import { go, href, type Route } from '../route';
import { useApi, type Loading as Load } from '../use-api';
import { PickInstant } from './pick-instant';
import { ReportTables, type ReportIndicator, type ReportPriority } from './report';
import { Failed, heldAt, Loading, periodInAddress, periodInWords, QUARTERS, ShownBanner, textOf } from './shared';

type RagCounts = Record<'green' | 'amber' | 'red' | 'none', number>;

interface Progress {
  percentComplete: number | null;
  items: number;
}

/** What both council-wide answers hold beside their content. */
interface CouncilWide {
  period: string;
  note: string | null;
  asOf?: string;
  integrity?: { ok: boolean; failures: unknown[] };
}

interface CouncilPlanReport {
  planId: string;
  title: string;
  service: string;
  planVersion: string | null;
  indicators: ReportIndicator[];
  priorities: ReportPriority[];
  rollups: { plan: Progress };
  ragCounts: RagCounts;
}

interface CouncilReport extends CouncilWide {
  plans: CouncilPlanReport[];
  ragCounts: RagCounts;
  progress: Progress;
  byService: Array<{ service: string; plans: number; indicators: number; ragCounts: RagCounts; progress: Progress }>;
  byTheme: Array<{ theme: string; plans: number; priorities: number; progress: Progress }>;
  method: string;
}

interface CouncilException {
  kind: string;
  planId: string;
  planTitle: string;
  service: string;
  ref: string;
  title: string;
  why: string;
}

interface CouncilExceptions extends CouncilWide {
  plans: Array<{ planId: string; title: string; service: string; planVersion: string | null; exceptions: number }>;
  counts: Record<string, number>;
  items: CouncilException[];
}

/** Each kind of exception in words, with the colour of its tag beside them, never instead. */
const EXCEPTION_KINDS: Record<string, { words: string; colour: string }> = {
  'red-indicator': { words: 'Red indicator', colour: 'govuk-tag--red' },
  'amber-indicator': { words: 'Amber indicator', colour: 'govuk-tag--yellow' },
  'off-track-priority': { words: 'Off-track priority', colour: 'govuk-tag--red' },
  'slipped-priority': { words: 'Slipped priority', colour: 'govuk-tag--orange' },
  'overdue-milestone': { words: 'Overdue milestone', colour: 'govuk-tag--orange' },
  'top-band-risk': { words: 'Very high risk', colour: 'govuk-tag--red' },
};

const RAGS = ['green', 'amber', 'red', 'none'] as const;

const COUNCIL_PAGES = [
  ['report', 'Report'],
  ['exceptions', 'Exceptions'],
] as const;

type CouncilPageName = (typeof COUNCIL_PAGES)[number][0];

/** What an address of a council page carries beside its period: the filters and the instant, so that a cited address shows the same again. */
type CouncilParams = { service?: string; theme?: string; asOf?: string };

const paramsOf = (route: Route): CouncilParams => ({
  service: route.params.get('service') ?? undefined,
  theme: route.params.get('theme') ?? undefined,
  asOf: route.params.get('asOf') ?? undefined,
});

/** `#/reports/2023-24-Q2` is the report, `#/reports/2023-24-Q2/exceptions` its exceptions. */
const councilPath = (period: string, page: CouncilPageName): string[] => (page === 'report' ? ['reports', period] : ['reports', period, 'exceptions']);

const apiPath = (period: string, page: CouncilPageName, params: CouncilParams) =>
  `/v1/reports/${encodeURIComponent(period)}${page === 'report' ? '' : '/exceptions'}${query(params)}`;

/** A plan's own report for the period, at the instant the council page shows. */
const planReportAddress = (planId: string, period: string, asOf?: string) => href(['plans', planId, 'report', periodInAddress(period)], { asOf });

const percent = (progress: Progress) => (progress.percentComplete === null ? 'No entry' : `${progress.percentComplete}%`);

const progressInWords = ({ percentComplete, items }: Progress) =>
  items === 0
    ? 'no priority or milestone to roll up.'
    : percentComplete === null
      ? `no progress entered over ${items} priorities and milestones.`
      : `${percentComplete}% complete over ${items} priorities and milestones.`;

export function CouncilReportPage({ period, route }: { period: string; route: Route }) {
  const params = paramsOf(route);
  const report = useApi<CouncilReport>(apiPath(period, 'report', params));
  return (
    <CouncilFrame period={period} page="report" params={params} answer={report}>
      {(body) => <CouncilReportShown report={body} asOf={params.asOf} />}
    </CouncilFrame>
  );
}

export function CouncilExceptionsPage({ period, route }: { period: string; route: Route }) {
  const params = paramsOf(route);
  const exceptions = useApi<CouncilExceptions>(apiPath(period, 'exceptions', params));
  return (
    <CouncilFrame period={period} page="exceptions" params={params} answer={exceptions}>
      {(body) => <CouncilExceptionsShown exceptions={body} asOf={params.asOf} />}
    </CouncilFrame>
  );
}

/** What the report and its exceptions share: their navigation, filters, instant, banner, integrity warning and note. */
function CouncilFrame<T extends CouncilWide>({
  period,
  page,
  params,
  answer,
  children,
}: {
  period: string;
  page: CouncilPageName;
  params: CouncilParams;
  answer: Load<T>;
  children: (body: T) => ComponentChildren;
}) {
  const { service, theme, asOf } = params;
  const filter = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    go(councilPath(period, page), { service: field('service'), theme: field('theme'), asOf });
  };
  const body = answer.state === 'loaded' ? answer.answer.body : null;
  const title = page === 'report' ? 'Council report' : 'Council exceptions';
  return (
    <>
      <nav aria-label="Council report pages" class="govuk-!-margin-bottom-6">
        <ul class="govuk-list console-plan-navigation">
          {COUNCIL_PAGES.map(([name, words]) => (
            <li key={name}>
              <a class="govuk-link" href={href(councilPath(period, name), params)} aria-current={name === page ? 'page' : undefined}>
                {words}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 class="govuk-heading-l">{body ? `${title} for ${body.period}` : title}</h1>
      {body && <PeriodsOfTheYear period={body.period} page={page} params={params} />}
      <form onSubmit={filter} class="govuk-!-margin-bottom-6">
        {/* Uncontrolled and keyed on the address's value: what is typed while the answer loads survives its arrival, and another address's filter replaces it. */}
        <div class="govuk-form-group">
          <label class="govuk-label" for="filter-service">
            Service
          </label>
          <input class="govuk-input govuk-input--width-20" id="filter-service" name="service" type="text" key={service} defaultValue={service ?? ''} />
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="filter-theme">
            Theme of priorities (as the plans write it)
          </label>
          <input class="govuk-input govuk-input--width-20" id="filter-theme" name="theme" type="text" key={theme} defaultValue={theme ?? ''} />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">
          Filter
        </button>
      </form>
      <PickInstant shown="report" asOf={asOf} onPick={(instant) => go(councilPath(period, page), { service, theme, asOf: instant })} />
      {asOf && (
        <p class="govuk-body">
          <a class="govuk-link" href={href(councilPath(period, page), { service, theme })}>
            Show it as it is now
          </a>
        </p>
      )}
      {answer.state === 'loading' && <Loading />}
      {answer.state === 'failed' && <Failed message={answer.message} />}
      {answer.state === 'loaded' && body && (
        <>
          <ShownBanner>
            The {page === 'report' ? 'report' : 'exceptions'} for {body.period}
            {service ? ` of the service ${service}` : ''}
            {theme ? `, priorities under the theme '${theme}'` : ''} {asOf ? heldAt(asOf) : 'as it is now'}.
          </ShownBanner>
          {answer.answer.headers.get('X-Integrity') === 'failed' && (
            <WarningText>
              The integrity check failed: the stored events of a plan do not match their hashes. {textOf(body.integrity?.failures)}
            </WarningText>
          )}
          {body.note && <InsetText>{body.note}</InsetText>}
          {children(body)}
        </>
      )}
    </>
  );
}

/** The year the period falls in and its quarters, each at the same filters and instant. */
function PeriodsOfTheYear({ period, page, params }: { period: string; page: CouncilPageName; params: CouncilParams }) {
  const year = period.slice(0, 7);
  const periods = [year, ...QUARTERS.map((quarter) => `${year}-${quarter}`)];
  return (
    <nav aria-label="Periods" class="govuk-!-margin-bottom-6">
      <ul class="govuk-list console-plan-navigation">
        {periods.map((shown) => (
          <li key={shown}>
            <a class="govuk-link" href={href(councilPath(periodInAddress(shown), page), params)} aria-current={shown === period ? 'page' : undefined}>
              {periodInWords(shown)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ragCountRows(counts: RagCounts): Array<Array<ComponentChildren>> {
  return RAGS.map((rag) => [<RagTag rag={rag} />, String(counts[rag])]);
}

function CouncilReportShown({ report, asOf }: { report: CouncilReport; asOf?: string }) {
  if (report.plans.length === 0) return null;
  return (
    <>
      <p class="govuk-body-l">
        {report.plans.length === 1 ? '1 plan' : `${report.plans.length} plans`}: {progressInWords(report.progress)}
      </p>
      <p class="govuk-body">{report.method}</p>
      <Table caption="Indicators by RAG" head={['RAG', 'Indicators']} rows={ragCountRows(report.ragCounts)} />
      <Table
        caption="By service"
        head={['Service', 'Plans', 'Indicators', 'Green', 'Amber', 'Red', 'Not rated', 'Complete']}
        rows={report.byService.map((row) => [
          row.service,
          String(row.plans),
          String(row.indicators),
          ...RAGS.map((rag) => String(row.ragCounts[rag])),
          percent(row.progress),
        ])}
      />
      {report.byTheme.length === 0 ? (
        <p class="govuk-body">No priority of these plans names a theme.</p>
      ) : (
        <Table
          caption="By theme"
          head={['Theme', 'Plans', 'Priorities', 'Complete']}
          rows={report.byTheme.map((row) => [row.theme, String(row.plans), String(row.priorities), percent(row.progress)])}
        />
      )}
      {report.plans.map((plan) => (
        <section key={plan.planId} aria-labelledby={`plan-${plan.planId}`}>
          <h2 class="govuk-heading-l" id={`plan-${plan.planId}`}>
            {plan.title}
          </h2>
          <p class="govuk-body">
            {plan.service}, plan version {plan.planVersion ?? 'none published'}: {progressInWords(plan.rollups.plan)}{' '}
            <a class="govuk-link" href={planReportAddress(plan.planId, report.period, asOf)}>
              The plan's own report for {report.period}
            </a>
          </p>
          <ReportTables
            report={plan}
            captions={{ indicators: `${plan.title}: indicators`, priorities: `${plan.title}: priorities` }}
            codeCell={(code) => (
              <a class="govuk-link" href={planReportAddress(plan.planId, report.period, asOf)}>
                {code}
              </a>
            )}
          />
        </section>
      ))}
    </>
  );
}

function ExceptionTag({ kind }: { kind: string }) {
  const shown = EXCEPTION_KINDS[kind] ?? { words: kind, colour: 'govuk-tag--grey' };
  return <strong class={`govuk-tag ${shown.colour}`}>{shown.words}</strong>;
}

function CouncilExceptionsShown({ exceptions, asOf }: { exceptions: CouncilExceptions; asOf?: string }) {
  if (exceptions.plans.length === 0) return null;
  return (
    <>
      {exceptions.items.length === 0 ? (
        <InsetText>No exception in the {exceptions.plans.length} plans looked at.</InsetText>
      ) : (
        <Table
          caption={exceptions.items.length === 1 ? '1 exception' : `${exceptions.items.length} exceptions`}
          head={['Exception', 'Plan', 'Service', 'Ref', 'Title', 'Why']}
          rows={exceptions.items.map((item) => [
            <ExceptionTag kind={item.kind} />,
            <a class="govuk-link" href={planReportAddress(item.planId, exceptions.period, asOf)}>
              {item.planTitle}
            </a>,
            item.service,
            item.ref,
            item.title,
            item.why,
          ])}
        />
      )}
      <Table
        caption="Exceptions by kind"
        head={['Exception', 'Count']}
        rows={Object.keys(EXCEPTION_KINDS).map((kind) => [<ExceptionTag kind={kind} />, String(exceptions.counts[kind] ?? 0)])}
      />
      <Table
        caption="Plans looked at"
        head={['Plan', 'Service', 'Version', 'Exceptions']}
        rows={exceptions.plans.map((plan) => [
          <a class="govuk-link" href={planReportAddress(plan.planId, exceptions.period, asOf)}>
            {plan.title}
          </a>,
          plan.service,
          plan.planVersion ?? 'None published',
          String(plan.exceptions),
        ])}
      />
    </>
  );
}
