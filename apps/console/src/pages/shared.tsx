import type { ComponentChildren } from 'preact';
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

/** What a page shows, in a banner above it, so that whoever opens a cited address reads which instant, version or filters it holds. */
export function ShownBanner({ children }: { children: ComponentChildren }) {
  return (
    <div class="govuk-notification-banner" role="region" aria-labelledby="shown-title">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="shown-title">
          What is shown
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading" id="shown">
          {children}
        </p>
      </div>
    </div>
  );
}

/** The words for an answer rebuilt as of an instant, which is record time: what the system held then. */
export const heldAt = (asOf: string) => `as the system held it at ${asOf}`;

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

/** A period in an address has `-` for the `/` of a financial year: 2023/24-Q2 is 2023-24-Q2. */
export const periodInAddress = (period: string) => period.replace('/', '-');

/** A period as a link names it: 2023/24-Q2 is "2023/24 Q2". */
export const periodInWords = (period: string) => period.replace('-', ' ');
