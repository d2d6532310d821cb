import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { closeArchive } from '../../src/main/archive/archive';
import { archiveYearOf } from '../../src/main/services/documents/archive-numbers';
import { checkUploadedFile, contentTypeProblem, decodeBase64Strict, zipEntryNames } from '../../src/main/services/documents/content-check';
import { documentMetaOf, documentsOfCustomer } from '../../src/main/services/documents/queries';
import { CHUNK_BYTES, verifyDocument } from '../../src/main/services/documents/storage';
import type { DocumentMeta, Input } from '../../src/shared/contract';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { MAX_DOCUMENT_BYTES } from '../../src/shared/domain/customers';
import {
  addUser,
  allAudit,
  creditAuditor,
  directory,
  filesIn,
  fingerprint,
  freshArchive,
  FrozenClock,
  login,
  openWithRecoveryCode,
  testHost,
  useTempDirs,
  type TestHost,
} from './helpers';

const temp = useTempDirs();

// Text that appears nowhere else: found in a file of the archive, it leaked from a document.
const MARKER = 'CONFIDENTIAL-PDF-MARKER-7731';
const TITLE = '滇南普洱茶山联营履约保证合同正本';
const MANAGER = { username: 'zhou.xinyong', displayName: '周信用', password: 'Credit-Manager-2026!', roles: ['credit_manager'] };

// ---------------------------------------------------------------------------------------
// Real files, built here

/** A minimal but complete PDF (catalog, page, font, content stream, xref) showing `text`. */
function pdfShowing(text: string): Buffer {
  const stream = `BT /F1 18 Tf 40 120 Td (${text}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 240]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>',
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
    `<</Length ${stream.length}>>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A real RGB PNG of noise: incompressible, so its bytes are as distinctive as bytes get. */
function noisePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows, { level: 0 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A ZIP of stored entries, as an OOXML package is laid out. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directorySize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = () => zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
const xlsx = () => zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'xl/workbook.xml': '<workbook/>' });
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(504)]);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (b: Buffer) => b.toString('base64');

// ---------------------------------------------------------------------------------------
// The world: an archive, a credit manager and customers in two departments

function creditCode(body17: string): string {
  return body17 + creditCodeCheckCharacter(body17);
}

interface World {
  t: TestHost & { admin: string; recoveryCode: string };
  manager: string;
  managerId: string;
  /** A customer of the business department (archive numbers YW-…). */
  customerId: string;
  /** A customer of the credit department (archive numbers XY-…). */
  creditCustomerId: string;
}

async function world(clock = new FrozenClock()): Promise<World> {
  const t = await freshArchive(temp, clock);
  const { department } = await directory(t, t.admin);
  const { user, session } = await addUser(t, t.admin, MANAGER);
  const customer = (name: string, code: string, dept: string): Input<'customers.create'> => ({
    kind: 'enterprise',
    name,
    creditCode: creditCode(code),
    idNumber: null,
    enterpriseNature: 'private',
    registeredCapitalFen: 50_000_000_00,
    legalRepresentative: '岩温',
    personInCharge: null,
    address: '云南省西双版纳州勐海县',
    bankName: '中国农业银行勐海支行',
    bankAccount: '6228480000000000001',
    industry: '茶叶加工',
    serviceType: 'sales',
    cooperationStart: '2021-04-01',
    departmentId: department(dept),
    confidentiality: 'secret',
    contacts: [],
  });
  const { id: customerId } = await t.ok(session, 'customers.create', customer('勐海古树茶业有限公司', '91532822MA6K00001', 'business'));
  const { id: creditCustomerId } = await t.ok(session, 'customers.create', customer('景洪澜沧江物流有限公司', '91532801MA6K00002', 'credit'));
  return { t, manager: session, managerId: user.id, customerId, creditCustomerId };
}

function electronic(
  customerId: string,
  bytes: Buffer,
  mime: string,
  extra: Partial<Input<'documents.add'>> = {},
): Input<'documents.add'> {
  return {
    customerId,
    category: 'contract',
    title: TITLE,
    archiveNo: null,
    retention: '30y',
    confidentiality: 'secret',
    file: { name: mime === 'application/pdf' ? '保证合同.pdf' : '营业执照.png', mime, contentBase64: b64(bytes) },
    location: null,
    ...extra,
  };
}

/** What of these byte strings each file of the folder holds, as "file: label". */
function leaksIn(dir: string, needles: { label: string; bytes: Buffer }[]): string[] {
  const found: string[] = [];
  for (const name of filesIn(dir)) {
    const content = readFileSync(join(dir, name));
    for (const { label, bytes } of needles) if (content.includes(bytes)) found.push(`${name}: ${label}`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------

describe('adding and opening documents', () => {
  it('a PDF and an image come back byte for byte, with the reader and the time as watermark; the open is on record with its purpose', async () => {
    const w = await world();
    const auditor = await creditAuditor(w.t, w.t.admin); // before the steps: its own entries come first
    const pdf = pdfShowing(MARKER);
    const png = noisePng(40, 30);
    const addedAt = w.t.clock.now().toISOString();

    const pdfMeta = await w.t.ok(w.manager, 'documents.add', electronic(w.customerId, pdf, 'application/pdf'));
    expect(pdfMeta).toEqual({
      id: expect.any(String),
      customerId: w.customerId,
      category: 'contract',
      title: TITLE,
      archiveNo: 'YW-2026-D30-000001',
      retention: '30y',
      confidentiality: 'secret',
      electronic: { fileName: '保证合同.pdf', mime: 'application/pdf', size: pdf.length, sha256: sha256(pdf) },
      location: null,
      addedBy: { id: w.managerId, displayName: MANAGER.displayName },
      addedAt,
    } satisfies DocumentMeta);
    const pngMeta = await w.t.ok(
      w.manager,
      'documents.add',
      electronic(w.customerId, png, 'image/png', { category: 'licence', title: '营业执照副本', retention: 'permanent', confidentiality: 'normal' }),
    );
    expect(pngMeta).toMatchObject({ archiveNo: 'YW-2026-Y-000002', electronic: { mime: 'image/png', size: png.length, sha256: sha256(png) } });

    // Ten minutes later, the manager opens both: the watermark carries the time of reading.
    w.t.clock.advance(10 * 60_000); // within the idle lock
    const openedAt = w.t.clock.now().toISOString();
    const opened = await w.t.ok(w.manager, 'documents.open', { id: pdfMeta.id, purpose: '核对保证合同条款' });
    expect(Buffer.from(opened.contentBase64, 'base64').equals(pdf)).toBe(true);
    expect(sha256(Buffer.from(opened.contentBase64, 'base64'))).toBe(opened.document.electronic!.sha256);
    expect(opened.document).toEqual(pdfMeta);
    expect(opened.watermark).toEqual({ reader: MANAGER.displayName, at: openedAt });
    const image = await w.t.ok(w.manager, 'documents.open', { id: pngMeta.id, purpose: '年审核对营业执照' });
    expect(Buffer.from(image.contentBase64, 'base64').equals(png)).toBe(true);

    // The customer file lists both; a fragment of the title finds the customer.
    const file = await w.t.ok(w.manager, 'customers.get', { id: w.customerId, purpose: '查看档案材料' });
    expect(file.documents.map((d) => d.archiveNo)).toEqual(['YW-2026-D30-000001', 'YW-2026-Y-000002']);
    const found = await w.t.ok(w.manager, 'customers.search', { text: '履约保证' });
    expect(found.rows.map((r) => r.id)).toEqual([w.customerId]);

    // On record: who added what (hash and size, never the content), who read it, and why.
    const audit = await allAudit(w.t, auditor);
    const added = audit.filter((e) => e.action === 'documents.add');
    expect(added.map((e) => e.target)).toEqual([`document:${pdfMeta.id}`, `document:${pngMeta.id}`]);
    expect(added[0]).toMatchObject({
      username: MANAGER.username,
      outcome: 'ok',
      details: { customerId: w.customerId, category: 'contract', archiveNo: 'YW-2026-D30-000001', size: pdf.length, sha256: sha256(pdf) },
    });
    const opens = audit.filter((e) => e.action === 'documents.open');
    expect(opens).toEqual([
      expect.objectContaining({
        target: `document:${pdfMeta.id}`,
        username: MANAGER.username,
        purpose: '核对保证合同条款',
        at: openedAt,
        outcome: 'ok',
        details: { customerId: w.customerId, archiveNo: 'YW-2026-D30-000001' },
      }),
      expect.objectContaining({ target: `document:${pngMeta.id}`, purpose: '年审核对营业执照' }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(MARKER);
    expect(JSON.stringify(audit)).not.toContain(b64(pdf).slice(0, 40));
    expect(await w.t.ok(w.t.admin, 'audit.verify', {})).toMatchObject({ ok: true });
  });

  it('a physical item has a location and no content: opening it is CONFLICT notElectronic; a file may also have a location', async () => {
    const w = await world();
    const auditor = await creditAuditor(w.t, w.t.admin); // before the steps: its own entries come first
    const paper = await w.t.ok(w.manager, 'documents.add', {
      customerId: w.customerId,
      category: 'notarisation',
      title: '公证书原件',
      archiveNo: null,
      retention: '10y',
      confidentiality: 'confidential',
      file: null,
      location: { cabinet: 'A-03', shelf: '2', box: '17' },
    });
    expect(paper).toMatchObject({ archiveNo: 'YW-2026-D10-000001', electronic: null, location: { cabinet: 'A-03', shelf: '2', box: '17' } });
    const refused = await w.t.fail(w.manager, 'documents.open', { id: paper.id, purpose: '查看原件' });
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'notElectronic' } });

    const both = await w.t.ok(
      w.manager,
      'documents.add',
      electronic(w.customerId, pdfShowing('scan'), 'application/pdf', { location: { cabinet: 'B-01', shelf: null, box: null } }),
    );
    expect(both).toMatchObject({ electronic: { mime: 'application/pdf' }, location: { cabinet: 'B-01', shelf: null, box: null } });

    // Neither a file nor any part of a location: nothing to archive.
    const empty = await w.t.fail(w.manager, 'documents.add', {
      ...electronic(w.customerId, pdfShowing('x'), 'application/pdf'),
      file: null,
      location: { cabinet: '  ', shelf: null, box: null },
    });
    expect(empty).toMatchObject({ code: 'VALIDATION', details: [{ path: ['location'], message: 'documentNeedsFileOrLocation' }] });

    const audit = (await allAudit(w.t, auditor)).filter((e) => e.action === 'documents.add');
    expect(audit[0]!.details).toMatchObject({ size: null, sha256: null, location: { cabinet: 'A-03', shelf: '2', box: '17' } });
  });

  it('an unknown customer or document is NOT_FOUND, naming the field', async () => {
    const w = await world();
    const missing = '0190a000-0000-7000-8000-00000000beef';
    expect(await w.t.fail(w.manager, 'documents.add', electronic(missing, pdfShowing('x'), 'application/pdf'))).toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'customerId' },
    });
    expect(await w.t.fail(w.manager, 'documents.open', { id: missing, purpose: '查看' })).toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'id' },
    });
  });
});

describe('at rest', () => {
  it('no file of the archive holds the PDF marker, any 32 bytes of either file, or the title — open or closed', async () => {
    const w = await world();
    const pdf = pdfShowing(MARKER);
    const png = noisePng(64, 64);
    const a = await w.t.ok(w.manager, 'documents.add', electronic(w.customerId, pdf, 'application/pdf'));
    await w.t.ok(w.manager, 'documents.add', electronic(w.customerId, png, 'image/png', { title: `${TITLE}附件` }));
    await w.t.ok(w.manager, 'documents.open', { id: a.id, purpose: '核对保证合同条款' });

    const slices = (label: string, b: Buffer) =>
      [0, Math.floor(b.length / 2), b.length - 32].map((at) => ({ label: `${label}[${at}..+32]`, bytes: b.subarray(at, at + 32) }));
    const needles = [
      { label: MARKER, bytes: Buffer.from(MARKER, 'latin1') },
      { label: `${TITLE} (UTF-8)`, bytes: Buffer.from(TITLE, 'utf8') },
      { label: `${TITLE} (UTF-16LE)`, bytes: Buffer.from(TITLE, 'utf16le') },
      { label: 'PDF base64', bytes: Buffer.from(b64(pdf).slice(0, 44), 'latin1') },
      ...slices('pdf', pdf),
      ...slices('png', png),
    ];

    // The detector can fail: a folder with the files in it, in clear, is caught.
    const control = temp.make();
    writeFileSync(join(control, 'contract.pdf'), pdf);
    writeFileSync(join(control, 'licence.png'), png);
    const inClear = needles.filter((n) => !n.label.startsWith(TITLE) && n.label !== 'PDF base64').map((n) => n.label);
    expect(leaksIn(control, needles).map((l) => l.replace(/^[^:]+: /, '')).sort()).toEqual(inClear.sort());

    // While the host has it open (database, WAL, WAL index, key slots) …
    expect(filesIn(w.t.dir)).toEqual(expect.arrayContaining(['archive.db', 'archive.db-wal', 'archive.db-shm', 'keyslots.json']));
    expect(leaksIn(w.t.dir, needles)).toEqual([]);
    // … and after it closed.
    await w.t.host.close();
    expect(leaksIn(w.t.dir, needles)).toEqual([]);

    // The content is there, encrypted twice over: the recovery code opens the archive, and
    // the chunks hold ciphertext that only the document's own key opens.
    const archive = await openWithRecoveryCode(w.t.dir, w.t.recoveryCode);
    try {
      const chunks = archive.sqlite.prepare('SELECT data FROM document_chunks WHERE document_id = ?').pluck().all(a.id) as Buffer[];
      expect(chunks).toHaveLength(1);
      expect(chunks[0]!.includes(Buffer.from(MARKER))).toBe(false);
      expect(chunks[0]!.length).toBe(pdf.length + 16); // the GCM tag
      expect(await verifyDocument(archive.db, a.id)).toEqual({ documentId: a.id, archiveNo: a.archiveNo, ok: true, problem: null });
    } finally {
      await closeArchive(archive);
    }
  });

  it('two identical files get different keys and different ciphertext', async () => {
    const w = await world();
    const pdf = pdfShowing(MARKER);
    const one = await w.t.ok(w.manager, 'documents.add', electronic(w.customerId, pdf, 'application/pdf'));
    const two = await w.t.ok(w.manager, 'documents.add', electronic(w.customerId, pdf, 'application/pdf'));
    expect(one.electronic!.sha256).toBe(two.electronic!.sha256);
    await w.t.host.close();
    const archive = await openWithRecoveryCode(w.t.dir, w.t.recoveryCode);
    try {
      const row = (id: string) =>
        archive.sqlite
          .prepare('SELECT d.content_key AS key, c.iv, c.data FROM documents d JOIN document_chunks c ON c.document_id = d.id WHERE d.id = ?')
          .get(id) as { key: Buffer; iv: Buffer; data: Buffer };
      const [a, b] = [row(one.id), row(two.id)];
      expect(a.key).toHaveLength(32);
      expect(a.key.equals(b.key)).toBe(false);
      expect(a.iv).toHaveLength(12);
      expect(a.iv.equals(b.iv)).toBe(false);
      expect(a.data.equals(b.data)).toBe(false);
      expect(a.data.subarray(0, 32).equals(b.data.subarray(0, 32))).toBe(false);
    } finally {
      await closeArchive(archive);
    }
  });
});

describe('tampering', () => {
  it('an altered, moved, missing or foreign chunk, or a changed hash, is CORRUPT on open and reported by verifyDocument', async () => {
    const w = await world();
    // Three chunks each (256 KiB per chunk): a noise image of about 600 KB.
    const png = noisePng(400, 500);
    expect(Math.ceil(png.length / CHUNK_BYTES)).toBe(3);
    const add = (title: string) => w.t.ok(w.manager, 'documents.add', electronic(w.customerId, png, 'image/png', { title }));
    const intact = await add('完好');
    const altered = await add('改动一个字节');
    const swapped = await add('调换两块');
    const truncated = await add('删去末块');
    const foreign = await add('换入别的文件的块');
    const rehashed = await add('改了哈希');
    await w.t.host.close();

    // Someone with the database key (not the documents' keys) edits the archive.
    const archive = await openWithRecoveryCode(w.t.dir, w.t.recoveryCode);
    try {
      const db = archive.sqlite;
      const chunk = (id: string, n: number) => db.prepare('SELECT iv, data FROM document_chunks WHERE document_id = ? AND n = ?').get(id, n) as { iv: Buffer; data: Buffer };
      const put = (id: string, n: number, c: { iv: Buffer; data: Buffer }) =>
        db.prepare('UPDATE document_chunks SET iv = ?, data = ? WHERE document_id = ? AND n = ?').run(c.iv, c.data, id, n);

      const flipped = chunk(altered.id, 1);
      flipped.data.writeUInt8(flipped.data.readUInt8(1000) ^ 0x01, 1000);
      put(altered.id, 1, flipped);
      const [c0, c1] = [chunk(swapped.id, 0), chunk(swapped.id, 1)];
      put(swapped.id, 0, c1);
      put(swapped.id, 1, c0);
      db.prepare('DELETE FROM document_chunks WHERE document_id = ? AND n = 2').run(truncated.id);
      put(foreign.id, 1, chunk(intact.id, 1)); // same plaintext, another document's key and place
      db.prepare('UPDATE documents SET sha256 = ? WHERE id = ?').run(sha256(Buffer.from('something else')), rehashed.id);

      const problems = async (id: string) => (await verifyDocument(archive.db, id)).problem;
      expect(await problems(intact.id)).toBeNull();
      expect(await problems(altered.id)).toBe('chunkAuthentication');
      expect(await problems(swapped.id)).toBe('chunkAuthentication');
      expect(await problems(truncated.id)).toBe('chunks');
      expect(await problems(foreign.id)).toBe('chunkAuthentication');
      expect(await problems(rehashed.id)).toBe('sha256');
      expect(await verifyDocument(archive.db, altered.id)).toEqual({
        documentId: altered.id,
        archiveNo: altered.archiveNo,
        ok: false,
        problem: 'chunkAuthentication',
      });
    } finally {
      await closeArchive(archive);
    }

    const again = testHost(w.t.dir, w.t.clock);
    temp.track(again.host);
    const session = await login(again, MANAGER.username, MANAGER.password);
    for (const [doc, problem] of [
      [altered, 'chunkAuthentication'],
      [swapped, 'chunkAuthentication'],
      [truncated, 'chunks'],
      [foreign, 'chunkAuthentication'],
      [rehashed, 'sha256'],
    ] as const) {
      const error = await again.fail(session, 'documents.open', { id: doc.id, purpose: '核对' });
      expect(error, doc.title).toMatchObject({ code: 'CORRUPT', details: { documentId: doc.id, archiveNo: doc.archiveNo, problem } });
      expect(error.message).toContain(doc.archiveNo);
    }
    const fine = await again.ok(session, 'documents.open', { id: intact.id, purpose: '核对' });
    expect(Buffer.from(fine.contentBase64, 'base64').equals(png)).toBe(true);
  });
});

describe('what is refused', () => {
  it('a type mismatch, bad base64, a disallowed type or an oversized file is VALIDATION, and nothing is written', async () => {
    const w = await world();
    const pdf = pdfShowing('x');
    const png = noisePng(4, 4);
    const lastSeq = async () => (await w.t.ok(w.t.admin, 'audit.list', { limit: 1 })).entries[0]!.seq;
    const seqBefore = await lastSeq();
    const before = fingerprint(w.t.dir);

    const refuse = async (file: { name?: string; mime: string; contentBase64: string }, message: string, path: string) => {
      const input = electronic(w.customerId, pdf, 'application/pdf', { file: { name: 'x.bin', ...file } });
      const error = await w.t.fail(w.manager, 'documents.add', input);
      expect(error, `${file.mime} ${file.contentBase64.slice(0, 20)}`).toMatchObject({
        code: 'VALIDATION',
        details: [{ path: ['file', path], message }],
      });
      expect(JSON.stringify(error).length).toBeLessThan(2_000);
    };
    // What the bytes are is not what the upload says.
    await refuse({ mime: 'application/pdf', contentBase64: b64(png) }, 'document.typeMismatch', 'contentBase64');
    await refuse({ mime: 'image/png', contentBase64: b64(pdf) }, 'document.typeMismatch', 'contentBase64');
    await refuse({ mime: 'image/jpeg', contentBase64: b64(png) }, 'document.typeMismatch', 'contentBase64');
    await refuse({ mime: 'application/pdf', contentBase64: b64(Buffer.from('MZ\x90\x00 not a pdf', 'latin1')) }, 'document.typeMismatch', 'contentBase64');
    await refuse({ mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: b64(docx()) }, 'document.typeMismatch', 'contentBase64');
    await refuse({ mime: 'text/plain', contentBase64: b64(Buffer.from([0x68, 0x69, 0xff, 0xfe])) }, 'document.typeMismatch', 'contentBase64');
    // Not base64, or not canonical base64.
    for (const bad of ['%%%%', 'JVBERi0', 'JVBE Ri0x', 'JVBERi0x\n', 'JVBERi0-', 'JVBERi0_', 'QR==', '====']) {
      await refuse({ mime: 'application/pdf', contentBase64: bad }, 'document.badBase64', 'contentBase64');
    }
    // A type the archive does not keep.
    await refuse({ mime: 'application/x-msdownload', contentBase64: b64(Buffer.from('MZ\x90\x00', 'latin1')) }, 'document.mimeNotAllowed', 'mime');
    await refuse({ mime: 'text/html', contentBase64: b64(Buffer.from('<script>1</script>')) }, 'document.mimeNotAllowed', 'mime');
    // One byte over the limit, as base64 (judged before decoding: no second copy is made).
    const over = 'A'.repeat(Math.ceil((MAX_DOCUMENT_BYTES + 1) / 3) * 4);
    expect(Buffer.byteLength(over, 'base64')).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    await refuse({ mime: 'application/pdf', contentBase64: over }, 'document.tooLarge', 'contentBase64');

    expect(fingerprint(w.t.dir)).toEqual(before);
    expect(await lastSeq()).toBe(seqBefore);
    const file = await w.t.ok(w.manager, 'customers.get', { id: w.customerId, purpose: '核对' });
    expect(file.documents).toEqual([]);
  });

  it('a file of exactly the largest size is taken, and comes back whole', async () => {
    const w = await world();
    const largest = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20);
    largest.write('%PDF-1.4\n', 0, 'latin1');
    randomBytes(4096).copy(largest, MAX_DOCUMENT_BYTES - 4096);
    const meta = await w.t.ok(w.manager, 'documents.add', electronic(w.customerId, largest, 'application/pdf'));
    expect(meta.electronic).toMatchObject({ size: MAX_DOCUMENT_BYTES, sha256: sha256(largest) });
    const opened = await w.t.ok(w.manager, 'documents.open', { id: meta.id, purpose: '核对大文件' });
    expect(Buffer.from(opened.contentBase64, 'base64').equals(largest)).toBe(true);
  });

  it('users without documents.read cannot open, without documents.write cannot add; the refusal is on record', async () => {
    const w = await world();
    const auditor = await creditAuditor(w.t, w.t.admin); // before the steps: its own entries come first
    const doc = await w.t.ok(w.manager, 'documents.add', electronic(w.customerId, pdfShowing(MARKER), 'application/pdf'));
    const reviewer = await addUser(w.t, w.t.admin, { username: 'qian.pingshen', displayName: '钱评审', password: 'Reviewer-Pass-2026', roles: ['reviewer'] });
    const service = await addUser(w.t, w.t.admin, { username: 'li.kefu', displayName: '李客服', password: 'Service-Pass-2026', roles: ['service_manager'] });

    expect(await w.t.fail(reviewer.session, 'documents.open', { id: doc.id, purpose: '随便看看' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await w.t.fail(reviewer.session, 'documents.add', electronic(w.customerId, pdfShowing('x'), 'application/pdf'))).toMatchObject({
      code: 'FORBIDDEN',
    });
    // The service manager may read documents, not add them.
    expect(await w.t.fail(service.session, 'documents.add', electronic(w.customerId, pdfShowing('x'), 'application/pdf'))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const read = await w.t.ok(service.session, 'documents.open', { id: doc.id, purpose: '催收前核对合同' });
    expect(read.watermark.reader).toBe('李客服');

    const audit = await allAudit(w.t, auditor);
    expect(audit.filter((e) => e.outcome === 'denied').map((e) => `${e.username} ${e.action}`)).toEqual([
      'qian.pingshen documents.open',
      'qian.pingshen documents.add',
      'li.kefu documents.add',
    ]);
    expect(audit.filter((e) => e.action === 'documents.open' && e.outcome === 'ok').map((e) => e.username)).toEqual(['li.kefu']);
  });
});

describe('archive numbers (档号)', () => {
  it('run per department prefix and year across retention periods; a given number must be free', async () => {
    const clock = new FrozenClock('2026-11-02T01:00:00.000Z');
    const w = await world(clock);
    const pdf = pdfShowing('x');
    const add = async (customerId: string, extra: Partial<Input<'documents.add'>> = {}) =>
      (await w.t.ok(w.manager, 'documents.add', electronic(customerId, pdf, 'application/pdf', extra))).archiveNo;

    expect(await add(w.customerId, { retention: '30y' })).toBe('YW-2026-D30-000001');
    expect(await add(w.customerId, { retention: '10y' })).toBe('YW-2026-D10-000002');
    expect(await add(w.customerId, { retention: 'permanent' })).toBe('YW-2026-Y-000003');
    // Another department has its own sequence.
    expect(await add(w.creditCustomerId, { retention: '30y' })).toBe('XY-2026-D30-000001');
    // A number given by hand is kept; the sequence continues after it.
    expect(await add(w.customerId, { archiveNo: 'YW-2026-D30-000010' })).toBe('YW-2026-D30-000010');
    expect(await add(w.customerId, { retention: '10y' })).toBe('YW-2026-D10-000011');
    // A number in a house style of its own takes no part in the count.
    expect(await add(w.customerId, { archiveNo: '合同档-甲-0007' })).toBe('合同档-甲-0007');
    expect(await add(w.customerId)).toBe('YW-2026-D30-000012');

    // Numbers are unique: a taken one is refused, and nothing is written (the WAL index,
    // -shm, records readers as well: it is left out).
    const written = () => {
      const { 'archive.db-shm': _readers, ...files } = fingerprint(w.t.dir);
      return files;
    };
    const before = written();
    for (const taken of ['YW-2026-D30-000001', '合同档-甲-0007']) {
      const error = await w.t.fail(w.manager, 'documents.add', electronic(w.customerId, pdf, 'application/pdf', { archiveNo: taken }));
      expect(error).toMatchObject({ code: 'CONFLICT', details: { field: 'archiveNo' } });
    }
    expect(written()).toEqual(before);

    // The year is Beijing's: at 00:30 on 1 January there (16:30 UTC the day before) it is 2027.
    clock.advance(Date.parse('2026-12-31T16:30:00.000Z') - clock.now().getTime());
    await w.t.ok(w.manager, 'auth.unlock', { password: MANAGER.password }); // idle for two months
    expect(await add(w.customerId)).toBe('YW-2027-D30-000001');
    expect(await add(w.creditCustomerId, { retention: 'permanent' })).toBe('XY-2027-Y-000001');

    const file = await w.t.ok(w.manager, 'customers.get', { id: w.customerId, purpose: '核对档号' });
    expect(file.documents.map((d) => d.archiveNo)).toEqual([
      'YW-2026-D30-000001',
      'YW-2026-D10-000002',
      'YW-2026-Y-000003',
      'YW-2026-D30-000010',
      'YW-2026-D10-000011',
      '合同档-甲-0007',
      'YW-2026-D30-000012',
      'YW-2027-D30-000001',
    ]);
  });

  it('the year of a moment is the calendar year in China Standard Time', () => {
    expect(archiveYearOf(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(archiveYearOf(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
  });
});

describe('checking an upload', () => {
  it('takes each kept type by its signature and refuses the others', () => {
    const ok: [string, Buffer][] = [
      ['application/pdf', pdfShowing('x')],
      ['image/png', noisePng(2, 2)],
      ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])],
      ['image/gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
      ['image/gif', Buffer.from('GIF87a\x01\x00\x01\x00', 'latin1')],
      ['image/webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')])],
      ['application/msword', OLE],
      ['application/vnd.ms-excel', OLE],
      ['application/vnd.ms-powerpoint', OLE],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx()],
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx()],
      ['text/plain', Buffer.from('\ufeff客户调查原始记录：付款习惯良好。\r\n', 'utf8')],
    ];
    for (const [mime, bytes] of ok) expect(contentTypeProblem(mime, bytes), mime).toBeNull();

    const mismatched: [string, Buffer][] = [
      ['application/pdf', Buffer.from(' %PDF-1.4', 'latin1')],
      ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])], // cut short
      ['image/gif', Buffer.from('GIF90a', 'latin1')],
      ['image/webp', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
      ['application/msword', docx()],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', OLE],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', xlsx()],
      ['application/vnd.openxmlformats-officedocument.presentationml.presentation', docx()],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', zipOf({ 'word/document.xml': '<w:document/>' })], // no content types
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.from('PK\x03\x04word/ but no directory', 'latin1')],
      ['text/plain', Buffer.from([0xc3, 0x28])],
    ];
    for (const [mime, bytes] of mismatched) expect(contentTypeProblem(mime, bytes), mime).toBe('document.typeMismatch');
    expect(contentTypeProblem('application/zip', docx())).toBe('document.mimeNotAllowed');
    expect(zipEntryNames(docx())).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });

  it('decodes only canonical base64, and judges the size before decoding', () => {
    expect(decodeBase64Strict('JVBERi0x')).toEqual(Buffer.from('%PDF-1'));
    expect(decodeBase64Strict('QQ==')).toEqual(Buffer.from('A'));
    for (const bad of ['', 'QQ', 'QQ=', 'QR==', 'Q===', ' QQ==', 'QQ==\n', 'Q Q==', '-_-_', 'QQ==QQ==', '****']) {
      expect(decodeBase64Strict(bad), JSON.stringify(bad)).toBeNull();
    }
    const justFits = 'A'.repeat((Math.floor(MAX_DOCUMENT_BYTES / 3) - 1) * 4);
    expect(checkUploadedFile('application/pdf', justFits)).toEqual({ ok: false, problem: 'document.typeMismatch', path: 'contentBase64' });
  });
});

describe('queries', () => {
  it('documentMetaOf keeps the order asked for and leaves out ids that name nothing; documentsOfCustomer lists in order added', async () => {
    const w = await world();
    const pdf = pdfShowing('x');
    const first = await w.t.ok(w.manager, 'documents.add', electronic(w.customerId, pdf, 'application/pdf', { title: '第一份' }));
    w.t.clock.advance(1000);
    const second = await w.t.ok(w.manager, 'documents.add', electronic(w.customerId, pdf, 'application/pdf', { title: '第二份' }));
    await w.t.ok(w.manager, 'documents.add', electronic(w.creditCustomerId, pdf, 'application/pdf', { title: '别的客户的' }));
    await w.t.host.close();
    const archive = await openWithRecoveryCode(w.t.dir, w.t.recoveryCode);
    try {
      const nothing = '0190a000-0000-7000-8000-00000000beef';
      expect(await documentMetaOf(archive.db, [second.id, nothing, first.id])).toEqual([second, first]);
      expect(await documentsOfCustomer(archive.db, w.customerId)).toEqual([first, second]);
      expect(await documentsOfCustomer(archive.db, nothing)).toEqual([]);
    } finally {
      await closeArchive(archive);
    }
  });
});
