/** A find query, index, name or argument the read store refuses before touching any data. */
export class InvalidReadQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReadQueryError';
  }
}

/** A document the read store cannot keep; the write (or the whole batch) stored nothing. */
export class InvalidReadDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReadDocumentError';
  }
}
