import { query } from '../api';
import { Table } from '../govuk';
import { go, href, type Route } from '../route';
import { useApi } from '../use-api';
import { Failed, periodInAddress, periodInWords, QUARTERS } from './shared';

interface PlanSummary {
  planId: string;
  title: string;
  service: string;
  period: string;
  status: string;
  version: string | null;
}

const FILTERS = [
  { name: 'service', label: 'Service' },
  { name: 'period', label: 'Year (for example 2023/24)' },
  { name: 'status', label: 'Status (draft, approved, …)' },
] as const;

export function PlansListPage({ route }: { route: Route }) {
  const filters = Object.fromEntries(FILTERS.map(({ name }) => [name, route.params.get(name) ?? undefined]));
  const plans = useApi<{ items: PlanSummary[] }>(`/v1/plans${query({ ...filters, limit: '100' })}`);
  const filter = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    go(['plans'], Object.fromEntries(FILTERS.map(({ name }) => [name, String(form.get(name) ?? '').trim() || undefined])));
  };
  return (
    <>
      <h1 class="govuk-heading-l">Plans</h1>
      <form onSubmit={filter} class="govuk-!-margin-bottom-6">
        {/* Uncontrolled and keyed on the address's value: what is typed while the answer loads survives its arrival, and another address's filter replaces it. */}
        {FILTERS.map(({ name, label }) => (
          <div class="govuk-form-group" key={name}>
            <label class="govuk-label" for={`filter-${name}`}>
              {label}
            </label>
            <input class="govuk-input govuk-input--width-20" id={`filter-${name}`} name={name} type="text" key={filters[name]} defaultValue={filters[name] ?? ''} />
          </div>
        ))}
        <button type="submit" class="govuk-button govuk-button--secondary">
          Filter plans
        </button>
      </form>
      {plans.state === 'failed' && <Failed message={plans.message} />}
      {plans.state === 'loaded' && (
        <Table
          caption={`${plans.answer.body.items.length} plans`}
          head={['Plan', 'Service', 'Year', 'Status', 'Version']}
          rows={plans.answer.body.items.map((plan) => [
            <a class="govuk-link" href={href(['plans', plan.planId])}>
              {plan.title}
            </a>,
            plan.service,
            plan.period,
            <strong class="govuk-tag govuk-tag--blue">{plan.status}</strong>,
            plan.version ?? 'None published',
          ])}
        />
      )}
      {plans.state === 'loaded' && <CouncilReportLinks years={plans.answer.body.items.map((plan) => plan.period)} service={filters.service} />}
    </>
  );
}

/**
 * The council's report and exceptions across its plans, for each year the plans listed cover and its
 * quarters, at the service the list is filtered by.
 */
function CouncilReportLinks({ years, service }: { years: string[]; service?: string }) {
  const periods = [...new Set(years)].sort().flatMap((year) => [year, ...QUARTERS.map((quarter) => `${year}-${quarter}`)]);
  if (periods.length === 0) return null;
  const link = (period: string, page: string[], words: string) => (
    <a class="govuk-link" href={href(['reports', periodInAddress(period), ...page], { service })}>
      {words} for {periodInWords(period)}
    </a>
  );
  return (
    <Table
      caption="Council reports across the plans"
      head={['Period', 'Report', 'Exceptions']}
      rows={periods.map((period) => [periodInWords(period), link(period, [], 'Council report'), link(period, ['exceptions'], 'Exceptions')])}
    />
  );
}
