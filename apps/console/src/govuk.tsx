import { ErrorSummary as GovukErrorSummary } from 'govuk-frontend';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** GOV.UK Design System patterns the pages share. */

const RAG_TAG_COLOURS: Record<string, string> = { green: 'govuk-tag--green', amber: 'govuk-tag--yellow', red: 'govuk-tag--red' };

/** A RAG rating as a tag whose word says it, so that colour is never the only sign. */
export function RagTag({ rag }: { rag: string | null }) {
  const word = rag === null || rag === 'none' ? 'Not rated' : rag.toUpperCase();
  return <strong class={`govuk-tag ${RAG_TAG_COLOURS[rag ?? ''] ?? 'govuk-tag--grey'}`}>{word}</strong>;
}

export function StatusTag({ status }: { status: string | null }) {
  return <strong class="govuk-tag govuk-tag--blue">{status ?? 'No status'}</strong>;
}

export function BackLink({ to, children }: { to: string; children: ComponentChildren }) {
  return (
    <a href={to} class="govuk-back-link">
      {children}
    </a>
  );
}

/**
 * Starts a GOV.UK Frontend component on its root element once Preact has put that in the page, as
 * `initAll` does on a page served whole. Started once per element: one drawn later is started afresh.
 */
export function useGovukComponent<E extends Element>(start: (root: E) => unknown) {
  const root = useRef<E>(null);
  useEffect(() => {
    if (root.current) start(root.current);
  }, []);
  return root;
}

type Problems = { title: string; problems: Array<{ text: string; field?: string }> };

/**
 * GOV.UK Frontend moves focus to the summary when it is shown, and its links to the field at fault
 * without writing the field's id over the page's address, which the hash routing owns. Other problems
 * draw a new summary, so that focus moves to it again, as after a page served with errors.
 */
export function ErrorSummary(shown: Problems) {
  return <ErrorSummaryOf key={shown.problems.map((problem) => problem.text).join('\n')} {...shown} />;
}

function ErrorSummaryOf({ title, problems }: Problems) {
  const root = useGovukComponent<HTMLDivElement>((element) => new GovukErrorSummary(element));
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" ref={root}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">{title}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {problems.map((problem) => (
              <li key={problem.text}>{problem.field ? <a href={`#${problem.field}`}>{problem.text}</a> : problem.text}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function SummaryList({ rows }: { rows: Array<[string, ComponentChildren]> }) {
  return (
    <dl class="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div class="govuk-summary-list__row" key={key}>
          <dt class="govuk-summary-list__key">{key}</dt>
          <dd class="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Table({ caption, head, rows }: { caption: string; head: string[]; rows: ComponentChildren[][] }) {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {head.map((title) => (
            <th scope="col" class="govuk-table__header" key={title}>
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((cells, row) => (
          <tr class="govuk-table__row" key={row}>
            {cells.map((cell, column) => (
              <td class="govuk-table__cell" key={column}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InsetText({ children }: { children: ComponentChildren }) {
  return <div class="govuk-inset-text">{children}</div>;
}

export function WarningText({ children }: { children: ComponentChildren }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}
