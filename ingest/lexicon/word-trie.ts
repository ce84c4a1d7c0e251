/**
 * Words by UTF-16 code unit, for scans that ask at each position of a text which words start there: a walk of a
 * few nodes instead of a test of every word (a regular expression's alternation, or startsWith over a list).
 * Code units, not characters, as a pattern without the u flag and String.startsWith read a text.
 */
export class WordTrie {
  private readonly next = new Map<number, WordTrie>();
  private word = false;

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word);
  }

  add(word: string, at = 0): void {
    if (at === word.length) {
      this.word = true;
      return;
    }
    const code = word.charCodeAt(at);
    let child = this.next.get(code);
    if (!child) this.next.set(code, (child = new WordTrie()));
    child.add(word, at + 1);
  }

  /** Does some word start with this code unit? */
  opens(code: number): boolean {
    return this.next.has(code);
  }

  /** The lengths of the words written at text[start…], longest first: 石家庄市 (4) before 石家庄 (3). */
  lengthsAt(text: string, start: number): number[] {
    const lengths: number[] = [];
    for (let i = start, node = this.next.get(text.charCodeAt(i)); node; node = node.next.get(text.charCodeAt(++i)))
      if (node.word) lengths.unshift(i + 1 - start);
    return lengths;
  }
}
