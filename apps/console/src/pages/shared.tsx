import { ErrorSummary } from '../govuk';
import { href } from '../route';

export function Failed({ message }: { message: string }) {
  return <ErrorSummary title="The page could not be shown" problems={[{ text: message }]} />;
}

export function Loading() {
  return <p class="govuk-body" role="status">Loading…</p>;
}

const PLAN_PAGES = [
  ['', 'Plan'],
  ['timeline', 'Timeline'],
  ['versions', 'Versions'],
  ['report', 'Quarterly report'],
  ['integrity', 'Integrity'],
] as const;

/** The pages of one plan, the current one marked. */
export function PlanNavigation({ planId, current }: { planId: string; current: string }) {
  return (
    <nav aria-label="This plan" class="govuk-!-margin-bottom-6">
      <ul class="govuk-list console-plan-navigation">
        {PLAN_PAGES.map(([page, title]) => (
          <li key={page}>
            <a class="govuk-link" href={href(page === '' ? ['plans', planId] : ['plans', planId, page])} aria-current={page === current ? 'page' : undefined}>
              {title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A value from the API as text: figures as they are, lists joined, nested parts as their fields. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(textOf).join('; ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).filter(([, part]) => part !== null).map(([key, part]) => `${key}: ${textOf(part)}`).join(', ');
  return String(value);
}
