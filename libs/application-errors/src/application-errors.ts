import type { DomainError } from '@app/domain';

/**
 * Why the application refused a request, in its own words: plain classes that services, pipes and
 * parameter readers throw without knowing HTTP. The one error filter
 * (`libs/platform/src/http/error-body.filter.ts`) alone turns each kind into a status; its table is
 * typed over `ApplicationErrorKind`, so a kind added here does not compile until it is mapped there.
 */
export abstract class ApplicationError extends Error {
  abstract readonly kind: ApplicationErrorKind;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * No corporate plan of the caller's council answers to the id. Another council's is refused in the
 * same words, as a service plan is.
 */
export class CorporatePlanNotFoundError extends ApplicationError {
  readonly kind = 'corporate-plan-not-found';

  static withId(corporatePlanId: string): CorporatePlanNotFoundError {
    return new CorporatePlanNotFoundError(`Corporate plan ${corporatePlanId} was not found`);
  }
}

/**
 * A refused command on a plan the caller may see, stating the revision its stream is at (null when
 * it has none yet), so that the client can retry with If-Match without reading the plan first.
 */
export abstract class RefusalAtRevision extends ApplicationError {
  constructor(
    message: string,
    readonly currentRevision: number | null,
  ) {
    super(message);
  }
}

/**
 * No plan of the caller's council answers to the id (or none existed at the instant, or it has no
 * such version). Another council's plan is refused in the same words, so that the two cannot be told apart.
 */
export class PlanNotFoundError extends ApplicationError {
  readonly kind = 'plan-not-found';

  static withId(planId: string): PlanNotFoundError {
    return new PlanNotFoundError(`Plan ${planId} was not found`);
  }

  static atInstant(planId: string, asOf: Date): PlanNotFoundError {
    return new PlanNotFoundError(`Plan ${planId} did not exist yet at ${asOf.toISOString()}`);
  }

  static withoutVersion(planId: string, label: string): PlanNotFoundError {
    return new PlanNotFoundError(`Plan ${planId} has no version '${label}'`);
  }
}

/**
 * No plan of the service in the caller's council has the indicator (or none had it at the instant).
 * Another council's plans are never looked at, so they cannot be told apart from none.
 */
export class IndicatorSeriesNotFoundError extends ApplicationError {
  readonly kind = 'indicator-series-not-found';

  static of(code: string, service: string, asOf: Date | undefined): IndicatorSeriesNotFoundError {
    const when = asOf === undefined ? '' : ` at ${asOf.toISOString()}`;
    return new IndicatorSeriesNotFoundError(`Indicator ${code} was not found in any plan of the service '${service}'${when}`);
  }
}

/** The caller is limited to some services of the council, and the plan is of another. */
export class NotAssignedToServiceError extends ApplicationError {
  readonly kind = 'not-assigned-to-service';

  constructor(readonly service: string) {
    super(`You are not assigned to the service '${service}'`);
  }
}

/** `If-Match` named another revision than the one the plan is at. */
export class RevisionMismatchError extends RefusalAtRevision {
  readonly kind = 'revision-mismatch';

  constructor(
    readonly expected: number,
    currentRevision: number | null,
    of: 'plan' | 'council settings' = 'plan',
  ) {
    const current =
      of === 'plan'
        ? `The plan ${currentRevision === null ? 'does not exist yet' : `is at revision ${currentRevision}`}`
        : `The council's settings ${currentRevision === null ? 'were never set' : `are at revision ${currentRevision}`}`;
    super(`${current}, not revision ${expected} as If-Match says; reload ${of === 'plan' ? 'it' : 'them'} and try again`, currentRevision);
  }
}

/** Other writers kept changing the plan while the command was retried on each fresh state. */
export class PlanKeptChangingError extends RefusalAtRevision {
  readonly kind = 'plan-kept-changing';

  constructor(currentRevision: number | null) {
    super('The plan changed while your update was being saved; reload and try again', currentRevision);
  }
}

/** The `Idempotency-Key` was already used for a request other than this one. */
export class IdempotencyKeyReusedError extends RefusalAtRevision {
  readonly kind = 'idempotency-key-reused';

  constructor(currentRevision: number | null) {
    super('This Idempotency-Key was already used for a different request', currentRevision);
  }
}

/** The plan's rules refused the command; the domain's sentence is kept, and its kind decides the status. */
export class PlanCommandRefusedError extends RefusalAtRevision {
  readonly kind = 'plan-command-refused';

  constructor(
    readonly refusal: DomainError,
    currentRevision: number,
  ) {
    super(refusal.message, currentRevision);
  }
}

/** The read models have not reached the position the client waits for; worth asking again after a while. */
export class ProjectionsBehindError extends ApplicationError {
  readonly kind = 'projections-behind';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A path or query parameter that is not what it must be; the message starts with the parameter's name. */
export class InvalidParameterError extends ApplicationError {
  readonly kind = 'invalid-parameter';

  constructor(
    readonly parameter: string,
    fault: string,
  ) {
    super(`${parameter}: ${fault}`);
  }
}

/** A request header that is not what it must be; the message starts with the header's name. */
export class InvalidHeaderError extends ApplicationError {
  readonly kind = 'invalid-header';

  constructor(
    readonly header: string,
    requirement: string,
  ) {
    super(`${header}: ${requirement}`);
  }
}

/** An operator asked to rebuild a projection the service does not have. */
export class UnknownProjectionError extends ApplicationError {
  readonly kind = 'unknown-projection';
}

/** A rebuild that cannot start now: one is under way, or another process runs the projection. */
export class RebuildUnavailableError extends ApplicationError {
  readonly kind = 'rebuild-unavailable';
}

/** The caller's `Accept` allows none of the formats the answer can be given in. */
export class AnswerFormatNotOfferedError extends ApplicationError {
  readonly kind = 'answer-format-not-offered';

  constructor(readonly offered: readonly string[]) {
    super(`This answer can be given as ${offered.join(', ')}; the Accept header allows none of them.`);
  }
}

/**
 * The events behind an answer rebuilt from them fail their integrity check: a spreadsheet, read once
 * saved without the answer's header, would carry the altered figures without the warning.
 */
export class SpreadsheetOfFailedIntegrityError extends ApplicationError {
  readonly kind = 'spreadsheet-of-failed-integrity';

  constructor() {
    super(
      'The events behind this answer fail their integrity check, so it is not given as a spreadsheet: read it as JSON to see which event fails.',
    );
  }
}

/** A caller holding as many change streams open as one caller may asks for another. */
export class TooManyChangeStreamsError extends ApplicationError {
  readonly kind = 'too-many-change-streams';

  constructor(readonly most: number) {
    super(`You already have ${most} change streams open, the most one caller may hold; close one before opening another.`);
  }
}

/** The process is stopping: a long-lived answer opened now would hold its drain; another instance will answer. */
export class ServiceShuttingDownError extends ApplicationError {
  readonly kind = 'service-shutting-down';

  constructor() {
    super('The service is shutting down; reconnect in a moment.');
  }
}

/** One thing wrong in an imported plan, where an officer finds it: the sheet, its row and column, and what is wrong. */
export interface ImportProblem {
  sheet: string;
  /** The row as the spreadsheet numbers it (a CSV: its line), or null for what concerns the whole sheet. */
  row: number | null;
  /** The column's header, or null when the problem is the row's or the sheet's as a whole. */
  column: string | null;
  message: string;
}

/** An imported plan with problems: nothing of it was written, and every problem is named. */
export class ImportRefusedError extends ApplicationError {
  readonly kind = 'import-refused';

  constructor(readonly problems: readonly ImportProblem[]) {
    super(`The plan was not imported: ${problems.length === 1 ? 'one problem needs' : `${problems.length} problems need`} putting right first.`);
  }
}

/** What was sent to import cannot be read as a plan at all: not a workbook, or one too big to open. */
export class UnreadableImportError extends ApplicationError {
  readonly kind = 'unreadable-import';
}

/** An import sent in a format it is not read from. */
export class ImportFormatNotSupportedError extends ApplicationError {
  readonly kind = 'import-format-not-supported';

  constructor(readonly accepted: readonly string[]) {
    super(`A plan is imported from ${accepted.join(', ')}; send the file with one of these as its Content-Type.`);
  }
}

/** Every kind of application error, by the kind it names; the error filter maps each one. */
export interface ApplicationErrorOfKind {
  'plan-not-found': PlanNotFoundError;
  'corporate-plan-not-found': CorporatePlanNotFoundError;
  'indicator-series-not-found': IndicatorSeriesNotFoundError;
  'not-assigned-to-service': NotAssignedToServiceError;
  'revision-mismatch': RevisionMismatchError;
  'plan-kept-changing': PlanKeptChangingError;
  'idempotency-key-reused': IdempotencyKeyReusedError;
  'plan-command-refused': PlanCommandRefusedError;
  'projections-behind': ProjectionsBehindError;
  'invalid-parameter': InvalidParameterError;
  'invalid-header': InvalidHeaderError;
  'unknown-projection': UnknownProjectionError;
  'rebuild-unavailable': RebuildUnavailableError;
  'answer-format-not-offered': AnswerFormatNotOfferedError;
  'spreadsheet-of-failed-integrity': SpreadsheetOfFailedIntegrityError;
  'too-many-change-streams': TooManyChangeStreamsError;
  'service-shutting-down': ServiceShuttingDownError;
  'import-refused': ImportRefusedError;
  'unreadable-import': UnreadableImportError;
  'import-format-not-supported': ImportFormatNotSupportedError;
}

export type ApplicationErrorKind = keyof ApplicationErrorOfKind;
