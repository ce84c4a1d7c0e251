import { access, constants, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InnographError } from '../domain/errors.ts';
import { whyNotWritable } from '../store/memory/store-errors.ts';

/** An output file (`--out FILE`) that cannot be written: a full disk, a read-only or missing folder. */
export class OutputNotWritableError extends InnographError {
  override name = 'OutputNotWritableError';
  constructor(
    readonly path: string,
    why: string,
    options?: { cause?: unknown },
  ) {
    super('OUTPUT_NOT_WRITABLE', `cannot write ${path}: ${why}`, options);
  }
}

function refusal(path: string, error: unknown): OutputNotWritableError {
  return new OutputNotWritableError(path, whyNotWritable(error, dirname(path), '--out FILE'), { cause: error });
}

/**
 * Checks before any work that `--out FILE` can be written (its folder exists
 * and is writable, the path is not a folder), so `ingest --out` refuses a
 * bad path before it reads a letter or touches the store. A full disk can
 * only show at the write itself (writeOutput).
 */
export async function checkOutput(path: string): Promise<void> {
  try {
    const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
    await access(existing ? path : dirname(path), constants.W_OK);
  } catch (error) {
    throw refusal(path, error);
  }
}

/**
 * Writes a command's output file (`ingest --out`, `export --out`), turning
 * the system's refusal into a coded error in plain words (exit code 2 from
 * cli/main.ts), not a stack trace.
 */
export async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw refusal(path, error);
  }
}
