/**
 * Database access
 * ===============
 *
 * One neo4j-driver per process, wrapped with what every repository needs: parameterised reads in `executeRead`
 * (routed to followers on a cluster), writes in `executeWrite`, driver errors translated at the edge, and a
 * readiness loop that waits for Bolt in the background while the HTTP server already answers.
 */
import neo4j, {
  Neo4jError,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type RecordShape,
  type Session,
} from "neo4j-driver";
import { DEADLOCK_CODE, RolledBack, translateDbError } from "../errors.js";
import { cypher } from "./cypher.js";
import type { Logger } from "../log.js";

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string | null;
  database?: string | undefined;
}

export interface TxOptions {
  /** Transaction timeout in milliseconds (enforced by the server). */
  timeoutMs?: number;
}

export type DbStatus = { up: true; version: string } | { up: false; reason: string };

/** Creates the process's driver: short timeouts so a dead server is reported quickly, not after minutes. */
export function createDriver(options: DatabaseOptions): Driver {
  const auth = options.password === null ? undefined : neo4j.auth.basic(options.user, options.password);
  return neo4j.driver(options.uri, auth, {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    // Retries ride out a restart or a deadlock, but a user should not wait long for a database that is gone.
    maxTransactionRetryTime: 3_000,
    maxConnectionPoolSize: 50,
    userAgent: "parley/0.1",
  });
}

export class Database {
  private lastVersion = "unknown";
  /** Bumped after every committed write through this object, so caches of reads know when to refresh. */
  dataVersion = 0;

  /**
   * One bookmark manager for all sessions: on a cluster, a read that follows a write (in any request) waits until
   * its follower has that write (causal consistency); on a single server it costs nothing.
   */
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(
    readonly driver: Driver,
    readonly name: string | undefined,
    private readonly log: Logger,
  ) {}

  /**
   * Runs a read query and maps each record. The map names the record's shape (`(r: Neo4jRecord<Shape>) => …`), so
   * `r.get("field")` is typed by the query's RETURN columns, as `tx.run<Shape>(…)` is inside a transaction.
   */
  async read<T, R extends RecordShape = RecordShape>(
    query: string,
    params: Record<string, unknown>,
    map: (record: Neo4jRecord<R>) => T,
    options: TxOptions = {},
  ): Promise<T[]> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.bookmarks,
    });
    try {
      return await session.executeRead(
        async (tx) => (await tx.run<R>(query, params)).records.map(map),
        txConfig(options),
      );
    } catch (error) {
      throw translateDbError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs a unit of work in one read transaction (several queries, one consistent view). */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.bookmarks,
    });
    try {
      return await session.executeRead(work, txConfig(options));
    } catch (error) {
      throw translateDbError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs a unit of work in a write transaction that is always rolled back: the work may change the graph (to see
   * it as it stood on a past date, server/modules/history) and read the result, and nothing of it ever lands. No
   * data version is bumped and no cache learns of it. Timed out like a read, so a slow rewind cannot hold locks long.
   */
  async rolledBackTx<T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      // Throwing out of a managed transaction rolls it back; the answer leaves with the throw.
      await session.executeWrite(async (tx) => {
        throw new RolledBack(await work(tx));
      }, txConfig(options));
      throw new Error("rolledBackTx: the transaction was not rolled back");
    } catch (error) {
      if (error instanceof RolledBack) return error.result as T;
      throw translateDbError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs a unit of work in one write transaction: all of it lands, or none of it. The stored data version moves on
   * in the same transaction, so a backup can tell that it read across a change. Transient errors (deadlocks
   * included) are retried by the driver's managed transaction.
   */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write((session) =>
          session.executeWrite(async (tx) => {
            const result = await work(tx);
            await tx.run(cypher("queries/state/bump-version"));
            return result;
          }, txConfig(options)),
        );
      } catch (error) {
        // The driver retries transient errors only within 30 s of the first attempt: a long write (a staging chunk
        // of a big import) that meets a deadlock after that is run again here, since a deadlock rolled it back whole.
        if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
        this.log.warn("a write met a deadlock; running it again", { attempt });
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt + Math.random() * 250));
      }
    }
  }

  /**
   * Runs a `CALL { … } IN TRANSACTIONS` statement, which Neo4j only accepts in an auto-commit transaction: for
   * bulk changes that must not sit in one transaction. Each inner batch commits on its own.
   */
  async writeInBatches(query: string, params: Record<string, unknown>): Promise<void> {
    await this.write(async (session) => {
      // Inner batches cannot bump the data version themselves: the statement counts as a writer while it runs.
      await session.executeWrite((tx) => tx.run(cypher("queries/state/batch-started")));
      try {
        await session.run(query, params);
      } finally {
        // Not counted down when the database is gone: the server's next start clears the count.
        await session
          .executeWrite((tx) => tx.run(cypher("queries/state/batch-ended")))
          .catch((error: unknown) => this.log.warn("could not record the end of a batched write", { error }));
      }
    });
  }

  /** Every write: a write session, then the data version bumped and the search index caught up. */
  private async write<T>(run: (session: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      const result = await run(session);
      this.dataVersion++;
      await awaitSearchIndex(session);
      return result;
    } catch (error) {
      throw translateDbError(error);
    } finally {
      await session.close();
    }
  }

  /** Asks the server who it is, quickly; never throws. */
  async status(): Promise<DbStatus> {
    try {
      const info = await this.driver.getServerInfo({ database: this.name });
      this.lastVersion = info.agent?.replace(/^Neo4j\//, "") ?? this.lastVersion;
      return { up: true, version: this.lastVersion };
    } catch (error) {
      return { up: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Polls until Bolt answers (or the signal aborts), logging every 10 s so a slow first start is not silent. */
  async waitUntilReady(signal?: AbortSignal): Promise<boolean> {
    const started = Date.now();
    let lastReport = started;
    while (!signal?.aborted) {
      const status = await this.status();
      if (status.up) {
        this.log.info("database is up", { neo4j: status.version, waitedMs: Date.now() - started });
        return true;
      }
      if (Date.now() - lastReport >= 10_000) {
        lastReport = Date.now();
        this.log.info("waiting for the database", {
          waitedSeconds: Math.round((Date.now() - started) / 1000),
          reason: status.reason,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return false;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * The full-text index is eventually consistent (writes do not carry its Lucene updates in their transaction state,
 * which a million-node import could not hold); waiting for its refresh after each write keeps "search finds what
 * was just written" true for the writer and for everyone after it.
 */
async function awaitSearchIndex(session: Session): Promise<void> {
  await session.run(cypher("queries/db/await-search-index"));
}

/** How many times a write transaction is run when it keeps meeting deadlocks. */
const DEADLOCK_ATTEMPTS = 4;

/** Whether a (translated) error is Neo4j's deadlock detection. */
function isDeadlock(error: unknown): boolean {
  const code = (e: unknown) => (e instanceof Neo4jError ? e.code : "");
  return [code(error), code((error as { cause?: unknown } | null)?.cause)].includes(DEADLOCK_CODE);
}

function txConfig(options: TxOptions) {
  return options.timeoutMs === undefined ? undefined : { timeout: options.timeoutMs };
}
