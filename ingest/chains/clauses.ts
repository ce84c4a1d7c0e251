/**
 * A letter's clauses, found in one pass over its text: a thing's clause is
 * then a binary search, not a walk out to the nearest comma — a walk that
 * made the chain step quadratic on a letter of 20,000 《》 titles on one line.
 */
export interface Clause {
  index: number;
  start: number;
  end: number;
  /** The stop after it ('' at the end of the text): the next clause goes on the sentence only after a comma. */
  stop: string;
}

/** Clause stops: ，；。！？：, a line end. 、 separates list items inside a clause. */
const STOP = /[，,；;。！？!?：:\n]/;
const COMMA = /[，,]/;

export class ClauseIndex {
  readonly clauses: Clause[] = [];

  constructor(text: string) {
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !STOP.test(text[i])) continue;
      this.clauses.push({ index: this.clauses.length, start, end: i, stop: text[i] ?? '' });
      start = i + 1;
    }
  }

  /** The clause an offset stands in. */
  at(offset: number): Clause {
    let lo = 0;
    let hi = this.clauses.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.clauses[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.clauses[lo];
  }

  /** The clause after this one in the same sentence: only across a comma. */
  next(clause: Clause): Clause | undefined {
    return COMMA.test(clause.stop) ? this.clauses[clause.index + 1] : undefined;
  }

  /** The clauses of [start, end), in order. */
  within(start: number, end: number): Clause[] {
    const first = this.at(start).index;
    const found: Clause[] = [];
    for (let i = first; i < this.clauses.length && this.clauses[i].start < end; i++) found.push(this.clauses[i]);
    return found;
  }
}

/** Disjoint spans (the names of a letter's things), searchable by offset. */
export class Coverage {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: Array<{ start: number; end: number }>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    for (const span of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && span.start < this.ends[last]) this.ends[last] = Math.max(this.ends[last], span.end);
      else {
        this.starts.push(span.start);
        this.ends.push(span.end);
      }
    }
  }

  /** The covered span holding [start, end), if any. */
  holding(start: number, end: number): { start: number; end: number } | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || this.ends[found] < end) return null;
    return { start: this.starts[found], end: this.ends[found] };
  }

  /** The last covered span that ends in (start, end], if any. */
  lastIn(start: number, end: number): { start: number; end: number } | null {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] <= end) lo = mid + 1;
      else hi = mid;
    }
    const last = lo - 1;
    return last >= 0 && this.starts[last] >= start ? { start: this.starts[last], end: this.ends[last] } : null;
  }

  /** The first covered span that starts in [start, end), if any. */
  firstIn(start: number, end: number): { start: number; end: number } | null {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.starts.length && this.starts[lo] < end ? { start: this.starts[lo], end: this.ends[lo] } : null;
  }
}
