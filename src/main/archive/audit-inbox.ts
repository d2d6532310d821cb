import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { appendFileSync, closeSync, fsyncSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './files';
import type { SqliteDatabase } from './database';

// Failed password tries happen while the archive may be closed (no key): they wait in memory
// for the next open. So that closing the app does not lose them, at close each is sealed to
// the archive's "inbox" public key (X25519 + HKDF + AES-256-GCM) and appended to
// audit-pending.jsonl; the private key is in the encrypted database (meta), so the records
// are unreadable on disk and are written to the audit log at the next open. (A crash, not
// a close, still loses them.) Anyone can seal to a public key: records found there are
// checked for shape and marked `recordedWhileClosed`, and could be made up by someone
// with the files.
//
// The public key file is not authenticated while the archive is closed: someone with the
// files can swap it and read records sealed afterwards (tried user names and times). At the
// next open those records fail to open and are counted in the log as unreadable.

export const AUDIT_PENDING_FILE = 'audit-pending.jsonl';
export const AUDIT_INBOX_FILE = 'audit-inbox.pub';
const META_KEY = 'audit_inbox_private_key';
/** At most this many records wait on disk; a flood beyond them is counted, not itemised. */
export const MAX_PENDING_RECORDS = 1000;

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');
const INFO = 'credit-archive audit inbox';

function boxKey(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  return Buffer.from(hkdfSync('sha256', diffieHellman({ privateKey, publicKey }), Buffer.alloc(0), INFO, 32));
}

/** Make sure the archive has an inbox key pair and its public key is in the folder. */
export function ensureInbox(dir: string, sqlite: SqliteDatabase): void {
  let row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META_KEY) as string | undefined;
  if (!row) {
    const pair = generateKeyPairSync('x25519');
    row = b64(pair.privateKey.export({ type: 'pkcs8', format: 'der' }));
    sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(META_KEY, row);
  }
  const publicDer = b64(createPublicKey(createPrivateKey({ key: unb64(row), format: 'der', type: 'pkcs8' })).export({ type: 'spki', format: 'der' }));
  let onDisk: string | null = null;
  try {
    onDisk = readFileSync(join(dir, AUDIT_INBOX_FILE), 'utf8').trim();
  } catch {
    onDisk = null;
  }
  if (onDisk !== publicDer) writeFileAtomic(join(dir, AUDIT_INBOX_FILE), `${publicDer}\n`);
}

function pendingCount(dir: string): number {
  try {
    return readFileSync(join(dir, AUDIT_PENDING_FILE), 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

/** Seal one record to the inbox and append it (fsync'd). False if there is no inbox or no room. */
export function appendPending(dir: string, record: unknown): boolean {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: unb64(readFileSync(join(dir, AUDIT_INBOX_FILE), 'utf8').trim()), format: 'der', type: 'spki' });
  } catch {
    return false;
  }
  if (pendingCount(dir) >= MAX_PENDING_RECORDS) return false;
  const eph = generateKeyPairSync('x25519');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', boxKey(eph.privateKey, publicKey), iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(record)), cipher.final()]);
  const line = JSON.stringify({ e: b64(eph.publicKey.export({ type: 'spki', format: 'der' })), iv: b64(iv), ct: b64(ct), tag: b64(cipher.getAuthTag()) });
  const path = join(dir, AUDIT_PENDING_FILE);
  appendFileSync(path, `${line}\n`, { mode: 0o600 });
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The records waiting on disk, opened with the archive's private key; `unreadable` counts the rest. */
export function readPending(dir: string, sqlite: SqliteDatabase): { records: unknown[]; unreadable: number } {
  let raw: string;
  try {
    raw = readFileSync(join(dir, AUDIT_PENDING_FILE), 'utf8');
  } catch {
    return { records: [], unreadable: 0 };
  }
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META_KEY) as string | undefined;
  const privateKey = row ? createPrivateKey({ key: unb64(row), format: 'der', type: 'pkcs8' }) : null;
  const records: unknown[] = [];
  let unreadable = 0;
  for (const line of raw.split('\n').filter(Boolean)) {
    try {
      const box = JSON.parse(line) as { e: string; iv: string; ct: string; tag: string };
      const eph = createPublicKey({ key: unb64(box.e), format: 'der', type: 'spki' });
      const decipher = createDecipheriv('aes-256-gcm', boxKey(privateKey!, eph), unb64(box.iv));
      decipher.setAuthTag(unb64(box.tag));
      records.push(JSON.parse(Buffer.concat([decipher.update(unb64(box.ct)), decipher.final()]).toString('utf8')));
    } catch {
      unreadable += 1;
    }
  }
  return { records, unreadable };
}

/** After the records are in the audit log (committed). */
export function clearPending(dir: string): void {
  rmSync(join(dir, AUDIT_PENDING_FILE), { force: true });
}
