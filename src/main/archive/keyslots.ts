import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scryptSync,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { ArchiveError } from '../../shared/contract/errors';
import { writeFileAtomic } from './files';

// Key slots (keyslots.json beside the database).
//
// Each slot is an X25519 key pair. Its private key is wrapped (AES-256-GCM) with a key
// derived from the slot's secret (a user's password, or the recovery code); the
// database key is sealed to its public key (ECDH + HKDF + AES-256-GCM). So:
// - a password change rewraps one private key and leaves the database alone;
// - rotating the database key reseals it to every remaining public key, with no
//   one's password needed;
// - a slot is found by a hash of the login name, so names are not in clear here.

export const KEYSLOTS_FILE = 'keyslots.json';
export const KEYSLOTS_NEXT_FILE = 'keyslots.next.json';

export interface KdfParams {
  method: 'scrypt';
  version: 1;
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}

/** scrypt with N=2^17, r=8 (128 MiB, 0.5–1 s on a 2-core machine): the archive's guard. */
export const DEFAULT_KDF_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
export type KdfCost = { N: number; r: number; p: number };

/** The version new slots are written in (see slotSchema). */
export const SLOT_VERSION = 2;

const sealed = z.strictObject({ iv: z.string(), ct: z.string(), tag: z.string() });
const slotSchema = z.strictObject({
  /**
   * 2: the slot's id, kind, user id and lookup are the additional data of both AES-GCM
   * boxes, so a slot moved to another user or name no longer opens. Absent: a version 1
   * slot (only archive id and slot id bound), rewritten as version 2 when it next opens.
   */
  version: z.literal(SLOT_VERSION).optional(),
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().nullable(),
  lookup: z.string(),
  kdf: z.strictObject({
    method: z.literal('scrypt'),
    version: z.literal(1),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string(),
  }),
  publicKey: z.string(),
  wrappedPrivateKey: sealed,
  sealedDbKey: sealed.extend({ ephemeralPublicKey: z.string() }),
});
const fileSchema = z.strictObject({
  format: z.literal('credit-archive-keyslots'),
  version: z.literal(1),
  archiveId: z.string(),
  keyVersion: z.number().int(),
  slots: z.array(slotSchema),
});

export type KeySlot = z.infer<typeof slotSchema>;
export type KeySlotFile = z.infer<typeof fileSchema>;
type Sealed = z.infer<typeof sealed>;

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

/**
 * What a slot may ask of the key derivation. The file is not trusted: a slot asking for
 * N = 2^30 would make every login allocate 128 GiB and hang. Out of range is "damaged".
 * N up to 2^20 and N·r up to 2^22 (512 MiB, four times the default); p up to 4; a salt
 * of 16 to 64 bytes.
 */
export const KDF_BOUNDS = { minLog2N: 10, maxLog2N: 20, maxNr: 2 ** 22, maxR: 32, maxP: 4, minSalt: 16, maxSalt: 64 } as const;

function assertKdfInBounds(params: KdfParams): void {
  const { N, r, p, salt } = params;
  const b = KDF_BOUNDS;
  const log2N = Math.log2(N);
  const saltBytes = salt.length <= 100 && /^[A-Za-z0-9+/]*={0,2}$/.test(salt) ? unb64(salt).length : -1;
  const ok =
    Number.isInteger(log2N) &&
    log2N >= b.minLog2N &&
    log2N <= b.maxLog2N &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= b.maxR &&
    N * r <= b.maxNr &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= b.maxP &&
    saltBytes >= b.minSalt &&
    saltBytes <= b.maxSalt;
  if (!ok) throw new ArchiveError('CORRUPT', 'a key slot is damaged: its key-derivation parameters are out of range');
}

function kdf(secret: string, params: KdfParams): Buffer {
  assertKdfInBounds(params);
  const { N, r, p } = params;
  return scryptSync(secret.normalize('NFC'), unb64(params.salt), 32, { N, r, p, maxmem: 256 * N * r + 64 * 1024 * 1024 });
}

/**
 * The work of a wrong password, for a name that has no slot: the same derivation at the
 * cost new slots get, so the time of an answer does not tell which names exist.
 */
export function deriveForNothing(secret: string, cost: KdfCost): void {
  kdf(secret, { method: 'scrypt', version: 1, ...cost, salt: b64(randomBytes(16)) });
}

function seal(key: Buffer, plain: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: b64(iv), ct: b64(ct), tag: b64(cipher.getAuthTag()) };
}

function open(key: Buffer, box: Sealed, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, unb64(box.iv));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(unb64(box.tag));
    return Buffer.concat([decipher.update(unb64(box.ct)), decipher.final()]);
  } catch {
    return null;
  }
}

function sealTo(publicKey: KeyObject, dbKey: Buffer, aad: string): KeySlot['sealedDbKey'] {
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), 'credit-archive db key', 32));
  const ephemeralPublicKey = b64(eph.publicKey.export({ type: 'spki', format: 'der' }));
  return { ...seal(key, dbKey, aad), ephemeralPublicKey };
}

function unsealWith(privateKey: KeyObject, box: KeySlot['sealedDbKey'], aad: string): Buffer | null {
  const publicKey = createPublicKey({ key: unb64(box.ephemeralPublicKey), format: 'der', type: 'spki' });
  const shared = diffieHellman({ privateKey, publicKey });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), 'credit-archive db key', 32));
  return open(key, box, aad);
}

/** What a slot's boxes are bound to: everything that says whose slot it is and how it is found. */
function slotAad(archiveId: string, slot: Pick<KeySlot, 'version' | 'id' | 'kind' | 'userId' | 'lookup'>): string {
  if (slot.version === undefined) return `${archiveId}:${slot.id}`; // version 1
  return JSON.stringify(['credit-archive slot', slot.version, archiveId, slot.id, slot.kind, slot.userId, slot.lookup]);
}

/** A login name as key slots tell names apart: two names with the same key are one name. */
export function loginNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/** The slot lookup for a login name: a salted hash, so key slots do not name users. */
export function lookupFor(archiveId: string, kind: 'user' | 'recovery', name: string): string {
  const norm = loginNameKey(name);
  return createHash('sha256').update(`credit-archive slot\0${archiveId}\0${kind}\0${norm}`).digest('base64');
}

export function newSlot(args: {
  archiveId: string;
  kind: 'user' | 'recovery';
  userId: string | null;
  name: string;
  secret: string;
  dbKey: Buffer;
  cost: KdfCost;
}): KeySlot {
  const kdfParams: KdfParams = { method: 'scrypt', version: 1, ...args.cost, salt: b64(randomBytes(16)) };
  const pair = generateKeyPairSync('x25519');
  const privateDer = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  const head = {
    version: SLOT_VERSION,
    id: randomBytes(8).toString('hex'),
    kind: args.kind,
    userId: args.userId,
    lookup: lookupFor(args.archiveId, args.kind, args.name),
  } as const;
  const aad = slotAad(args.archiveId, head);
  return {
    ...head,
    kdf: kdfParams,
    publicKey: b64(pair.publicKey.export({ type: 'spki', format: 'der' })),
    wrappedPrivateKey: seal(kdf(args.secret, kdfParams), privateDer, aad),
    sealedDbKey: sealTo(pair.publicKey, args.dbKey, aad),
  };
}

/**
 * Open a slot with its secret: the database key, and — for a slot of an older version —
 * the same slot rewritten in the current version (same key pair, bound to its owner).
 * Null if the secret is wrong or the slot was moved to another user, kind or name.
 */
export function unlockSlotUpgrading(
  archiveId: string,
  slot: KeySlot,
  secret: string,
): { key: Buffer; upgraded: KeySlot | null } | null {
  const aad = slotAad(archiveId, slot);
  const wrapKey = kdf(secret, slot.kdf);
  const privateDer = open(wrapKey, slot.wrappedPrivateKey, aad);
  if (!privateDer) return null;
  const privateKey = createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' });
  const key = unsealWith(privateKey, slot.sealedDbKey, aad);
  if (!key) return null;
  if (slot.version === SLOT_VERSION) return { key, upgraded: null };
  const current: KeySlot = { ...slot, version: SLOT_VERSION };
  const newAad = slotAad(archiveId, current);
  const publicKey = createPublicKey({ key: unb64(slot.publicKey), format: 'der', type: 'spki' });
  return {
    key,
    upgraded: { ...current, wrappedPrivateKey: seal(wrapKey, privateDer, newAad), sealedDbKey: sealTo(publicKey, key, newAad) },
  };
}

/** The database key from a slot and its secret, or null if the secret is wrong. */
export function unlockSlot(archiveId: string, slot: KeySlot, secret: string): Buffer | null {
  return unlockSlotUpgrading(archiveId, slot, secret)?.key ?? null;
}

/** Seal a (new) database key to an existing slot's public key: no secret needed. */
export function resealSlot(archiveId: string, slot: KeySlot, dbKey: Buffer): KeySlot {
  const publicKey = createPublicKey({ key: unb64(slot.publicKey), format: 'der', type: 'spki' });
  return { ...slot, sealedDbKey: sealTo(publicKey, dbKey, slotAad(archiveId, slot)) };
}

/** The file with one slot replaced by its upgraded form. */
export function withSlot(file: KeySlotFile, slot: KeySlot): KeySlotFile {
  return { ...file, slots: file.slots.map((s) => (s.id === slot.id ? slot : s)) };
}

export function findSlot(file: KeySlotFile, kind: 'user' | 'recovery', name: string): KeySlot | undefined {
  const lookup = Buffer.from(lookupFor(file.archiveId, kind, name));
  return file.slots.find((s) => {
    const candidate = Buffer.from(s.lookup);
    return s.kind === kind && candidate.length === lookup.length && timingSafeEqual(candidate, lookup);
  });
}

export function readKeySlots(path: string): KeySlotFile {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ArchiveError('CORRUPT', `cannot read key slots: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ArchiveError('CORRUPT', 'key slot file is not valid JSON');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new ArchiveError('CORRUPT', 'key slot file has an unknown shape');
  return parsed.data;
}

export function writeKeySlots(path: string, file: KeySlotFile): void {
  writeFileAtomic(path, JSON.stringify(fileSchema.parse(file), null, 2));
}
