import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { endOfUkDay, instantOutsideHeldYearsFault, isCalendarDate, startOfUkDay } from '@app/domain';
import { CheckedBy } from '../../commands/dto/fields';

/** Which instant a date alone stands for: the first or the last of that day in UK time. */
export type DateMeans = 'start-of-day' | 'end-of-day';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
/** What a client may send, as the document publishes it; `parseInstant` says exactly what is wrong with anything else. */
const INSTANT_OR_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
/** What `+01:00` becomes when the client did not encode it: a URL's query reads `+` as a space. */
const DATE_TIME_WITH_SPACED_OFFSET = /^\d{4}-\d{2}-\d{2}T[\d:.]+ \d{2}:?\d{2}$/;
const DATE_TIME_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/;

/**
 * An instant as a query gives it: with its UTC offset, or a date alone, which a council officer
 * means as a whole day in UK time ("as it stood on 19 March" includes the 19th). Throws the sentence
 * saying what is wrong, including the `+` a URL turned into a space.
 */
export function parseInstant(text: string, dateMeans: DateMeans): Date {
  const instant = instantOf(text, dateMeans);
  const fault = instantOutsideHeldYearsFault(instant);
  if (fault) throw new Error(fault);
  return instant;
}

function instantOf(text: string, dateMeans: DateMeans): Date {
  if (isCalendarDate(text)) return dateMeans === 'end-of-day' ? endOfUkDay(text) : startOfUkDay(text);
  const dateTime = DATE_TIME.exec(text);
  if (dateTime && isCalendarDate(dateTime[1])) return new Date(text);
  if (DATE_TIME_WITH_SPACED_OFFSET.test(text)) {
    throw new Error(
      `'${text}' has a space where its offset's '+' belongs: a URL reads '+' as a space, so write it as %2B (${text.replace(' ', '%2B')})`,
    );
  }
  if (DATE_TIME_WITHOUT_OFFSET.test(text)) {
    throw new Error(`'${text}' has no UTC offset: add Z for UTC or an offset such as %2B01:00 (a '+' is written %2B in a URL)`);
  }
  const day = dateMeans === 'end-of-day' ? 'the end' : 'the start';
  throw new Error(
    `'${text}' is not a date or an instant: write a date, 2024-03-19 (${day} of that day in UK time), or an instant with its offset, 2024-03-19T18:00:00Z`,
  );
}

/**
 * An optional instant query parameter (`asOf`, `from`, `to`), converted to a `Date`; a 400 names it
 * and says what is wrong.
 */
export function InstantParam(options: { description: string; dateMeans: DateMeans }): PropertyDecorator {
  const { description, dateMeans } = options;
  const day = dateMeans === 'end-of-day' ? 'the end' : 'the start';
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      example: '2024-03-19T18:00:00Z',
      pattern: INSTANT_OR_DATE.source,
      description: `${description} An instant with its offset (\`Z\`, or \`+01:00\` written \`%2B01:00\`), or a date alone for ${day} of that day in UK time.`,
    }),
    IsOptional(),
    // Converted before validation; a value that does not convert stays as sent, for the check to word.
    Transform(({ value }) => {
      try {
        return typeof value === 'string' ? parseInstant(value, dateMeans) : value;
      } catch {
        return value;
      }
    }),
    CheckedBy('isInstant', (value) => {
      if (value instanceof Date) return;
      if (typeof value !== 'string') throw new Error('must be given once');
      parseInstant(value, dateMeans);
    }),
  );
}
