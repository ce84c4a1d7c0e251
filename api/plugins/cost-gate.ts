/**
 * How much query cost the server works on at once. Node answers one request
 * at a time between awaits, so running many large requests side by side only
 * adds their memory up. Large requests take turns instead (first come, first
 * served) while light ones (a search, a node's panel) never wait; one that
 * would wait longer than `waitMs` is refused as busy, to try again. (On the
 * embedded store a request mostly runs without awaiting, so requests meet
 * here when their reads await: Neo4j's, a store being reloaded.)
 */
export class CostGate {
  private running = 0;
  private readonly waiting: Array<{ cost: number; admit: (ok: boolean) => void }> = [];

  constructor(
    /** The cost of the requests that may run at once. */
    private readonly capacity: number,
    /** A request costing at most this much is light: it never waits. */
    private readonly light = capacity / 100,
  ) {}

  /** Resolves true when the request may run (call `leave` after it), false when it waited `waitMs` in vain. */
  enter(cost: number, waitMs: number): Promise<boolean> {
    if (cost <= this.light || (this.waiting.length === 0 && this.fits(cost))) {
      this.running += cost;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const entry = {
        cost,
        admit: (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        entry.admit(false);
      }, waitMs);
      this.waiting.push(entry);
    });
  }

  leave(cost: number): void {
    this.running -= cost;
    while (this.waiting.length > 0 && this.fits(this.waiting[0].cost)) {
      const next = this.waiting.shift()!;
      this.running += next.cost;
      next.admit(true);
    }
  }

  /** A request larger than the whole capacity still runs, alone. */
  private fits(cost: number): boolean {
    return this.running === 0 || this.running + cost <= this.capacity;
  }
}
