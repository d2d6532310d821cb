import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import type { DB } from '../../archive/schema';

// The content of an electronic document (SPEC §1, §6): encrypted with the document's own
// random key, in chunks, inside the (itself encrypted) archive. Destroying a document
// deletes its key and its chunks; what is left of it anywhere (a backup, a freed page)
// can then be read by no one. Everything happens in memory: no temp file, ever.

type Db = Kysely<DB> | Transaction<DB>;

/** Plaintext bytes per chunk: a 50 MiB file is 200 rows, none too big for one statement. */
export const CHUNK_BYTES = 256 * 1024;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedChunk {
  n: number;
  iv: Buffer;
  /** Ciphertext followed by the 16-byte GCM tag. */
  data: Buffer;
}

export interface SealedContent {
  /** The document's own key (AES-256); stored in documents.content_key. */
  contentKey: Buffer;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
  size: number;
  chunks: SealedChunk[];
}

/**
 * What each chunk's tag also vouches for: which document and which place in it. A chunk
 * moved to another position, or copied from another document, fails to decrypt.
 */
function chunkAad(documentId: string, n: number): Buffer {
  return Buffer.from(`credit-archive/document-chunk/v1\u0000${documentId}\u0000${n}`, 'utf8');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Encrypt a document's content under a new random key. Pure: writes nothing. */
export function sealContent(documentId: string, content: Buffer): SealedContent {
  const contentKey = randomBytes(KEY_BYTES);
  const chunks: SealedChunk[] = [];
  for (let n = 0, offset = 0; offset < content.length; n++, offset += CHUNK_BYTES) {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', contentKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(chunkAad(documentId, n));
    const data = Buffer.concat([cipher.update(content.subarray(offset, offset + CHUNK_BYTES)), cipher.final(), cipher.getAuthTag()]);
    chunks.push({ n, iv, data });
  }
  return { contentKey, sha256: sha256Hex(content), size: content.length, chunks };
}

/** Write the sealed chunks of a document whose row already exists (same transaction). */
export async function insertChunks(db: Transaction<DB>, documentId: string, chunks: readonly SealedChunk[]): Promise<void> {
  for (const chunk of chunks) {
    await db.insertInto('document_chunks').values({ document_id: documentId, n: chunk.n, iv: chunk.iv, data: chunk.data }).execute();
  }
}

/** What can be wrong with a stored document's content. */
export type ContentProblem =
  /** No such document. */
  | 'notFound'
  /** A physical item only: there is no content to check. */
  | 'notElectronic'
  /** A chunk is missing, or there are chunks the size does not account for. */
  | 'chunks'
  /** A chunk does not decrypt: altered, moved, or from another document. */
  | 'chunkAuthentication'
  /** The decrypted content is not as long as recorded. */
  | 'size'
  /** The decrypted content does not have the recorded SHA-256. */
  | 'sha256';

export interface DocumentCheck {
  documentId: string;
  archiveNo: string | null;
  ok: boolean;
  problem: ContentProblem | null;
}

type Unsealed = { ok: true; archiveNo: string; content: Buffer } | { ok: false; archiveNo: string | null; problem: ContentProblem };

/**
 * Decrypt a document's chunks in order and check them against its recorded size and
 * SHA-256. With `keep` false the plaintext is hashed chunk by chunk and dropped, so a
 * check of the whole archive never holds more than one chunk of a document in clear.
 */
async function unseal(db: Db, documentId: string, keep: boolean): Promise<Unsealed> {
  const row = await db
    .selectFrom('documents')
    .select(['archive_no', 'content_key', 'size', 'sha256'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) return { ok: false, archiveNo: null, problem: 'notFound' };
  const archiveNo = row.archive_no;
  if (!row.content_key) return { ok: false, archiveNo, problem: 'notElectronic' };
  const key = Buffer.from(row.content_key);
  const size = row.size ?? -1;
  const chunks = await db
    .selectFrom('document_chunks')
    .select(['n', 'iv', 'data'])
    .where('document_id', '=', documentId)
    .orderBy('n')
    .execute();
  try {
    if (chunks.length !== Math.ceil(size / CHUNK_BYTES) || chunks.some((c, i) => c.n !== i)) {
      return { ok: false, archiveNo, problem: 'chunks' };
    }
    const hash = createHash('sha256');
    const parts: Buffer[] = [];
    let length = 0;
    for (const chunk of chunks) {
      if (chunk.iv.length !== IV_BYTES || chunk.data.length < TAG_BYTES) return { ok: false, archiveNo, problem: 'chunkAuthentication' };
      const decipher = createDecipheriv('aes-256-gcm', key, chunk.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(chunkAad(documentId, chunk.n));
      decipher.setAuthTag(chunk.data.subarray(chunk.data.length - TAG_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(chunk.data.subarray(0, chunk.data.length - TAG_BYTES)), decipher.final()]);
      } catch {
        for (const p of parts) p.fill(0);
        return { ok: false, archiveNo, problem: 'chunkAuthentication' };
      }
      hash.update(plain);
      length += plain.length;
      if (keep) parts.push(plain);
      else plain.fill(0);
    }
    const content = Buffer.concat(parts, length);
    for (const p of parts) p.fill(0);
    const problem: ContentProblem | null = length !== size ? 'size' : hash.digest('hex') !== row.sha256 ? 'sha256' : null;
    if (problem) {
      content.fill(0);
      return { ok: false, archiveNo, problem };
    }
    return { ok: true, archiveNo, content };
  } finally {
    key.fill(0);
  }
}

/**
 * The plaintext of an electronic document, checked against its SHA-256. A document whose
 * content is damaged or was altered is CORRUPT, named by its archive number.
 */
export async function readDocumentContent(db: Db, documentId: string): Promise<Buffer> {
  const result = await unseal(db, documentId, true);
  if (result.ok) return result.content;
  if (result.problem === 'notFound') throw new ArchiveError('NOT_FOUND', 'no such document', { field: 'id' });
  if (result.problem === 'notElectronic') {
    throw new ArchiveError('CONFLICT', 'this document is a physical item only', { reason: 'notElectronic' });
  }
  throw new ArchiveError('CORRUPT', `the content of document ${result.archiveNo} is damaged or was altered`, {
    documentId,
    archiveNo: result.archiveNo,
    problem: result.problem,
  });
}

/**
 * Check one stored document (for the integrity check of SPEC §6): every chunk decrypts
 * under the document's key in its place, and the whole has the recorded size and SHA-256.
 * Never throws for a damaged document: reports it. A physical-only item is fine.
 */
export async function verifyDocument(db: Db, documentId: string): Promise<DocumentCheck> {
  const result = await unseal(db, documentId, false);
  if (result.ok) return { documentId, archiveNo: result.archiveNo, ok: true, problem: null };
  if (result.problem === 'notElectronic') return { documentId, archiveNo: result.archiveNo, ok: true, problem: null };
  return { documentId, archiveNo: result.archiveNo, ok: false, problem: result.problem };
}

/** The ids of every document with stored content, for a check of them all. */
export async function electronicDocumentIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('documents').select('id').where('content_key', 'is not', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}
