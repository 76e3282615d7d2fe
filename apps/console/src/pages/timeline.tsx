import { query } from '../api';
import { Table } from '../govuk';
import { go, href, type Route } from '../route';
import { useApi } from '../use-api';
import { Failed, Loading, PlanNavigation } from './shared';

interface HistoryEntry {
  position: number;
  recordedAt: string;
  type: string;
  actor: { name: string | null; role: string };
  reason: string | null;
  summary: string;
  ref: string | null;
}

/** The plan's audit trail, filtered by event type and reference, each entry linking to the plan just after it. */
export function TimelinePage({ planId, route }: { planId: string; route: Route }) {
  const type = route.params.get('type') ?? undefined;
  const ref = route.params.get('ref') ?? undefined;
  const cursor = route.params.get('cursor') ?? undefined;
  const history = useApi<{ items: HistoryEntry[]; next: string | null }>(
    `/v1/plans/${encodeURIComponent(planId)}/history${query({ type, ref, cursor, limit: '100' })}`,
  );
  const filter = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    go(['plans', planId, 'timeline'], { type: field('type'), ref: field('ref') });
  };
  return (
    <>
      <PlanNavigation planId={planId} current="timeline" />
      <h1 class="govuk-heading-l">Timeline</h1>
      <form onSubmit={filter} class="govuk-!-margin-bottom-6">
        {/* Uncontrolled and keyed on the address's value: what is typed while the answer loads survives its arrival, and another address's filter replaces it. */}
        <div class="govuk-form-group">
          <label class="govuk-label" for="filter-type">
            Event type (for example ActualRestated)
          </label>
          <input class="govuk-input govuk-input--width-20" id="filter-type" name="type" type="text" key={type} defaultValue={type ?? ''} />
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="filter-ref">
            Reference (an indicator code or priority number)
          </label>
          <input class="govuk-input govuk-input--width-10" id="filter-ref" name="ref" type="text" key={ref} defaultValue={ref ?? ''} />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">
          Filter the timeline
        </button>
      </form>
      {history.state === 'loading' && <Loading />}
      {history.state === 'failed' && <Failed message={history.message} />}
      {history.state === 'loaded' && (
        <>
          <Table
            caption={`${history.answer.body.items.length} entries`}
            head={['When (UTC)', 'Who', 'Role', 'What', 'Summary', 'Why', 'Plan after it']}
            rows={history.answer.body.items.map((entry) => [
              entry.recordedAt,
              entry.actor.name ?? 'Not named',
              entry.actor.role,
              `${entry.type}${entry.ref ? ` ${entry.ref}` : ''}`,
              entry.summary,
              entry.reason ?? '',
              <a class="govuk-link" href={href(['plans', planId], { asOf: entry.recordedAt })}>
                The plan just after event {entry.position}
              </a>,
            ])}
          />
          {history.answer.body.next && (
            <a class="govuk-link" href={href(['plans', planId, 'timeline'], { type, ref, cursor: history.answer.body.next })}>
              Later entries
            </a>
          )}
        </>
      )}
    </>
  );
}
