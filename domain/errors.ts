/**
 * Every error innograph raises on purpose. `code` is SCREAMING_SNAKE and is
 * what the GraphQL edge puts in `extensions.code`; messages say what to do.
 */
export class InnographError extends Error {
  override name = 'InnographError';
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A letter file that could not be read at all (empty, binary, image-only PDF, unknown format). */
export class LetterReadError extends InnographError {
  override name = 'LetterReadError';
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('LETTER_UNREADABLE', `${file}: ${reason}`, options);
  }
}

/** A text that was read but is not a reply letter (no header, no salutation, no body). */
export class NotALetterError extends InnographError {
  override name = 'NotALetterError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super('NOT_A_LETTER', `${file}: not a reply letter (${reason})`);
  }
}

/** The store cannot be reached or opened; the message names where and what to check. */
export class StoreUnavailableError extends InnographError {
  override name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
  }
}

/** Another process holds the embedded store's write lock. */
export class StoreBusyError extends InnographError {
  override name = 'StoreBusyError';
  constructor(message: string) {
    super('STORE_BUSY', message);
  }
}

/** A request the store rejects because of its arguments (unknown id, bad cursor, over a cap). */
export class BadRequestError extends InnographError {
  override name = 'BadRequestError';
  constructor(message: string) {
    super('BAD_REQUEST', message);
  }
}

export function isInnographError(error: unknown): error is InnographError {
  return error instanceof InnographError;
}
