import { DOCUMENT_MIME_TYPES, MAX_DOCUMENT_BYTES } from '../../../shared/domain/customers';

// What an uploaded file must be before it is stored: strict base64, not too large, of a
// type the archive keeps, and really of the type it claims (its first bytes say so).
// The renderer is untrusted: a file named .pdf that is an executable is refused here.

export type DocumentMime = (typeof DOCUMENT_MIME_TYPES)[number];

/** Problems, as translation keys under `validation.` (the path is file.*). */
export type FileProblem = 'document.badBase64' | 'document.tooLarge' | 'document.mimeNotAllowed' | 'document.typeMismatch';

export function isDocumentMime(mime: string): mime is DocumentMime {
  return (DOCUMENT_MIME_TYPES as readonly string[]).includes(mime);
}

/** How many bytes a base64 text of this length holds (counted without decoding it). */
export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * Decode canonical base64 (RFC 4648 §4, padded, no whitespace, no URL alphabet), or
 * null. Node's decoder skips what it does not understand; the round trip refuses it.
 */
export function decodeBase64Strict(base64: string): Buffer | null {
  if (base64.length === 0 || base64.length % 4 !== 0) return null;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.toString('base64') !== base64) {
    bytes.fill(0);
    return null;
  }
  return bytes;
}

const startsWith = (bytes: Buffer, signature: readonly number[] | string, at = 0): boolean => {
  const sig = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= at + sig.length && bytes.subarray(at, at + sig.length).equals(sig);
};

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: OOXML files are ZIP packages
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // compound file: .doc .xls .ppt

/**
 * The names in a ZIP file's central directory, or null if it has none that can be read.
 * ZIP64 is not read: writers use it only past 65,535 entries or 4 GiB, and an Office
 * file within MAX_DOCUMENT_BYTES needs neither.
 */
export function zipEntryNames(bytes: Buffer): string[] | null {
  if (!startsWith(bytes, ZIP)) return null;
  // The end-of-central-directory record: 22 bytes and a comment of at most 65,535.
  const EOCD = 0x06054b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) return null;
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('latin1', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An Office Open XML package with its main part under `folder` (word/, xl/, ppt/). */
function isOoxml(bytes: Buffer, folder: string): boolean {
  const names = zipEntryNames(bytes);
  return names !== null && names.includes('[Content_Types].xml') && names.some((n) => n.startsWith(folder));
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const MATCHES: Record<DocumentMime, (bytes: Buffer) => boolean> = {
  'application/pdf': (b) => startsWith(b, '%PDF-'),
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a'),
  'image/webp': (b) => startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8),
  'application/msword': (b) => startsWith(b, OLE),
  'application/vnd.ms-excel': (b) => startsWith(b, OLE),
  'application/vnd.ms-powerpoint': (b) => startsWith(b, OLE),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) => isOoxml(b, 'word/'),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (b) => isOoxml(b, 'xl/'),
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': (b) => isOoxml(b, 'ppt/'),
  'text/plain': isUtf8,
};

/** null if the bytes are what the MIME type says; otherwise what is wrong. */
export function contentTypeProblem(mime: string, bytes: Buffer): 'document.mimeNotAllowed' | 'document.typeMismatch' | null {
  if (!isDocumentMime(mime)) return 'document.mimeNotAllowed';
  return MATCHES[mime](bytes) ? null : 'document.typeMismatch';
}

/**
 * Check an uploaded file and decode it. The size is judged from the length of the text
 * before anything is decoded, so an oversized upload costs no second copy.
 */
export function checkUploadedFile(mime: string, base64: string): { ok: true; bytes: Buffer } | { ok: false; problem: FileProblem; path: string } {
  if (!isDocumentMime(mime)) return { ok: false, problem: 'document.mimeNotAllowed', path: 'mime' };
  if (decodedLength(base64) > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'document.tooLarge', path: 'contentBase64' };
  const bytes = decodeBase64Strict(base64);
  if (!bytes) return { ok: false, problem: 'document.badBase64', path: 'contentBase64' };
  const problem = contentTypeProblem(mime, bytes);
  if (problem) {
    bytes.fill(0);
    return { ok: false, problem, path: 'contentBase64' };
  }
  return { ok: true, bytes };
}
