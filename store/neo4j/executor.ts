import neo4j, {
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type Session,
} from 'neo4j-driver';
import { InnographError, StoreUnavailableError } from '../../domain/errors.ts';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /**
   * A first load of at least `minLetters` letters into a Neo4j the innograph launcher runs goes through
   * Neo4j's batch importer (bulk-import.ts); false: always by Cypher. Default: from 200 letters.
   */
  bulkImport?: false | { minLetters: number };
}

/**
 * How long innograph waits on Neo4j before saying it is unavailable. The
 * driver's own defaults (30 s to connect, 60 s for a pooled connection, 30 s
 * of retries) made a stopped Neo4j hang every request for half a minute.
 */
export const NEO4J_TIMEOUTS = {
  /** Establishing a connection. */
  connectMs: 3_000,
  /** Waiting for a connection of the pool (50 clients share it). */
  acquireMs: 10_000,
  /** Retrying a transaction that failed for a passing reason (a deadlock between writers, a leader switch). */
  retryMs: 3_000,
  /** The health probe, whatever the network does: /health must answer within 2 s. */
  probeMs: 1_500,
  /** After Neo4j was found out of reach, requests fail at once for this long, then one tries again. */
  outageMs: 1_000,
} as const;

/**
 * The only code that opens Neo4j sessions (style.md: one adapter runs every
 * statement): managed read and write transactions, the session closed in
 * `finally`, one bookmark manager so every read sees the writes before it
 * (causal consistency, on a cluster too), and driver errors mapped to
 * innograph's. While Neo4j is out of reach, requests fail at once with
 * STORE_UNAVAILABLE instead of each waiting for the driver to give up.
 */
export class Neo4jExecutor {
  readonly driver: Driver;
  private bookmarks: BookmarkManager = neo4j.bookmarkManager();
  private outage: { at: number; error: StoreUnavailableError } | null = null;

  constructor(readonly config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      connectionTimeout: NEO4J_TIMEOUTS.connectMs,
      connectionAcquisitionTimeout: NEO4J_TIMEOUTS.acquireMs,
      maxTransactionRetryTime: NEO4J_TIMEOUTS.retryMs,
    });
  }

  describe(): string {
    return `Neo4j at ${this.config.uri}${this.config.database ? ` (database ${this.config.database})` : ''}`;
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession((session) => session.executeRead(work));
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession((session) => session.executeWrite(work));
  }

  /** Statements run one after another as auto-commit transactions (CALL … IN TRANSACTIONS needs one). */
  async autoCommit(statements: string[], params: Record<string, unknown> = {}): Promise<void> {
    await this.inSession(async (session) => {
      for (const statement of statements) await session.run(statement, params);
    });
  }

  /**
   * Whether Neo4j answers now (`work` in a session, by default its server info), within
   * NEO4J_TIMEOUTS.probeMs whatever the network does: a server that stopped
   * answering leaves its connections open, and the driver retries for longer.
   */
  async probe<T>(work?: (session: Session) => Promise<T>): Promise<T | void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StoreUnavailableError(
              `${this.describe()} did not answer within ${NEO4J_TIMEOUTS.probeMs / 1000} s; is the server running and NEO4J_URI right?`,
            ),
          ),
        NEO4J_TIMEOUTS.probeMs,
      );
    });
    // An auto-commit statement: no retries, so a refused connection is an answer at once.
    const asked = work ? this.inSession(work) : this.driver.getServerInfo({ database: this.config.database });
    // Whatever comes of it after the deadline is already reported: not an unhandled rejection.
    asked.catch(() => undefined);
    try {
      const answer = await Promise.race([asked, late]);
      this.outage = null;
      return work ? (answer as T) : undefined;
    } catch (error) {
      const failure = this.failure(error);
      if (failure instanceof StoreUnavailableError) this.outage = { at: Date.now(), error: failure };
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * Forgets the transactions this client has seen: after its database was replaced by a new one (a bulk
   * import, a restore), whose transaction ids start again, they would make every read wait for a
   * transaction the new database never had.
   */
  forgetBookmarks(): void {
    this.bookmarks = neo4j.bookmarkManager();
  }

  private async inSession<T>(work: (session: Session) => Promise<T>, again = true): Promise<T> {
    // Out of reach a moment ago: say so at once; after outageMs, this request tries again.
    if (this.outage && Date.now() - this.outage.at < NEO4J_TIMEOUTS.outageMs) throw this.outage.error;
    const session = this.driver.session({ database: this.config.database, bookmarkManager: this.bookmarks });
    try {
      const result = await work(session);
      this.outage = null;
      return result;
    } catch (error) {
      // Ahead of the database: it was replaced by another client's bulk import (see forgetBookmarks).
      if (again && error instanceof Neo4jError && error.code === 'Neo.TransientError.Transaction.BookmarkTimeout') {
        this.forgetBookmarks();
        return this.inSession(work, false);
      }
      const failure = this.failure(error);
      if (failure instanceof StoreUnavailableError) this.outage = { at: Date.now(), error: failure };
      throw failure;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * Driver errors as domain errors. The server out of reach, refusing the
   * credentials or without the database: STORE_UNAVAILABLE, with what to
   * check. Neo4j refusing or failing a statement (a Cypher or procedure error,
   * a memory or time limit): STORE_QUERY_FAILED — the store is up, this query
   * failed. innograph's own errors pass as they are.
   */
  failure(error: unknown): Error {
    if (error instanceof InnographError) return error;
    if (!(error instanceof Neo4jError)) return error as Error;
    const code = error.code ?? '';
    const where = this.describe();
    if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.includes('DatabaseUnavailable')) {
      return new StoreUnavailableError(`${where} cannot be reached; is the server running and NEO4J_URI right?`, {
        cause: error,
      });
    }
    if (
      code.includes('Unauthorized') ||
      code.includes('AuthenticationRateLimit') ||
      code.includes('CredentialsExpired')
    ) {
      return new StoreUnavailableError(`${where} refused the credentials; check NEO4J_USER and NEO4J_PASSWORD`, {
        cause: error,
      });
    }
    if (code.includes('DatabaseNotFound'))
      return new StoreUnavailableError(`${where}: the database does not exist; check NEO4J_DATABASE or create it`, {
        cause: error,
      });
    return new InnographError(
      'STORE_QUERY_FAILED',
      `${where} could not answer this query (${code || 'error'}): ${error.message.split('\n')[0]}`,
      { cause: error },
    );
  }
}
