import { useState } from 'preact/hooks';
import { apiGet, tokenStore } from '../api';
import { ErrorSummary } from '../govuk';

/**
 * Embedded mode: the caller pastes a token minted with `npm run token`. It is checked by reading the
 * plans list, then kept in sessionStorage only. A council's identity provider in front of the API
 * would hand the console a token instead (see the README).
 */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const signIn = async (event: Event) => {
    event.preventDefault();
    const token = (new FormData(event.target as HTMLFormElement).get('token') as string | null)?.trim() ?? '';
    if (token === '') {
      setProblem('Enter your access token');
      return;
    }
    tokenStore.set(token);
    try {
      await apiGet('/v1/plans?limit=1');
      onSignedIn();
    } catch (error) {
      tokenStore.clear();
      setProblem(`The API did not accept the token: ${(error as Error).message}`);
    }
  };
  return (
    <>
      {problem && <ErrorSummary title="There is a problem" problems={[{ text: problem, field: 'token' }]} />}
      <h1 class="govuk-heading-l">Sign in</h1>
      <form onSubmit={signIn} noValidate>
        <div class={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label" for="token">
            Access token
          </label>
          <div id="token-hint" class="govuk-hint">
            The token your council gave you, or one minted with npm run token. It is kept in this browser tab only.
          </div>
          {problem && (
            <p id="token-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">Error:</span> {problem}
            </p>
          )}
          <textarea
            class={`govuk-textarea${problem ? ' govuk-textarea--error' : ''}`}
            id="token"
            name="token"
            rows={4}
            spellcheck={false}
            autocomplete="off"
            aria-describedby={problem ? 'token-hint token-error' : 'token-hint'}
          />
        </div>
        <button type="submit" class="govuk-button">
          Sign in
        </button>
      </form>
    </>
  );
}
