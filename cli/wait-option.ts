/**
 * `--wait S`: how long a writer waits for another writer to finish before it gives up (STORE_BUSY).
 * Seconds, default 0 (refuse at once); null (after saying why on stderr) when not a number ≥ 0.
 */
export function waitSeconds(command: string, value: string | undefined): number | null {
  const seconds = Number(value ?? 0);
  if (value === undefined || (value.trim() !== '' && seconds >= 0)) return seconds;
  console.error(`innograph ${command}: --wait must be a number of seconds, 0 or more, got ${value}`);
  return null;
}
