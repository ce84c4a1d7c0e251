/**
 * `--file-timeout S`: the per-file time guard of every command that reads
 * letters (ingest, remove, eval). Seconds, default 120; null (after saying
 * why on stderr) when the value is not a number of seconds above 0.
 */
export function fileTimeout(command: string, value: string | undefined): number | null {
  const seconds = Number(value ?? 120);
  if (seconds > 0) return seconds;
  console.error(`innograph ${command}: --file-timeout must be a number of seconds above 0, got ${value}`);
  return null;
}
