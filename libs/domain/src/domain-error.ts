/**
 * A command the domain refuses. The message is a sentence a council officer understands; the edge
 * maps `kind` to a status (rule-broken → 422, not-found → 404, already-exists → 409). Nothing here
 * knows about HTTP.
 */
export type DomainErrorKind = 'rule-broken' | 'not-found' | 'already-exists';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static ruleBroken(message: string): DomainError {
    return new DomainError('rule-broken', message);
  }

  static notFound(message: string): DomainError {
    return new DomainError('not-found', message);
  }

  static alreadyExists(message: string): DomainError {
    return new DomainError('already-exists', message);
  }
}
