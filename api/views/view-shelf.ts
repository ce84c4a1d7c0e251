import { readFile } from 'node:fs/promises';
import { BadRequestError, InnographError } from '../../domain/errors.ts';
import { writeDurably } from '../../store/memory/segments.ts';

/**
 * Named views of the explorer, saved with the store: the API's one write
 * path, and a narrow one. A view is a name and the page's URL state (the
 * query string the explorer keeps in step with what it shows); it never
 * touches the graph. Both are checked before anything is written — a name of
 * 1–60 printable characters, a state of at most 4 KB made of `key=value`
 * pairs with short lower-case keys — and the shelf holds at most 200 views.
 * Kept in `<store>.views.json` beside the embedded store (written whole to a
 * temporary file and renamed, one write at a time); with Neo4j, or a store
 * in memory, they last as long as the server.
 */
export interface SavedView {
  name: string;
  /** The explorer's URL query string, without the leading ?. */
  state: string;
  /** When it was saved (ISO 8601). */
  saved: string;
}

export const VIEW_LIMITS = { nameLength: 60, stateBytes: 4096, views: 200, keyPattern: /^[a-z]{1,12}$/ } as const;

/** A view that cannot be saved: the message says which part and why. */
export class ViewRejectedError extends BadRequestError {
  override name = 'ViewRejectedError';
}

export class ViewShelf {
  private views: SavedView[] | null = null;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string | null) {}

  async list(): Promise<SavedView[]> {
    return [...(await this.load())].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async save(name: string, state: string, now = new Date()): Promise<SavedView> {
    const view = { name: checkName(name), state: checkState(state), saved: now.toISOString() };
    return this.change((views) => {
      const others = views.filter((v) => v.name !== view.name);
      if (others.length >= VIEW_LIMITS.views)
        throw new ViewRejectedError(`the shelf holds ${VIEW_LIMITS.views} views already; delete one first`);
      return { views: [...others, view], result: view };
    });
  }

  async remove(name: string): Promise<boolean> {
    return this.change((views) => {
      const kept = views.filter((v) => v.name !== name);
      return { views: kept, result: kept.length !== views.length };
    });
  }

  private async change<T>(apply: (views: SavedView[]) => { views: SavedView[]; result: T }): Promise<T> {
    // One change at a time: two saves at once must not each write the list without the other's view.
    const next = this.writing.then(async () => {
      const { views, result } = apply(await this.load());
      if (this.file) await writeDurably(this.file, [Buffer.from(`${JSON.stringify({ views }, null, 1)}\n`)]);
      this.views = views;
      return result;
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<SavedView[]> {
    if (this.views) return this.views;
    if (!this.file) return (this.views = []);
    const text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw new InnographError('VIEWS_UNREADABLE', `cannot read the saved views ${this.file}: ${error.message}`);
    });
    if (text === null) return (this.views = []);
    try {
      const parsed = JSON.parse(text) as { views?: SavedView[] };
      this.views = (parsed.views ?? []).filter(
        (v) => typeof v?.name === 'string' && typeof v.state === 'string' && typeof v.saved === 'string',
      );
      return this.views;
    } catch {
      throw new InnographError(
        'VIEWS_UNREADABLE',
        `the saved views ${this.file} are not valid JSON; fix or delete the file (the graph is not affected)`,
      );
    }
  }
}

// Control characters (C0, DEL, C1) and the line and paragraph separators: a name is one printed line.
const UNPRINTABLE = /[\p{Cc}\u2028\u2029]/u;

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new ViewRejectedError('a view needs a name');
  if ([...trimmed].length > VIEW_LIMITS.nameLength)
    throw new ViewRejectedError(`a view's name has at most ${VIEW_LIMITS.nameLength} characters`);
  if (UNPRINTABLE.test(trimmed)) throw new ViewRejectedError("a view's name cannot hold control characters");
  return trimmed;
}

/** The state is the explorer's query string: key=value pairs, short lower-case keys, 4 KB at most. */
export function checkState(state: string): string {
  const text = state.replace(/^\?/, '');
  if (Buffer.byteLength(text, 'utf8') > VIEW_LIMITS.stateBytes)
    throw new ViewRejectedError(`a view's state has at most ${VIEW_LIMITS.stateBytes} bytes`);
  if (UNPRINTABLE.test(text)) throw new ViewRejectedError("a view's state cannot hold control characters");
  const params = new URLSearchParams(text);
  for (const key of params.keys())
    if (!VIEW_LIMITS.keyPattern.test(key))
      throw new ViewRejectedError(`a view's state holds an unknown key "${key.slice(0, 20)}"`);
  return params.toString();
}
