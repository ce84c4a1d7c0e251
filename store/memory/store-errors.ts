import { InnographError, StoreUnavailableError } from '../../domain/errors.ts';

/**
 * A file of the embedded store is missing, cut short, edited or overwritten
 * (its checksum, its JSON or its shape says so). Nothing was changed or
 * deleted; the message names the file and says what to do. It is a kind of
 * unavailable store (the server answers 503 and keeps trying), with its own
 * code so that a user knows it will not come back by waiting.
 */
export class StoreDamagedError extends StoreUnavailableError {
  override name = 'StoreDamagedError';
  override readonly code: string = 'STORE_DAMAGED';
  constructor(
    readonly path: string,
    readonly why: string,
  ) {
    super(
      `the embedded store ${path} is damaged: ${why}. Nothing was changed or deleted. ` +
        `Restore ${path} and ${path}.segments/ from a backup, or move them aside and ingest your letters again`,
    );
  }
}

/** The store's folder cannot be written (full disk, read-only folder or file system, no permission). */
export class StoreNotWritableError extends InnographError {
  override name = 'StoreNotWritableError';
  constructor(
    readonly path: string,
    readonly why: string,
    options?: { cause?: unknown },
  ) {
    super('STORE_NOT_WRITABLE', `cannot write the embedded store ${path}: ${why}`, options);
  }
}

/**
 * An operating-system error (errno) in plain words, with what to do: the
 * user meets "the disk is full", not "ENOSPC: no space left on device, write".
 */
export function whyNotWritable(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const what: Record<string, string> = {
    ENOSPC: `the disk holding ${folder} is full; free some space and run the command again`,
    EDQUOT: `your disk quota for ${folder} is used up; free some space and run the command again`,
    EFBIG: `a file in ${folder} would grow past the size this system allows; choose another place with --data`,
    EROFS: `${folder} is on a read-only file system; choose a writable place with --data FILE (or INNOGRAPH_DATA)`,
    EACCES: `${folder} is not writable for this user; fix its permissions or choose another place with --data FILE`,
    EPERM: `${folder} is not writable for this user; fix its permissions or choose another place with --data FILE`,
    ENOTDIR: `a part of the path ${folder} is a file, not a folder; choose another place with --data FILE`,
    EISDIR: `the store's path is a folder; name a file with --data FILE (e.g. ${folder}/innograph.json)`,
    EMFILE: 'too many files are open at once; close some programs and run the command again',
    EIO: `the disk holding ${folder} reported an input/output error; check the disk`,
  };
  return (code && what[code]) ?? `the system refused (${(error as Error)?.message ?? String(error)})`;
}

/** Whether an error is one of the operating system's (it has an errno code) rather than ours. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    !(error instanceof InnographError)
  );
}
