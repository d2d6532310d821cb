// Storage: what encryption and Kysely cost on the archive's hottest paths, bulk insert
// (an import) and point reads by primary key (opening customers one by one).
//
// Every database is a real file in the run's temp folder, opened exactly as the product
// opens the archive (openEncrypted + applyWorkingPragmas); the plaintext baseline is
// plain better-sqlite3 with the same working pragmas.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { compiledOnce } from '../../src/main/archive/compiled';
import { applyWorkingPragmas, openEncrypted, type SqliteDatabase } from '../../src/main/archive/database';
import { ArchiveDialect } from '../../src/main/archive/dialect';
import { interleaved, median, rowsPerSecond, timeMs } from '../lib/measure';
import { averageRowBytes, makeRows, shuffled, type CustomerRow } from '../lib/rows';
import type { BenchContext, BenchGroup, Comparison, Figure, GroupResult } from '../lib/types';

interface BenchSchema {
  customer: CustomerRow;
}

const CREATE = `CREATE TABLE customer (
  id               TEXT PRIMARY KEY NOT NULL,
  name             TEXT NOT NULL,
  credit_code      TEXT NOT NULL,
  credit_limit_fen INTEGER NOT NULL,
  score            INTEGER NOT NULL,
  status           INTEGER NOT NULL,
  version          INTEGER NOT NULL,
  created_at       TEXT NOT NULL,
  profile_json     TEXT NOT NULL
)`;
const INSERT = `INSERT INTO customer (id, name, credit_code, credit_limit_fen, score, status, version, created_at, profile_json)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const SELECT = 'SELECT * FROM customer WHERE id = ?';

type Kind = 'plain' | 'encrypted';

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

function openDatabase(kind: Kind, file: string, key: Buffer, create: boolean): SqliteDatabase {
  const db = kind === 'encrypted' ? openEncrypted(file, key, { create }) : new Database(file, { fileMustExist: !create });
  applyWorkingPragmas(db);
  return db;
}

// The product's Kysely setup (src/main/archive/archive.ts kyselyOver): ArchiveDialect over the handle.
const kyselyOver = (db: SqliteDatabase) => new Kysely<BenchSchema>({ dialect: new ArchiveDialect(db) });

function insertRaw(db: SqliteDatabase, rows: CustomerRow[]): void {
  const stmt = db.prepare(INSERT);
  db.transaction(() => {
    for (const r of rows) {
      stmt.run(r.id, r.name, r.credit_code, r.credit_limit_fen, r.score, r.status, r.version, r.created_at, r.profile_json);
    }
  })();
}

async function insertKysely(db: SqliteDatabase, rows: CustomerRow[]): Promise<void> {
  await kyselyOver(db)
    .transaction()
    .execute(async (trx) => {
      for (const r of rows) await trx.insertInto('customer').values(r).execute();
    });
}

/** Reads every id once; returns a checksum and throws if a row is missing. */
function readRaw(db: SqliteDatabase, ids: string[]): number {
  const stmt = db.prepare(SELECT);
  let sum = 0;
  for (const id of ids) {
    const row = stmt.get(id) as CustomerRow | undefined;
    if (!row) throw new Error(`row ${id} not found`);
    sum += row.score;
  }
  return sum;
}

/** A query built with the builder per read, compiled and awaited: Kysely's everyday use. */
async function readKyselyBuilt(db: Kysely<BenchSchema>, ids: string[]): Promise<number> {
  let sum = 0;
  for (const id of ids) {
    const row = await db.selectFrom('customer').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Error(`row ${id} not found`);
    sum += row.score;
  }
  return sum;
}

// As the product's hot paths read (opening a customer file, src/main/services/customers/file.ts):
// the query is written with the builder and compiled once, and each read binds its id and
// runs through Kysely's executor.
const byId = compiledOnce<BenchSchema, { id: string }>()((db, param) =>
  db.selectFrom('customer').selectAll().where('id', '=', param('id')),
);

async function readKyselyCompiled(db: Kysely<BenchSchema>, ids: string[]): Promise<number> {
  let sum = 0;
  for (const id of ids) {
    const row = await byId.executeTakeFirst(db, { id });
    if (!row) throw new Error(`row ${id} not found`);
    sum += row.score;
  }
  return sum;
}

const fmtMB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

async function run(ctx: BenchContext): Promise<GroupResult> {
  const { dir, rows: n, repeat, log } = ctx;
  const key = randomBytes(32);
  const rows = makeRows(n);
  const warm = rows.slice(0, Math.min(n, 10_000));
  const file = (name: string) => join(dir, `${name}.db`);
  // Kysely is 3–6 times slower than raw: fewer rounds keep the run near 2 minutes.
  const kyselyRounds = Math.min(repeat, 3);

  // ---- Inserts: a fresh file per run, one transaction of n rows, commit included.
  log(`storage: warm-up inserts (${warm.length} rows per variant)`);
  for (const kind of ['plain', 'encrypted'] as const) {
    const db = openDatabase(kind, file(`warm-${kind}`), key, true);
    db.exec(CREATE);
    insertRaw(db, warm);
    db.close();
  }
  {
    const db = openDatabase('encrypted', file('warm-kysely'), key, true);
    db.exec(CREATE);
    await insertKysely(db, warm);
    db.close();
  }
  for (const name of ['warm-plain', 'warm-encrypted', 'warm-kysely']) removeDatabase(file(name));

  const insertVariant =
    (kind: Kind, via: 'raw' | 'kysely') =>
    async (): Promise<number> => {
      const name = `insert-${kind}-${via}`;
      removeDatabase(file(name)); // the previous round's; the last one stays for reads
      const db = openDatabase(kind, file(name), key, true);
      db.exec(CREATE);
      const ms = await timeMs(() => (via === 'raw' ? insertRaw(db, rows) : insertKysely(db, rows)));
      db.close();
      return ms;
    };
  log(`storage: inserts, ${n} rows in one transaction, ${repeat} rounds`);
  const ins = await interleaved(
    repeat,
    {
      plain: insertVariant('plain', 'raw'),
      encrypted: insertVariant('encrypted', 'raw'),
      kysely: insertVariant('encrypted', 'kysely'),
    },
    { rounds: { kysely: kyselyRounds }, onRun: (k, r, ms) => log(`  insert ${k.padEnd(9)} round ${r + 1}: ${ms.toFixed(0)} ms`) },
  );
  removeDatabase(file('insert-encrypted-kysely'));

  // ---- Point reads: the files just written, reopened (a clean WAL), random order.
  const plainFile = file('insert-plain-raw');
  const encFile = file('insert-encrypted-raw');
  const sizes = { plain: statSync(plainFile).size, encrypted: statSync(encFile).size };
  const plain = openDatabase('plain', plainFile, key, false);
  const enc = openDatabase('encrypted', encFile, key, false);
  const kdb = kyselyOver(enc); // the same better-sqlite3 handle as the raw reads
  const order = shuffled(rows.map((r) => r.id));
  const config = {
    cipher: String(enc.pragma('cipher', { simple: true })),
    legacy: String(enc.pragma('legacy', { simple: true })),
    pageSize: Number(enc.pragma('page_size', { simple: true })),
    cacheSize: Number(enc.pragma('cache_size', { simple: true })),
    journal: String(enc.pragma('journal_mode', { simple: true })),
    synchronous: Number(enc.pragma('synchronous', { simple: true })),
    mmap: Number(enc.pragma('mmap_size', { simple: true })),
    sqlite: String((enc.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v),
  };
  try {
    // Warm-up: a full raw pass per file (the page cache reaches its steady state; Kysely
    // reads through the same handle, so the same cache), then JIT warm-up for Kysely.
    log(`storage: warm-up reads (a full pass per file, ${warm.length} Kysely reads)`);
    const sample = order.slice(0, warm.length);
    const expected = readRaw(enc, sample);
    if (
      readRaw(plain, order) !== readRaw(enc, order) ||
      expected !== (await readKyselyCompiled(kdb, sample)) ||
      expected !== (await readKyselyBuilt(kdb, sample))
    ) {
      throw new Error('the variants read different data');
    }
    log(`storage: point reads, ${n} random ids, ${repeat} rounds`);
    const rd = await interleaved(
      repeat,
      {
        plain: () => timeMs(() => readRaw(plain, order)),
        encrypted: () => timeMs(() => readRaw(enc, order)),
        kysely_compiled: () => timeMs(() => readKyselyCompiled(kdb, order)),
        kysely: () => timeMs(() => readKyselyBuilt(kdb, order)),
      },
      { rounds: { kysely: kyselyRounds }, onRun: (k, r, ms) => log(`  read   ${k.padEnd(15)} round ${r + 1}: ${ms.toFixed(0)} ms`) },
    );

    const figures: Figure[] = [{ name: 'storage.row.bytes', value: Math.round(averageRowBytes(rows)), unit: 'B' }];
    const comparisons: Comparison[] = [];
    const rate = (op: string, k: string, times: number[]): void => {
      const runs = rowsPerSecond(n, times);
      figures.push({ name: `storage.${op}.${k}.rows_per_s`, value: Math.round(median(runs)), unit: 'rows/s', runs });
    };
    // time ratio = median time of the candidate / median time of the baseline
    const compare = (op: string, name: string, [candidate, c]: [string, number[]], [baseline, b]: [string, number[]], baselineLabel: string, max?: number): void => {
      const ratio = `storage.${op}.${name}.ratio`;
      figures.push({ name: ratio, value: Number((median(c) / median(b)).toFixed(3)), unit: 'x' });
      comparisons.push({
        ratio,
        candidate: `storage.${op}.${candidate}.rows_per_s`,
        baseline: `storage.${op}.${baseline}.rows_per_s`,
        baselineLabel,
        ...(max === undefined ? {} : { max }),
      });
    };
    for (const [op, ms] of [
      ['insert', ins],
      ['read', rd],
    ] as const) {
      rate(op, 'plain', ms.plain);
      rate(op, 'encrypted', ms.encrypted);
      rate(op, 'kysely', ms.kysely);
      compare(op, 'encrypted_vs_plain', ['encrypted', ms.encrypted], ['plain', ms.plain], 'plain, raw', 1.3);
      compare(op, 'kysely_vs_raw', ['kysely', ms.kysely], ['encrypted', ms.encrypted], 'encrypted, raw');
    }
    // The product's hot-path read (compiled once, bound per read) carries the target; the
    // built-per-read figure above shows what building every query costs.
    rate('read', 'kysely_compiled', rd.kysely_compiled);
    compare('read', 'kysely_compiled_vs_raw', ['kysely_compiled', rd.kysely_compiled], ['encrypted', rd.encrypted], 'encrypted, raw', 1.5);
    return {
      figures,
      comparisons,
      notes: [
        `SQLite ${config.sqlite}; cipher ${config.cipher} legacy=${config.legacy}, raw 32-byte key; page_size ${config.pageSize}, ` +
          `cache_size ${config.cacheSize} (${config.cacheSize < 0 ? `${-config.cacheSize} KiB` : `${config.cacheSize} pages`}), ` +
          `journal_mode ${config.journal}, synchronous ${config.synchronous === 2 ? 'FULL' : config.synchronous}, mmap_size ${config.mmap}, ` +
          `foreign_keys and secure_delete ON (applyWorkingPragmas).`,
        `Table: TEXT primary key (UUIDv7-like, ascending) + 8 columns, ~${figures[0]!.value} B of payload per row; ` +
          `database after ${n} rows: plain ${fmtMB(sizes.plain)}, encrypted ${fmtMB(sizes.encrypted)}.`,
        `Inserts: fresh file per run, one transaction (commit and its fsync included). Kysely: insertInto().values(row) per row ` +
          `inside db.transaction(). Reads: the files reopened, ids in one seeded random order, after a warm-up; raw = one ` +
          `prepared statement reused. Kysely runs over the product's ArchiveDialect (statements cached by SQL text, no mutex): ` +
          `"kysely_compiled" = the query written with the builder and compiled once (compiledOnce), each read binding its id ` +
          `and awaiting Kysely's executor, as the product opens a customer file; "kysely" = ` +
          `selectFrom().selectAll().where().executeTakeFirst() built, compiled and awaited per read.`,
        `Median of ${repeat} interleaved runs (Kysely built per row or read: ${kyselyRounds}, spread over the same rounds); ` +
          `ratio = median time of the candidate / median time of the baseline (lower is better).`,
      ],
    };
  } finally {
    plain.close();
    enc.close();
  }
}

export const storage: BenchGroup = {
  name: 'storage',
  title: 'Storage: encrypted vs plaintext SQLite, Kysely vs raw prepared statements',
  run,
};
