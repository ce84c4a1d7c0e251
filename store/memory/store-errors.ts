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
 * `option` is how the user names another place (--data FILE for a store,
 * --out FILE for an export).
 */
export function whyNotWritable(error: unknown, folder: string, option = '--data FILE (or INNOGRAPH_DATA)'): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const what: Record<string, string> = {
    ENOSPC: `the disk holding ${folder} is full; free some space and run the command again`,
    EDQUOT: `your disk quota for ${folder} is used up; free some space and run the command again`,
    EFBIG: `a file in ${folder} would grow past the size this system allows; choose another place with ${option}`,
    EROFS: `${folder} is on a read-only file system; choose a writable place with ${option}`,
    EACCES: `${folder} is not writable for this user; fix its permissions or choose another place with ${option}`,
    EPERM: `${folder} is not writable for this user; fix its permissions or choose another place with ${option}`,
    ENOENT: `the folder ${folder} does not exist; create it or choose another place with ${option}`,
    ENOTDIR: `a part of the path ${folder} is a file, not a folder; choose another place with ${option}`,
    EISDIR: `the path is a folder; name a file in it with ${option}`,
    EMFILE: 'too many files are open at once; close some programs and run the command again',
    EIO: `the disk holding ${folder} reported an input/output error; check the disk`,
  };
  return (code && what[code]) ?? `the system refused (${(error as Error)?.message ?? String(error)})`;
}
