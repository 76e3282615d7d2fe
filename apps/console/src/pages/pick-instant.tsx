import { useState } from 'preact/hooks';
import { ErrorSummary } from '../govuk';

/**
 * A GOV.UK date input and a time of day in UTC, to the second, since a plan may change many times a
 * day: `shown` names what is re-rendered at the instant picked ("plan", "report").
 */
export function PickInstant({ shown, asOf, onPick }: { shown: string; asOf?: string; onPick: (instant: string) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const at = asOf ? new Date(asOf) : null;
  const part = (value: number | undefined) => (value === undefined ? '' : String(value));
  const show = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const instant = instantOf(field('day'), field('month'), field('year'), field('time'));
    if (instant === null) {
      setProblem('Enter a real date, for example 27 3 2024, and a time as hh:mm:ss or none');
      return;
    }
    setProblem(null);
    onPick(instant.toISOString());
  };
  return (
    <form onSubmit={show} class="govuk-!-margin-bottom-6" noValidate>
      {problem && <ErrorSummary title="There is a problem" problems={[{ text: problem, field: 'as-of-day' }]} />}
      <div class={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
        <fieldset class="govuk-fieldset" role="group" aria-describedby={problem ? 'as-of-hint as-of-error' : 'as-of-hint'}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Show the {shown} as it stood on</legend>
          <div id="as-of-hint" class="govuk-hint">
            For example, 27 3 2024. The time is UTC, to the second; left empty, the end of the day.
          </div>
          {problem && (
            <p id="as-of-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">Error:</span> {problem}
            </p>
          )}
          <div class="govuk-date-input" id="as-of">
            {(
              [
                ['day', 'Day', at?.getUTCDate(), 2],
                ['month', 'Month', at === null ? undefined : at.getUTCMonth() + 1, 2],
                ['year', 'Year', at?.getUTCFullYear(), 4],
              ] as const
            ).map(([name, label, value, width]) => (
              <div class="govuk-date-input__item" key={name}>
                <div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for={`as-of-${name}`}>
                    {label}
                  </label>
                  <input
                    class={`govuk-input govuk-date-input__input govuk-input--width-${width}${problem ? ' govuk-input--error' : ''}`}
                    id={`as-of-${name}`}
                    name={name}
                    type="text"
                    inputMode="numeric"
                    key={part(value)}
                    defaultValue={part(value)}
                  />
                </div>
              </div>
            ))}
            <div class="govuk-date-input__item">
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for="as-of-time">
                  Time (hh:mm:ss)
                </label>
                <input class="govuk-input govuk-input--width-5" id="as-of-time" name="time" type="text" key={at?.toISOString()} defaultValue={at ? at.toISOString().slice(11, 19) : ''} />
              </div>
            </div>
          </div>
        </fieldset>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary">
        Show the {shown} at this date
      </button>
    </form>
  );
}

/** The instant a day, month, year and optional hh:mm:ss (UTC) name, or null when they name none (31 February, say). */
function instantOf(day: string, month: string, year: string, time: string): Date | null {
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time || '23:59:59');
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year) || clock === null) return null;
  const [hours, minutes, seconds = '0'] = clock.slice(1);
  const instant = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds)));
  const named = instant.getUTCDate() === Number(day) && instant.getUTCMonth() === Number(month) - 1 && instant.getUTCHours() === Number(hours);
  return named && Number(minutes) < 60 && Number(seconds) < 60 ? instant : null;
}
