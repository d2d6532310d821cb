import type Database from 'better-sqlite3-multiple-ciphers';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type { SqliteDatabase } from './database';

/**
 * The archive's one SQLite connection as Kysely sees it.
 *
 * Kysely's own SqliteDialect prepares every query anew (compiling SQL costs more than
 * running a point read) and guards the connection with an async mutex. Here statements
 * are kept by their SQL text in a bounded cache (queries come in few shapes), and there
 * is no mutex: better-sqlite3 runs each statement synchronously, and the archive host
 * already runs one call at a time, each in one transaction (ArchiveHost's queue). Where
 * the mutex would have made misuse wait forever, it fails at once here: a query on the
 * archive while a transaction is open is refused (acquireConnection), and so is a
 * transaction begun inside another.
 */
class ArchiveConnection implements DatabaseConnection {
  readonly #db: SqliteDatabase;
  readonly #max: number;
  readonly #statements = new Map<string, { statement: Database.Statement; reader: boolean }>();

  constructor(db: SqliteDatabase, max: number) {
    this.#db = db;
    this.#max = max;
  }

  /** The statement for this SQL, prepared on first use; the least recently used is dropped when full. */
  #prepare(source: string): { statement: Database.Statement; reader: boolean } {
    let entry = this.#statements.get(source);
    if (entry) {
      this.#statements.delete(source); // most recently used last
    } else {
      const statement = this.#db.prepare(source);
      entry = { statement, reader: statement.reader };
      if (this.#statements.size >= this.#max) this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(source, entry);
    return entry;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { statement, reader } = this.#prepare(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('only select queries can be streamed');
    // A statement of its own: a cached one stays busy while iterated, and a query run
    // inside the loop with the same text would be refused.
    const statement = this.#db.prepare(compiledQuery.sql);
    for (const row of statement.iterate(compiledQuery.parameters as unknown[])) yield { rows: [row as R] };
  }
}

class ArchiveDriver implements Driver {
  readonly #db: SqliteDatabase;
  readonly #connection: ArchiveConnection;

  constructor(db: SqliteDatabase, statementCacheSize: number) {
    this.#db = db;
    this.#connection = new ArchiveConnection(db, statementCacheSize);
  }

  async init(): Promise<void> {}

  /**
   * Only queries on the archive handle come here; a transaction's own queries use the
   * connection it holds. So a transaction being open means a query was run on the
   * archive instead of on the transaction: it would silently join (and commit or roll
   * back with) somebody else's transaction.
   */
  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#db.inTransaction) {
      throw new Error('a transaction is open on the archive: run this query on the transaction, not on the archive');
    }
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {}

  /** The archive closes the SQLite handle itself (it may still rekey or checkpoint it). */
  async destroy(): Promise<void> {}
}

export interface ArchiveDialectOptions {
  /** Prepared statements kept, least recently used dropped first. */
  statementCacheSize?: number;
}

export class ArchiveDialect implements Dialect {
  readonly #db: SqliteDatabase;
  readonly #statementCacheSize: number;

  constructor(db: SqliteDatabase, options: ArchiveDialectOptions = {}) {
    this.#db = db;
    this.#statementCacheSize = options.statementCacheSize ?? 500;
  }

  createDriver(): Driver {
    return new ArchiveDriver(this.#db, this.#statementCacheSize);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
