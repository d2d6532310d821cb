// The archive's Kysely dialect and compiled-once queries, driven as service code uses them.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compiledOnce } from '../../src/main/archive/compiled';
import { applyWorkingPragmas, openEncrypted, type SqliteDatabase } from '../../src/main/archive/database';
import { ArchiveDialect } from '../../src/main/archive/dialect';
import { tempDir } from './helpers';

interface Schema {
  item: { id: string; owner: string; amount: number; status: string };
}

let cleanup: () => void;
let sqlite: SqliteDatabase;
let db: Kysely<Schema>;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  sqlite = openEncrypted(join(t.dir, 'a.db'), randomBytes(32), { create: true });
  applyWorkingPragmas(sqlite);
  sqlite.exec(`CREATE TABLE item (id TEXT PRIMARY KEY, owner TEXT NOT NULL, amount INTEGER NOT NULL, status TEXT NOT NULL)`);
  db = new Kysely<Schema>({ dialect: new ArchiveDialect(sqlite) });
  await db
    .insertInto('item')
    .values([
      { id: 'a', owner: '张三', amount: 100, status: 'open' },
      { id: 'b', owner: '张三', amount: 250, status: 'closed' },
      { id: 'c', owner: '李四', amount: 300, status: 'open' },
      { id: 'd', owner: '李四', amount: 50, status: 'open' },
    ])
    .execute();
});

afterEach(() => {
  sqlite.close();
  cleanup();
});

const openOfOwner = compiledOnce<Schema, { owner: string; min: number }>()((db, param) =>
  db
    .selectFrom('item')
    .select(['id', 'amount'])
    .where('owner', '=', param('owner'))
    .where('status', '=', 'open') // a constant stays in the query
    .where('amount', '>=', param('min'))
    .orderBy('id'),
);

describe('compiledOnce', () => {
  it('binds new values at each execution and keeps the constants of the query', async () => {
    expect(await openOfOwner.execute(db, { owner: '张三', min: 0 })).toEqual([{ id: 'a', amount: 100 }]);
    expect(await openOfOwner.execute(db, { owner: '李四', min: 0 })).toEqual([
      { id: 'c', amount: 300 },
      { id: 'd', amount: 50 },
    ]);
    expect(await openOfOwner.execute(db, { owner: '李四', min: 100 })).toEqual([{ id: 'c', amount: 300 }]);
    expect(await openOfOwner.executeTakeFirst(db, { owner: '王五', min: 0 })).toBeUndefined();
  });

  it('uses one parameter in several places', async () => {
    const either = compiledOnce<Schema, { name: string }>()((db, param) =>
      db.selectFrom('item').select('id').where((eb) => eb.or([eb('owner', '=', param('name')), eb('id', '=', param('name'))])).orderBy('id'),
    );
    expect(await either.execute(db, { name: 'b' })).toEqual([{ id: 'b' }]);
    expect(await either.execute(db, { name: '李四' })).toEqual([{ id: 'c' }, { id: 'd' }]);
  });

  it("runs inside the caller's transaction: a rollback takes its writes back", async () => {
    const raise = compiledOnce<Schema, { id: string; by: number }>()((db, param) =>
      db.updateTable('item').set({ amount: sql`amount + ${param('by')}` }).where('id', '=', param('id')),
    );
    const amountOf = compiledOnce<Schema, { id: string }>()((db, param) => db.selectFrom('item').select('amount').where('id', '=', param('id')));
    await expect(
      db.transaction().execute(async (trx) => {
        await raise.execute(trx, { id: 'a', by: 5 });
        expect((await amountOf.executeTakeFirst(trx, { id: 'a' }))?.amount).toBe(105);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await amountOf.executeTakeFirst(db, { id: 'a' }))?.amount).toBe(100);
    await db.transaction().execute((trx) => raise.execute(trx, { id: 'a', by: 5 }));
    expect((await amountOf.executeTakeFirst(db, { id: 'a' }))?.amount).toBe(105);
  });

  it('refuses a parameter that would not be bound as one value', async () => {
    const asList = compiledOnce<Schema, { ids: string }>()((db, param) => db.selectFrom('item').select('id').where('id', 'in', [param('ids')]));
    // a list of params is fine: each is its own placeholder
    expect(await asList.execute(db, { ids: 'c' })).toEqual([{ id: 'c' }]);
    const inlined = compiledOnce<Schema, { id: string }>()((db, param) =>
      db.selectFrom('item').select('id').where('id', '=', sql.lit(param('id'))),
    );
    await expect(inlined.execute(db, { id: 'a' })).rejects.toThrow(/invalid immediate value/);
    // a param asked for but left out of the query would silently match everything
    const dropped = compiledOnce<Schema, { id: string }>()((db, param) => {
      const id = param('id');
      return db.selectFrom('item').select('id').$if(id === 'never', (qb) => qb.where('id', '=', id));
    });
    await expect(dropped.execute(db, { id: 'a' })).rejects.toThrow(/id did not compile to a placeholder/);
  });
});

describe('ArchiveDialect', () => {
  it('prepares a query shape once, however often it runs', async () => {
    const prepare = vi.spyOn(sqlite, 'prepare');
    for (const id of ['a', 'b', 'c', 'd', 'a', 'b']) {
      await db.selectFrom('item').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    }
    expect(prepare).toHaveBeenCalledTimes(1);
    prepare.mockRestore();
  });

  it('keeps the shapes in use when many others pass through a small cache', async () => {
    const small = new Kysely<Schema>({ dialect: new ArchiveDialect(sqlite, { statementCacheSize: 3 }) });
    const prepare = vi.spyOn(sqlite, 'prepare');
    const hot = () => small.selectFrom('item').select('id').where('id', '=', 'a').execute();
    await hot();
    for (let n = 1; n <= 10; n++) {
      await small.selectFrom('item').select('id').where('id', 'in', Array.from({ length: n }, (_, i) => `x${i}`)).execute();
      await hot(); // used between the others: stays cached
    }
    expect(prepare).toHaveBeenCalledTimes(11); // the hot shape once, each list shape once
    await small.selectFrom('item').select('id').where('id', 'in', ['x0']).execute(); // long since dropped
    expect(prepare).toHaveBeenCalledTimes(12);
    prepare.mockRestore();
  });

  it('reports changed rows and streams a select', async () => {
    const r = await db.updateTable('item').set({ status: 'closed' }).where('owner', '=', '李四').executeTakeFirst();
    expect(r.numUpdatedRows).toBe(2n);
    const seen: string[] = [];
    for await (const row of db.selectFrom('item').select('id').orderBy('id').stream()) seen.push(row.id);
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    // the same query may run while a stream of it is open
    const outer: string[] = [];
    for await (const row of db.selectFrom('item').select('id').orderBy('id').stream()) {
      const inner = await db.selectFrom('item').select('id').orderBy('id').execute();
      outer.push(`${row.id}${inner.length}`);
    }
    expect(outer).toEqual(['a4', 'b4', 'c4', 'd4']);
  });

  it('refuses a query on the archive while a transaction is open, and leaves the transaction alone', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('item').set({ amount: 0 }).where('id', '=', 'a').execute();
        await db.deleteFrom('item').execute(); // should have been trx
      }),
    ).rejects.toThrow(/run this query on the transaction/);
    expect(await db.selectFrom('item').select(['id', 'amount']).orderBy('id').execute()).toEqual([
      { id: 'a', amount: 100 },
      { id: 'b', amount: 250 },
      { id: 'c', amount: 300 },
      { id: 'd', amount: 50 },
    ]);
  });

  it('refuses a transaction begun inside another instead of waiting forever', async () => {
    await expect(
      db.transaction().execute(async () => {
        await db.transaction().execute(async () => undefined);
      }),
    ).rejects.toThrow(/a transaction is open on the archive/);
    // the outer transaction was rolled back and the connection is usable
    expect(await db.selectFrom('item').select('id').where('id', '=', 'a').executeTakeFirst()).toEqual({ id: 'a' });
  });
});
