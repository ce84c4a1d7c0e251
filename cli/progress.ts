/**
 * Progress on a terminal: one line rewritten in place on a TTY, a line every
 * 10% elsewhere (CI logs), nothing when quiet.
 */
export function progressPrinter(label: string, quiet = false): (done: number, total: number, item?: string) => void {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return (done, total, item = '') => {
    if (quiet || total === 0) return;
    if (tty) {
      const width = Math.max(10, (process.stderr.columns ?? 80) - 40);
      const shown = item.length > width ? `…${item.slice(-width)}` : item;
      process.stderr.write(`\r\x1b[K${label} ${done}/${total} ${shown}`);
      if (done === total) process.stderr.write('\r\x1b[K');
      return;
    }
    const decile = Math.floor((done / total) * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      process.stderr.write(`${label} ${done}/${total}\n`);
    }
  };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
