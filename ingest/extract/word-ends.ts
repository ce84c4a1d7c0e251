/**
 * A list of words asked, for many texts, which of them a text ends (or starts) with: 充分发挥 ends in the stop word
 * 发挥 · 温州市科技局 ends in the suffix 科技局. One Set lookup per length the words come in replaces a scan of
 * the whole list; where several words fit, the first in the list's order is the answer, as Array.find gives it.
 */
export class WordEnds {
  private readonly order = new Map<string, number>();
  /** The lengths the words come in, shortest first. */
  private readonly lengths: number[];

  constructor(words: readonly string[]) {
    words.forEach((word, i) => {
      if (!this.order.has(word)) this.order.set(word, i);
    });
    this.lengths = [...new Set(words.map((w) => w.length))].sort((a, b) => a - b);
  }

  /** The first word of the list that `text` ends with: words.find((w) => text.endsWith(w)). */
  endOf(text: string): string | undefined {
    return this.best((length) => (length <= text.length ? text.slice(text.length - length) : null));
  }

  /** The first word of the list that `text` starts with at `at`: words.find((w) => text.startsWith(w, at)). */
  startOf(text: string, at = 0): string | undefined {
    return this.best((length) => (at + length <= text.length ? text.slice(at, at + length) : null));
  }

  private best(part: (length: number) => string | null): string | undefined {
    let found: string | undefined;
    let rank = Infinity;
    for (const length of this.lengths) {
      const word = part(length);
      if (word === null) break;
      const at = this.order.get(word);
      if (at !== undefined && at < rank) {
        found = word;
        rank = at;
      }
    }
    return found;
  }
}
