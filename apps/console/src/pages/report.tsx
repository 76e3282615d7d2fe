import Chart from 'chart.js/auto';
import { useEffect, useRef } from 'preact/hooks';
import { RagTag, Table } from '../govuk';
import { href } from '../route';
import { useApi } from '../use-api';
import type { IndicatorView, PlanView } from './plan';
import { Failed, Loading, PlanNavigation } from './shared';

interface ReportIndicator {
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

interface ReportPriority {
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

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

/** GOV.UK's green, yellow and red, and its dark grey for a figure that was not rated. */
const RAG_COLOURS: Record<string, string> = { green: '#00703c', amber: '#ffdd00', red: '#d4351c' };
const NOT_RATED_COLOUR = '#505a5f';
const TARGET_COLOUR = '#1d70b8';

/** A period in an address has `-` for the `/` of a financial year: 2023/24-Q2 is 2023-24-Q2. */
const periodInAddress = (period: string) => period.replace('/', '-');

export function ReportPage({ planId, period }: { planId: string; period?: string }) {
  const plan = useApi<PlanView>(`/v1/plans/${encodeURIComponent(planId)}`);
  const year = plan.state === 'loaded' ? plan.answer.body.period : null;
  const chosen = period ?? (year ? periodInAddress(`${year}-Q1`) : null);
  const report = useApi<MonitoringReport>(chosen === null ? null : `/v1/plans/${encodeURIComponent(planId)}/reports/${encodeURIComponent(chosen)}`);
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
                  <a class="govuk-link" href={href(['plans', planId, 'report', quarterPeriod])} aria-current={quarterPeriod === chosen ? 'page' : undefined}>
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
      {report.state === 'loaded' && plan.state === 'loaded' && <ReportShown report={report.answer.body} plan={plan.answer.body} />}
    </>
  );
}

function ReportShown({ report, plan }: { report: MonitoringReport; plan: PlanView }) {
  const indicators = new Map(plan.indicators.map((indicator) => [indicator.code, indicator]));
  return (
    <>
      <p class="govuk-body-l">
        {report.period}, plan version {report.planVersion ?? 'none published'}: plan {report.rollups.plan.percentComplete ?? '-'}% complete over{' '}
        {report.rollups.plan.items} priorities and milestones.
      </p>
      <Table
        caption="Indicators"
        head={['Code', 'Indicator', 'Target', 'Actual', 'RAG', 'Direction of travel', 'Commentary']}
        rows={report.indicators.map((indicator) => [
          <a class="govuk-link" href={`#chart-${indicator.code}`} onClick={(event) => jumpTo(event, `chart-${indicator.code}`)}>
            {indicator.code}
          </a>,
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
        caption="Priorities"
        head={['Ref', 'Priority', 'Complete', 'Status']}
        rows={report.priorities.map((priority) => [
          priority.ref,
          priority.title,
          priority.percentComplete === null ? 'Not reported' : `${priority.percentComplete}%`,
          <strong class="govuk-tag govuk-tag--blue">{priority.status ?? 'Not reported'}</strong>,
        ])}
      />
      <h2 class="govuk-heading-l">Each indicator over the quarters</h2>
      {report.indicators.map((row) => {
        const indicator = indicators.get(row.code);
        return indicator ? <IndicatorChart key={row.code} indicator={indicator} year={plan.period} /> : null;
      })}
    </>
  );
}

/** An in-page jump that leaves the page's address, which the hash routing owns, as it is. */
function jumpTo(event: Event, id: string): void {
  event.preventDefault();
  document.getElementById(id)?.focus();
}

interface QuarterPoint {
  period: string;
  actual: number | null;
  target: number | null;
  targetText: string;
  rag: string;
}

function quarterPoints(indicator: IndicatorView, year: string): QuarterPoint[] {
  const yearTarget = indicator.targets.find((target) => target.period === year);
  return QUARTERS.map((quarter) => {
    const period = `${year}-${quarter}`;
    const actual = indicator.actuals.find((candidate) => candidate.period === period);
    const target = indicator.targets.find((candidate) => candidate.period === period) ?? yearTarget;
    return {
      period,
      actual: actual?.value ?? null,
      target: target?.value ?? null,
      targetText: target ? (target.text ?? String(target.value)) : 'None set',
      rag: actual?.rag ?? 'none',
    };
  });
}

/** Actuals against target over the year, each point coloured as it was rated when recorded, with the same figures as a table. */
function IndicatorChart({ indicator, year }: { indicator: IndicatorView; year: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const points = quarterPoints(indicator, year);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: points.map((point) => point.period),
        datasets: [
          {
            label: 'Actual',
            data: points.map((point) => point.actual),
            borderColor: NOT_RATED_COLOUR,
            pointBackgroundColor: points.map((point) => RAG_COLOURS[point.rag] ?? NOT_RATED_COLOUR),
            pointBorderColor: '#0b0c0c',
            pointRadius: 7,
          },
          { label: 'Target', data: points.map((point) => point.target), borderColor: TARGET_COLOUR, borderDash: [6, 4], pointRadius: 0 },
        ],
      },
      options: { animation: false, responsive: true },
    });
    return () => chart.destroy();
  }, [indicator, year]);
  const titleId = `chart-${indicator.code}`;
  return (
    <figure class="govuk-!-margin-bottom-8 govuk-!-margin-left-0">
      <h3 class="govuk-heading-m" id={titleId} tabIndex={-1}>
        {indicator.code}: {indicator.title}
      </h3>
      <div class="console-chart">
        <canvas ref={canvas} role="img" aria-label={`Actuals of ${indicator.code} against target over ${year}; the table below gives the same figures`} />
      </div>
      <Table
        caption={`${indicator.code} by quarter`}
        head={['Quarter', 'Actual', 'Target', 'RAG when recorded']}
        rows={points.map((point) => [point.period, point.actual === null ? 'None recorded' : String(point.actual), point.targetText, <RagTag rag={point.rag} />])}
      />
    </figure>
  );
}

