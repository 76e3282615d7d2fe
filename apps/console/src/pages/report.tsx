import Chart from 'chart.js/auto';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { RagTag, Table } from '../govuk';
import { query } from '../api';
import { href, type Route } from '../route';
import { useApi } from '../use-api';
import type { PlanView, TargetView } from './plan';
import { Failed, heldAt, Loading, periodInAddress, PlanNavigation, QUARTERS, ShownBanner } from './shared';

export interface ReportIndicator {
  code: string;
  title: string;
  target: { text: string | null; value: number | null } | null;
  actual: number | null;
  restated: boolean;
  rag: string;
  ragReason: string;
  direction: string;
  commentary: string | null;
}

export interface ReportPriority {
  ref: string;
  title: string;
  percentComplete: number | null;
  status: string | null;
}

interface MonitoringReport {
  period: string;
  planVersion: string | null;
  indicators: ReportIndicator[];
  priorities: ReportPriority[];
  rollups: { plan: { percentComplete: number | null; items: number } };
}

/** GOV.UK's green, yellow and red, and its dark grey for a figure that was not rated. */
const RAG_COLOURS: Record<string, string> = { green: '#00703c', amber: '#ffdd00', red: '#d4351c' };
const NOT_RATED_COLOUR = '#505a5f';
const TARGET_COLOUR = '#1d70b8';

/** A plan's report for a period, now or as of an instant (`asOf`, as a council report's rows link to it), with its charts. */
export function ReportPage({ planId, period, route }: { planId: string; period?: string; route: Route }) {
  const asOf = route.params.get('asOf') ?? undefined;
  const plan = useApi<PlanView>(`/v1/plans/${encodeURIComponent(planId)}${query({ asOf })}`);
  const year = plan.state === 'loaded' ? plan.answer.body.period : null;
  const chosen = period ?? (year ? periodInAddress(`${year}-Q1`) : null);
  const report = useApi<MonitoringReport>(chosen === null ? null : `/v1/plans/${encodeURIComponent(planId)}/reports/${encodeURIComponent(chosen)}${query({ asOf })}`);
  return (
    <>
      <PlanNavigation planId={planId} current="report" />
      <h1 class="govuk-heading-l">Quarterly report</h1>
      {year && (
        <nav aria-label="Quarters">
          <ul class="govuk-list console-plan-navigation">
            {QUARTERS.map((quarter) => {
              const quarterPeriod = periodInAddress(`${year}-${quarter}`);
              return (
                <li key={quarter}>
                  <a class="govuk-link" href={href(['plans', planId, 'report', quarterPeriod], { asOf })} aria-current={quarterPeriod === chosen ? 'page' : undefined}>
                    {year} {quarter}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {(plan.state === 'loading' || report.state === 'loading') && <Loading />}
      {plan.state === 'failed' && <Failed message={plan.message} />}
      {report.state === 'failed' && <Failed message={report.message} />}
      {report.state === 'loaded' && plan.state === 'loaded' && (
        <>
          <ShownBanner>
            The report for {report.answer.body.period} {asOf ? heldAt(asOf) : 'as it is now'}.
          </ShownBanner>
          <ReportShown report={report.answer.body} plan={plan.answer.body} asOf={asOf} />
        </>
      )}
    </>
  );
}

function ReportShown({ report, plan, asOf }: { report: MonitoringReport; plan: PlanView; asOf?: string }) {
  return (
    <>
      <p class="govuk-body-l">
        {report.period}, plan version {report.planVersion ?? 'none published'}: plan {report.rollups.plan.percentComplete ?? '-'}% complete over{' '}
        {report.rollups.plan.items} priorities and milestones.
      </p>
      <ReportTables
        report={report}
        captions={{ indicators: 'Indicators', priorities: 'Priorities' }}
        codeCell={(code) => (
          <a class="govuk-link" href={`#chart-${code}`} onClick={(event) => jumpTo(event, `chart-${code}`)}>
            {code}
          </a>
        )}
      />
      <h2 class="govuk-heading-l">Each indicator over the quarters and years</h2>
      {report.indicators.map((row) => (
        <SeriesChart key={row.code} code={row.code} title={row.title} service={plan.service} asOf={asOf} />
      ))}
    </>
  );
}

/**
 * A report's indicators (RAG in words beside its colour, and why) and priorities, as a plan's report
 * and each plan of a council report show them; `codeCell` is where an indicator's code leads.
 */
export function ReportTables({
  report,
  captions,
  codeCell,
}: {
  report: Pick<MonitoringReport, 'indicators' | 'priorities'>;
  captions: { indicators: string; priorities: string };
  codeCell: (code: string) => ComponentChildren;
}) {
  return (
    <>
      <Table
        caption={captions.indicators}
        head={['Code', 'Indicator', 'Target', 'Actual', 'RAG', 'Direction of travel', 'Commentary']}
        rows={report.indicators.map((indicator) => [
          codeCell(indicator.code),
          indicator.title,
          indicator.target ? (indicator.target.text ?? String(indicator.target.value)) : 'None set',
          indicator.actual === null ? 'None recorded' : `${indicator.actual}${indicator.restated ? ' (restated)' : ''}`,
          <>
            <RagTag rag={indicator.rag} /> <span class="govuk-body-s">{indicator.ragReason}</span>
          </>,
          indicator.direction,
          indicator.commentary ?? '',
        ])}
      />
      <Table
        caption={captions.priorities}
        head={['Ref', 'Priority', 'Complete', 'Status']}
        rows={report.priorities.map((priority) => [
          priority.ref,
          priority.title,
          priority.percentComplete === null ? 'Not reported' : `${priority.percentComplete}%`,
          <strong class="govuk-tag govuk-tag--blue">{priority.status ?? 'Not reported'}</strong>,
        ])}
      />
    </>
  );
}

/** An in-page jump that leaves the page's address, which the hash routing owns, as it is. */
function jumpTo(event: Event, id: string): void {
  event.preventDefault();
  document.getElementById(id)?.focus();
}

interface SeriesPoint {
  period: string;
  /** A number, a date (YYYY-MM-DD) for a date indicator, or true or false for a yes/no one. */
  value: number | string | boolean;
  /** The target the figure was rated against, as a report prints it; null when there was none. */
  target: string | null;
  rag: string;
  planId: string;
}

interface IndicatorSeries {
  code: string;
  plans: Array<{ planId: string; planTitle: string; targets: TargetView[] }>;
  points: SeriesPoint[];
}

/** The figure a plan sets for a period: the period's own target, else its financial year's (the first seven characters, 2023/24). */
function targetFigure(targets: TargetView[], period: string): number | null {
  const target = targets.find((candidate) => candidate.period === period) ?? targets.find((candidate) => candidate.period === period.slice(0, 7));
  return target?.value ?? null;
}

/**
 * An indicator's actuals over the quarters and years of its service's plans (`GET
 * /v1/indicators/{code}/series`), each point coloured as it was rated then, against the target each
 * plan sets, with the same figures and ratings in words as a table, so that colour is never the only sign.
 */
function SeriesChart({ code, title, service, asOf }: { code: string; title: string; service: string; asOf?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const series = useApi<IndicatorSeries>(`/v1/indicators/${encodeURIComponent(code)}/series${query({ service, asOf })}`);
  const body = series.state === 'loaded' ? series.answer.body : null;
  // A date or a yes/no result has no height on a line chart: such a series is its table alone.
  const drawable = body !== null && body.points.every((point) => typeof point.value === 'number');
  useEffect(() => {
    if (!canvas.current || body === null || !drawable) return;
    const targetsOf = new Map(body.plans.map((plan) => [plan.planId, plan.targets]));
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: body.points.map((point) => point.period),
        datasets: [
          {
            label: 'Actual',
            data: body.points.map((point) => point.value as number),
            borderColor: NOT_RATED_COLOUR,
            pointBackgroundColor: body.points.map((point) => RAG_COLOURS[point.rag] ?? NOT_RATED_COLOUR),
            pointBorderColor: '#0b0c0c',
            pointRadius: 7,
          },
          {
            label: 'Target',
            data: body.points.map((point) => targetFigure(targetsOf.get(point.planId) ?? [], point.period)),
            borderColor: TARGET_COLOUR,
            borderDash: [6, 4],
            pointRadius: 0,
          },
        ],
      },
      options: { animation: false, responsive: true },
    });
    return () => chart.destroy();
  }, [body, drawable]);
  const titleId = `chart-${code}`;
  const planTitles = new Map(body?.plans.map((plan) => [plan.planId, plan.planTitle]));
  return (
    <figure class="govuk-!-margin-bottom-8 govuk-!-margin-left-0">
      <h3 class="govuk-heading-m" id={titleId} tabIndex={-1}>
        {code}: {title}
      </h3>
      {series.state === 'loading' && <Loading />}
      {series.state === 'failed' && <Failed message={series.message} />}
      {body && (
        <>
          {drawable && (
            <div class="console-chart">
              <canvas
                ref={canvas}
                role="img"
                aria-label={`Actuals of ${code} in every plan of ${service} against target, ${body.points[0]?.period ?? 'none'} to ${body.points.at(-1)?.period ?? 'none'}; the table below gives the same figures`}
              />
            </div>
          )}
          <Table
            caption={`${code} over the quarters and years`}
            head={['Period', 'Plan', 'Actual', 'Target rated against', 'RAG when rated']}
            rows={body.points.map((point) => [
              point.period,
              planTitles.get(point.planId) ?? point.planId,
              typeof point.value === 'boolean' ? (point.value ? 'Yes' : 'No') : String(point.value),
              point.target ?? 'None set',
              <RagTag rag={point.rag} />,
            ])}
          />
        </>
      )}
    </figure>
  );
}
