import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SqliteDatabase } from './database';
import { writeFileAtomic } from './files';

// The audit chain's head, kept outside the database (audit-head.json beside the key slots).
//
// Inside the file alone, deleting the newest entries leaves a chain that verifies. So after
// every commit that added entries, the sequence number and hash of the newest one are also
// written here, with an HMAC under a key kept in the encrypted database (meta), so that
// someone with the files but not the key can delete or replace this file, never forge it.
// Someone holding the database key can forge it as well: see docs/threat-model.md.
//
// The head only moves forward along the chain: if the entry it names is gone or changed,
// the file is left as it is (the evidence), and the first chain end seen after the cut is
// recorded in it, so that `verify` names the last entry it can vouch for.

export const AUDIT_HEAD_FILE = 'audit-head.json';
const META_KEY = 'audit_head_key';

const point = z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string() });
const headSchema = z.strictObject({
  format: z.literal('credit-archive-audit-head'),
  version: z.literal(1),
  archiveId: z.string(),
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  /** Set once a commit found the chain no longer holding the head: the chain end it found then. */
  cutAt: point.nullable(),
  mac: z.string(),
});
type HeadFile = z.infer<typeof headSchema>;
type Point = z.infer<typeof point>;

export type HeadState = 'ok' | 'unanchored' | 'missing' | 'invalid' | 'cut';

export interface HeadVerdict {
  state: HeadState;
  /** The sequence number the head file records (null if there is none to trust). */
  seq: number | null;
  /** The last entry the head lets us vouch for (null: nothing beyond what the chain says). */
  vouched: number | null;
}

interface HeadArchive {
  readonly dir: string;
  readonly archiveId: string;
  readonly sqlite: SqliteDatabase;
}

function macOf(key: Buffer, h: Omit<HeadFile, 'mac'>): string {
  const body = JSON.stringify([h.format, h.version, h.archiveId, h.seq, h.hash, h.cutAt?.seq ?? null, h.cutAt?.hash ?? null]);
  return createHmac('sha256', key).update(body).digest('hex');
}

function headKey(sqlite: SqliteDatabase): Buffer | null {
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  return row && /^[0-9a-f]{64}$/.test(row.value) ? Buffer.from(row.value, 'hex') : null;
}

/** The newest entry of the chain, or null for an empty log. */
export function chainEnd(sqlite: SqliteDatabase): Point | null {
  return (sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Point | undefined) ?? null;
}

function hashAt(sqlite: SqliteDatabase, seq: number): string | null {
  return (sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string | undefined) ?? null;
}

type ReadHead = { state: 'missing' } | { state: 'invalid' } | { state: 'ok'; head: HeadFile };

function readHead(a: HeadArchive, key: Buffer): ReadHead {
  let raw: string;
  try {
    raw = readFileSync(join(a.dir, AUDIT_HEAD_FILE), 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { state: 'missing' } : { state: 'invalid' };
  }
  let parsed: HeadFile;
  try {
    parsed = headSchema.parse(JSON.parse(raw));
  } catch {
    return { state: 'invalid' };
  }
  const want = Buffer.from(macOf(key, parsed));
  const got = Buffer.from(parsed.mac);
  if (parsed.archiveId !== a.archiveId || want.length !== got.length || !timingSafeEqual(want, got)) return { state: 'invalid' };
  return { state: 'ok', head: parsed };
}

function writeHead(a: HeadArchive, key: Buffer, at: Point, cutAt: Point | null): void {
  const body = { format: 'credit-archive-audit-head' as const, version: 1 as const, archiveId: a.archiveId, seq: at.seq, hash: at.hash, cutAt };
  writeFileAtomic(join(a.dir, AUDIT_HEAD_FILE), JSON.stringify({ ...body, mac: macOf(key, body) }, null, 2));
}

/** Does the chain still hold the entry the head names? */
function holds(sqlite: SqliteDatabase, p: Point): boolean {
  return hashAt(sqlite, p.seq) === p.hash;
}

/**
 * After a commit: move the head to the chain's newest entry. `before` is the chain end as
 * the call found it, before its own entries. The first time (a new archive, or one made
 * before heads were kept) the key is made and the head written.
 */
export function anchorAuditHead(a: HeadArchive, before: Point | null): void {
  const end = chainEnd(a.sqlite);
  if (!end) return;
  const key = headKey(a.sqlite);
  if (!key) {
    const fresh = randomBytes(32);
    // The head first, then the key: a crash between leaves a head no key checks, replaced next time.
    writeHead(a, fresh, end, null);
    a.sqlite.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(META_KEY, fresh.toString('hex'));
    return;
  }
  const read = readHead(a, key);
  if (read.state !== 'ok') return; // missing or forged: left for verify to report
  const { head } = read;
  if (head.cutAt) return; // already cut: the record stays as it is
  if (head.seq === end.seq && head.hash === end.hash) return;
  if (holds(a.sqlite, head)) {
    writeHead(a, key, end, null);
    return;
  }
  // The entry the head names is gone or changed: keep the head, note where the chain stood.
  const cut: Point = !before ? { seq: 0, hash: '' } : before.seq < head.seq ? before : { seq: head.seq - 1, hash: '' };
  writeHead(a, key, head, cut);
}

/** Compare the head file with the chain: how far the log can be vouched for from outside. */
export function checkAuditHead(a: HeadArchive): HeadVerdict {
  const key = headKey(a.sqlite);
  const end = chainEnd(a.sqlite);
  if (!key) {
    // Never anchored (an empty log, or an archive from before heads were kept, not written since).
    let present = true;
    try {
      readFileSync(join(a.dir, AUDIT_HEAD_FILE));
    } catch {
      present = false;
    }
    return { state: present ? 'invalid' : 'unanchored', seq: null, vouched: null };
  }
  const read = readHead(a, key);
  if (read.state !== 'ok') return { state: read.state, seq: null, vouched: null };
  const { head } = read;
  if (head.cutAt) return { state: 'cut', seq: head.seq, vouched: head.cutAt.seq };
  if (end && end.seq >= head.seq && holds(a.sqlite, head)) return { state: 'ok', seq: head.seq, vouched: end.seq };
  return { state: 'cut', seq: head.seq, vouched: Math.min(end?.seq ?? 0, head.seq - 1) };
}
