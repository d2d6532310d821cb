import { createQueryId, type Compilable, type Kysely, type RootOperationNode } from 'kysely';

/** A named value that a compiled query takes at each execution. */
class Param {
  constructor(readonly name: string) {}
}

type ParamValue = string | number | bigint | null;

type Slot = { readonly param: string } | { readonly value: unknown };

interface Compiled {
  readonly sql: string;
  readonly query: RootOperationNode;
  readonly slots: readonly Slot[];
}

export interface CompiledOnce<DBT, P, O> {
  /** All rows for these parameter values, through `db` (the archive or a transaction). */
  execute(db: Kysely<DBT>, params: P): Promise<O[]>;
  /** The first row, or undefined. */
  executeTakeFirst(db: Kysely<DBT>, params: P): Promise<O | undefined>;
}

/**
 * A query written with Kysely's builder and compiled once: the hot paths (opening a
 * customer file, point reads by key) run the same few shapes thousands of times, and
 * building and compiling a query costs about as much as the read itself. Placeholders
 * come from `param(name)` and are bound at each execution; the query still runs through
 * Kysely's executor (the transaction's connection, its plugins, its result handling).
 *
 * A param stands for one scalar value (`=`, `<`, `like` …). A list is written as a list
 * of params (`in [param('a'), param('b')]`); a param inlined as a literal, or asked for
 * and left out of the query, is refused when the query is first compiled. A param bound
 * to null stays `= ?`, which matches nothing: write `is null` in the query instead.
 * The SQL is compiled by the first handle it runs on; the archive's handles carry no
 * plugins, so the archive and its transactions share it.
 *
 *   const byId = compiledOnce<DB, { id: string }>()((db, param) =>
 *     db.selectFrom('customers').selectAll().where('id', '=', param('id')));
 *   const row = await byId.executeTakeFirst(trx, { id });
 */
export function compiledOnce<DBT, P extends Record<string, ParamValue>>() {
  return <O>(build: (db: Kysely<DBT>, param: <K extends keyof P & string>(name: K) => P[K]) => Compilable<O>): CompiledOnce<DBT, P, O> => {
    let compiled: Compiled | undefined;

    const compile = (db: Kysely<DBT>): Compiled => {
      const asked = new Set<string>();
      const param = <K extends keyof P & string>(name: K): P[K] => {
        asked.add(name);
        return new Param(name) as unknown as P[K];
      };
      const { sql, query, parameters } = build(db, param).compile();
      const slots = parameters.map((value): Slot => (value instanceof Param ? { param: value.name } : { value }));
      const bound = new Set(slots.flatMap((s) => ('param' in s ? [s.param] : [])));
      const lost = [...asked].filter((name) => !bound.has(name));
      if (lost.length > 0) throw new Error(`compiledOnce: parameter(s) ${lost.join(', ')} did not compile to a placeholder`);
      return { sql, query, slots };
    };

    const execute = async (db: Kysely<DBT>, params: P): Promise<O[]> => {
      compiled ??= compile(db);
      const parameters = compiled.slots.map((s) => ('param' in s ? params[s.param] : s.value));
      const result = await db.executeQuery<O>({ sql: compiled.sql, query: compiled.query, parameters, queryId: createQueryId() });
      return result.rows;
    };

    return {
      execute,
      executeTakeFirst: async (db, params) => (await execute(db, params))[0],
    };
  };
}
