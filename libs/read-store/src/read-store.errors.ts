/** A find query, index, name or argument the read store refuses before touching any data. */
export class InvalidReadQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReadQueryError';
  }
}

/** A paging cursor this store did not issue for the query: the caller's mistake, not the query's author's. */
export class InvalidCursorError extends InvalidReadQueryError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

/** A document the read store cannot keep; the write (or the whole batch) stored nothing. */
export class InvalidReadDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReadDocumentError';
  }
}
