import { useState } from 'preact/hooks';
import { tokenStore } from '../api';
import { ErrorSummary, SummaryList, WarningText } from '../govuk';
import { useApi } from '../use-api';
import { Failed, Loading, PlanNavigation, textOf } from './shared';

interface IntegrityResult {
  ok: boolean;
  eventsChecked: number;
  firstFailure: unknown;
  head: string | null;
}

/** The check over the plan's whole stream, and its evidence file to keep and verify offline. */
export function IntegrityPage({ planId }: { planId: string }) {
  const result = useApi<IntegrityResult>(`/v1/plans/${encodeURIComponent(planId)}/integrity`);
  return (
    <>
      <PlanNavigation planId={planId} current="integrity" />
      <h1 class="govuk-heading-l">Integrity</h1>
      {result.state === 'loading' && <Loading />}
      {result.state === 'failed' && <Failed message={result.message} />}
      {result.state === 'loaded' && (
        <>
          {!result.answer.body.ok && <WarningText>The integrity check failed: {textOf(result.answer.body.firstFailure)}</WarningText>}
          <SummaryList
            rows={[
              ['Result', <strong class={`govuk-tag ${result.answer.body.ok ? 'govuk-tag--green' : 'govuk-tag--red'}`}>{result.answer.body.ok ? 'Passed' : 'Failed'}</strong>],
              ['Events checked', String(result.answer.body.eventsChecked)],
              ['Chain head hash', <code class="console-hash">{result.answer.body.head ?? 'None'}</code>],
            ]}
          />
        </>
      )}
      <EvidenceDownload planId={planId} />
    </>
  );
}

/** The evidence route needs the bearer token, which a plain link cannot send: the file is fetched, then offered to save. */
function EvidenceDownload({ planId }: { planId: string }) {
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const prepare = async () => {
    const response = await fetch(`/v1/plans/${encodeURIComponent(planId)}/evidence`, { headers: { Authorization: `Bearer ${tokenStore.get() ?? ''}` } });
    if (!response.ok) {
      setProblem(`The API answered ${response.status}: the evidence could not be taken out.`);
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `${planId}-evidence.jsonl`;
    setFile({ url: URL.createObjectURL(await response.blob()), name });
  };
  return (
    <>
      <h2 class="govuk-heading-m">Evidence</h2>
      <p class="govuk-body">The plan's whole event log with its hash chain, as JSON Lines; npm run verify-evidence checks it without the service.</p>
      {problem && <ErrorSummary title="There is a problem" problems={[{ text: problem }]} />}
      {file ? (
        <a class="govuk-button" href={file.url} download={file.name}>
          Save {file.name}
        </a>
      ) : (
        <button type="button" class="govuk-button govuk-button--secondary" onClick={prepare}>
          Prepare the evidence file
        </button>
      )}
    </>
  );
}
