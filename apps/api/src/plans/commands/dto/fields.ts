import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  dateOutsideHeldYearsFault,
  identifierFault,
  isCalendarDate,
  MAX_IDENTIFIER_LENGTH,
  normaliseIdentifier,
  parsePeriod,
  type PlanLimit,
  readableTextFault,
  requireIsoDate,
} from '@app/domain';
import { plainToInstance, Transform } from 'class-transformer';
import { IsArray, IsOptional, ValidateBy, ValidateIf, ValidateNested, type ValidationArguments } from 'class-validator';

/**
 * Field decorators for the command bodies: each one checks, converts and documents a field in one
 * place, and says what is wrong in one sentence, so a DTO reads as its contract and a 400 names each
 * field once. Optional fields may be left out but not sent as null, unless `nullable` says null means
 * "clear it".
 */

interface FieldOptions {
  description: string;
  example?: unknown;
  optional?: boolean;
  nullable?: boolean;
}

/** A list's limit is the plan's rule, refused by the domain with 422; here it is only documented. */
interface ListOptions extends FieldOptions {
  limit?: PlanLimit;
}

function listSchema(limit: PlanLimit | undefined): Record<string, unknown> {
  return limit ? { maxItems: limit.limit } : {};
}

const MAX_TEXT_LENGTH = 4000;

export const DATE_ONLY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const trim = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/** A check's refusal of one element of a list, so that the 400 names the element: `themes[1]: must not be blank`. */
class ElementRefusal extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

/** Why `check` refuses a value, or null when it accepts it. */
function refusalOf(check: (value: unknown) => unknown, value: unknown): Error | null {
  try {
    check(value);
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Valid when `check` does not throw; otherwise its error's message, after the field's path, is the fault. */
export function CheckedBy(name: string, check: (value: unknown) => unknown): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value) => refusalOf(check, value) === null,
      // Starts with the field's name (and an element's index), which the shared 400 formatting turns into the field's path.
      defaultMessage: (args) => {
        const refusal = refusalOf(check, args?.value);
        const element = refusal instanceof ElementRefusal ? `[${refusal.index}]` : '';
        return `${args?.property}${element} ${refusal?.message ?? 'is not valid'}`;
      },
    },
  });
}

/**
 * The property's schema is its description and example with the schema given: the field's other
 * options (`min`, `maxLines`, a list's limit…) are rules for the checks, not OpenAPI keywords, and a
 * document carrying them is one no client generator accepts.
 */
function presence({ optional, nullable, description, example }: FieldOptions, schema: Record<string, unknown>): PropertyDecorator[] {
  const doc = { description, ...(example === undefined ? {} : { example }) };
  if (!optional) return [ApiProperty({ ...doc, ...schema })];
  return [
    ApiPropertyOptional({ ...doc, ...schema, ...(nullable ? { nullable: true } : {}) }),
    nullable ? IsOptional() : ValidateIf((_, value) => value !== undefined),
  ];
}

function requireText(value: unknown, maxLength = MAX_TEXT_LENGTH): void {
  if (value === undefined) throw new Error('is required');
  if (typeof value !== 'string') throw new Error('must be text');
  if (value.length === 0) throw new Error('must not be blank');
  if (value.length > maxLength) throw new Error(`must be at most ${maxLength} characters`);
}

/** Free text: shows what it says, with no control characters and something visible. */
function requireReadableText(value: unknown, maxLength = MAX_TEXT_LENGTH): void {
  requireText(value, maxLength);
  const fault = readableTextFault(value as string);
  if (fault) throw new Error(fault);
}

/** Text, trimmed; never blank. */
export function TextField(options: FieldOptions & { maxLength?: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: String, ...(options.maxLength ? { maxLength: options.maxLength } : {}) }),
    Transform(({ value }) => trim(value)),
    CheckedBy('isText', (value) => requireReadableText(value, options.maxLength)),
  );
}

const MAX_USER_ID_LENGTH = 200;

/**
 * A user's id as their token names them (its `sub`), to hold an officer answerable for an item
 * (`owner`, `approver`): compared exactly with the id of whoever enters or checks a figure.
 */
export function UserIdField(options: FieldOptions): PropertyDecorator {
  return TextField({ ...options, maxLength: MAX_USER_ID_LENGTH });
}

/** A reference or code ("3", "1a", "CP7"), normalised as it is in a path. */
export function IdentifierField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: String, maxLength: MAX_IDENTIFIER_LENGTH }),
    Transform(({ value }) => (typeof value === 'string' ? normaliseIdentifier(value) : value)),
    CheckedBy('isIdentifier', (value) => {
      requireText(value, MAX_IDENTIFIER_LENGTH);
      const fault = identifierFault(value as string);
      if (fault) throw new Error(fault);
    }),
  );
}

/** A list of trimmed, non-blank texts. */
export function TextListField({ limit, ...options }: ListOptions & { minItems?: number }): PropertyDecorator {
  const minItems = options.minItems ?? 0;
  return applyDecorators(
    ...presence(options, { type: [String], ...(minItems ? { minItems } : {}), ...listSchema(limit) }),
    Transform(({ value }) => (Array.isArray(value) ? value.map(trim) : value)),
    CheckedBy('isTextList', (value) => {
      if (!Array.isArray(value)) throw new Error('must be a list of texts');
      if (value.length < minItems) throw new Error(`must hold at least ${minItems}`);
      value.forEach((item, index) => {
        const fault = refusalOf(requireReadableText, item);
        if (fault) throw new ElementRefusal(index, fault.message);
      });
    }),
  );
}

/**
 * Markdown, kept exactly as written: its spaces and line breaks are part of what it says, so it is
 * not trimmed; bounded in characters and in lines.
 */
export function MarkdownField(options: FieldOptions & { maxLength: number; maxLines: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: String, maxLength: options.maxLength }),
    CheckedBy('isMarkdown', (value) => {
      requireReadableText(value, options.maxLength);
      const lines = (value as string).split('\n').length;
      if (lines > options.maxLines) throw new Error(`must be at most ${options.maxLines} lines, not ${lines}`);
    }),
  );
}

export function EnumField(values: readonly string[], options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { enum: values }),
    CheckedBy('isOneOf', (value) => {
      if (!values.includes(value as string)) throw new Error(`must be one of: ${values.join(', ')}`);
    }),
  );
}

export function NumberField(options: FieldOptions & { min?: number; max?: number }): PropertyDecorator {
  const { min, max } = options;
  return applyDecorators(
    ...presence(options, { type: Number, ...(min === undefined ? {} : { minimum: min }), ...(max === undefined ? {} : { maximum: max }) }),
    CheckedBy('isNumber', (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error('must be a number');
      if (min !== undefined && value < min) throw new Error(`must be at least ${min}`);
      if (max !== undefined && value > max) throw new Error(`must be at most ${max}`);
    }),
  );
}

/**
 * An indicator's figure: a number, a date written YYYY-MM-DD (a date indicator's), or true or false
 * (a yes/no indicator's). Which of them the indicator takes is its unit's, which the domain checks.
 */
export function FigureField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ...presence(options, {
      oneOf: [{ type: 'number' }, { type: 'string', format: 'date' }, { type: 'boolean' }],
    }),
    CheckedBy('isFigure', (value) => {
      const isFigure =
        (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' || (typeof value === 'string' && isCalendarDate(value));
      if (!isFigure) throw new Error('must be a number, a date written YYYY-MM-DD (such as 2024-09-30), or true or false');
    }),
  );
}

/** A whole number from `min` to `max`, such as a likelihood or impact score of 1 to 4. */
export function WholeNumberField(options: FieldOptions & { min: number; max: number }): PropertyDecorator {
  const { min, max } = options;
  return applyDecorators(
    ...presence(options, { type: 'integer', minimum: min, maximum: max }),
    CheckedBy('isWholeNumber', (value) => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw new Error(`must be a whole number from ${min} to ${max}`);
      }
    }),
  );
}

/** true or false, not the texts "yes" or "true". */
export function BooleanField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: Boolean }),
    CheckedBy('isBoolean', (value) => {
      if (typeof value !== 'boolean') throw new Error('must be true or false');
    }),
  );
}

/** A financial year ("2023/24"), a quarter ("2023/24-Q2") or a month of one ("2023/24-M07", or "2023-10"), with `-` allowed for `/`. */
export function PeriodField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: String, example: options.example ?? '2023/24-Q2' }),
    Transform(({ value }) => trim(value)),
    CheckedBy('isFinancialPeriod', (value) => {
      if (typeof value !== 'string') throw new Error('must be a period such as 2023/24, 2023/24-Q2 or 2023/24-M07');
      parsePeriod(value);
    }),
  );
}

/** A calendar date, "2024-03-19", within the financial years the service holds. */
export function DateField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: String, format: 'date', example: options.example ?? '2024-03-19' }),
    CheckedBy('isDate', (value) => {
      const notADate = new Error('must be a date written YYYY-MM-DD, such as 2024-03-19');
      if (typeof value !== 'string') throw notADate;
      let date: string;
      try {
        date = requireIsoDate(value, 'date');
      } catch {
        throw notADate;
      }
      const fault = dateOutsideHeldYearsFault(date);
      if (fault) throw new Error(fault);
    }),
  );
}

/** A period ("2020/21-Q1", "2020/21") or a calendar date ("2020-06-30"), as the domain reads a milestone's due. */
export function PeriodOrDateField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: String, example: options.example ?? '2020/21-Q1' }),
    Transform(({ value }) => trim(value)),
    CheckedBy('isPeriodOrDate', (value) => {
      const neither = new Error('must be a period such as 2020/21-Q1 or 2020/21, or a date written YYYY-MM-DD');
      if (typeof value !== 'string') throw neither;
      if (DATE_ONLY_PATTERN.test(value)) {
        if (!isCalendarDate(value)) throw new Error('must be a real day written YYYY-MM-DD, such as 2020-06-30');
        const fault = dateOutsideHeldYearsFault(value);
        if (fault) throw new Error(fault);
        return;
      }
      if (!/^\d{4}[/-]/.test(value)) throw neither;
      parsePeriod(value);
    }),
  );
}

/** What a list element that is not an object is validated as: class-validator refuses it by its index. */
const NOT_AN_OBJECT = Symbol('not an object');

/**
 * A list of nested objects, each validated as `type`. An element that is not an object goes on as
 * NOT_AN_OBJECT, so that it is refused as `outcomes[0]: must be an object` even when it is a list,
 * which class-validator would otherwise descend into and accept when empty (`[[]]`).
 */
export function NestedListField(type: () => new () => object, { limit, ...options }: ListOptions): PropertyDecorator {
  const asElement = (item: unknown): unknown =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? plainToInstance(type(), item) : NOT_AN_OBJECT;
  const notAList = ({ property }: ValidationArguments) => `${property} must be a list of objects`;
  return applyDecorators(
    ...presence(options, { type: () => type(), isArray: true, ...listSchema(limit) }),
    Transform(({ value }) => (Array.isArray(value) ? value.map(asElement) : value), { toClassOnly: true }),
    IsArray({ message: notAList }),
    // Also reached, with the same words, when the field itself is a text or a number.
    ValidateNested({ each: true, message: (args) => (args.value === NOT_AN_OBJECT ? 'must be an object' : notAList(args)) }),
  );
}

/**
 * One nested object, validated as `type` field by field, so that a 400 names `residual.likelihood`.
 * Anything else (a list, a text) goes on as NOT_AN_OBJECT, refused as `residual: must be an object`
 * rather than descended into.
 */
export function NestedField(type: () => new () => object, options: FieldOptions): PropertyDecorator {
  const asObject = (value: unknown): unknown => {
    if (value === undefined || value === null) return value;
    return typeof value === 'object' && !Array.isArray(value) ? plainToInstance(type(), value) : NOT_AN_OBJECT;
  };
  return applyDecorators(
    ...presence(options, { type: () => type() }),
    Transform(({ value }) => asObject(value), { toClassOnly: true }),
    // class-validator does not descend into a missing object, nor refuse it: an optional one is skipped by `presence`.
    CheckedBy('isPresent', (value) => {
      if (value === undefined) throw new Error('is required');
    }),
    ValidateNested({ message: 'must be an object' }),
  );
}
