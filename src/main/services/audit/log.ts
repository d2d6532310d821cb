import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { checkAuditHead, type HeadState } from '../../archive/audit-head';
import type { AuditAction, AuditTarget } from '../../../shared/contract';
import type { SqliteDatabase } from '../../archive/database';
import type { DB } from '../../archive/schema';

// The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained.
// Each entry's hash covers its own fields and the hash of the entry before, so editing,
// removing or reordering an entry breaks the chain at that entry.

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  at: string;
  userId: string | null;
  username: string | null;
  action: AuditAction;
  outcome: 'ok' | 'denied' | 'failed';
  target?: AuditTarget | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
}

interface ChainFields {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  target: string | null;
  purpose: string | null;
  details: string;
  prev_hash: string;
}

export function entryHash(e: ChainFields): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.user_id,
    e.username,
    e.action,
    e.outcome,
    e.target,
    e.purpose,
    e.details,
    e.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Append one entry, in the caller's transaction. */
export async function appendAudit(db: Transaction<DB> | Kysely<DB>, event: AuditEvent): Promise<number> {
  // `limit 1` as a literal: a bound LIMIT makes SQLite (built with STAT4) prepare the
  // statement again at every run, which costs more than the read (docs/decisions/bench.md).
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(sql.lit(1)).executeTakeFirst();
  const fields: ChainFields = {
    seq: (last?.seq ?? 0) + 1,
    at: event.at,
    user_id: event.userId,
    username: event.username,
    action: event.action,
    outcome: event.outcome,
    target: event.target ?? null,
    purpose: event.purpose ?? null,
    details: JSON.stringify(event.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db
    .insertInto('audit_log')
    .values({ ...fields, hash: entryHash(fields) })
    .execute();
  return fields.seq;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBad: { seq: number; reason: 'hash' | 'link' | 'gap' } | null;
}

/**
 * Walk the whole chain in order, streaming rows (the log can be long), and name the
 * first entry that does not hold: its own hash, its link to the one before, or a
 * missing sequence number.
 */
export function verifyChain(sqlite: SqliteDatabase): ChainVerdict {
  const rows = sqlite
    .prepare(
      'SELECT seq, at, user_id, username, action, outcome, target, purpose, details, prev_hash, hash FROM audit_log ORDER BY seq',
    )
    .iterate() as IterableIterator<ChainFields & { hash: string }>;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { ok: false, checked, firstBad: { seq: row.seq, reason: 'gap' } };
    if (row.prev_hash !== prevHash) return { ok: false, checked, firstBad: { seq: row.seq, reason: 'link' } };
    if (entryHash(row) !== row.hash) return { ok: false, checked, firstBad: { seq: row.seq, reason: 'hash' } };
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBad: null };
}

export interface AuditVerdict {
  ok: boolean;
  checked: number;
  firstBad: { seq: number; reason: 'hash' | 'link' | 'gap' | 'cut' | 'headMissing' | 'headInvalid' } | null;
  /** The head kept outside the database: what it records and the last entry it lets us vouch for. */
  head: { state: HeadState; seq: number | null; vouched: number };
}

const HEAD_REASON = { cut: 'cut', missing: 'headMissing', invalid: 'headInvalid' } as const;

/**
 * The chain walked in order, and its end compared with the head file: a log cut short
 * (newest entries deleted), a missing or forged head is never "all good".
 */
export function verifyAudit(archive: { dir: string; archiveId: string; sqlite: SqliteDatabase }): AuditVerdict {
  const chain = verifyChain(archive.sqlite);
  const head = checkAuditHead(archive);
  const vouched = Math.min(chain.checked, head.vouched ?? chain.checked);
  const headOk = head.state === 'ok' || head.state === 'unanchored';
  const firstBad =
    chain.firstBad ?? (headOk ? null : { seq: vouched + 1, reason: HEAD_REASON[head.state as keyof typeof HEAD_REASON] });
  return { ok: chain.ok && headOk, checked: chain.checked, firstBad, head: { state: head.state, seq: head.seq, vouched } };
}
