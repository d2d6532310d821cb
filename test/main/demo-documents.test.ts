import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { licenceScan, simplePdf } from '../../src/main/demo/documents';

// The demo's documents must open in the viewer: a PDF that pdf.js reads without repair,
// and a PNG whose chunks and pixels are whole.

describe('the demo documents', () => {
  it('makes a PDF that pdf.js opens, with its text on one page', async () => {
    const bytes = simplePdf('Contract YW-2026-0012', ['Amount: CNY 12,000.00', 'Quoted (and) back\\slashed']);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
    expect(pdf.numPages).toBe(1);
    const page = await pdf.getPage(1);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('|');
    expect(text).toContain('Contract YW-2026-0012');
    expect(text).toContain('Amount: CNY 12,000.00');
    expect(text).toContain('Quoted (and) back\\slashed');
    // Every cross-reference offset points at its object.
    const raw = bytes.toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(raw)![1]);
    const offsets = raw.slice(xref).split('\n').slice(3, 9).map((l) => Number(l.slice(0, 10)));
    offsets.forEach((offset, i) => expect(raw.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
    await pdf.destroy();
  });

  it('makes a PNG whose image data inflates to every row of the picture, the same for the same customer', () => {
    const png = licenceScan('91310000MA1FL0001X');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      chunks.push({ type: png.subarray(at + 4, at + 8).toString('latin1'), data: png.subarray(at + 8, at + 8 + length) });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const width = chunks[0]!.data.readUInt32BE(0);
    const height = chunks[0]!.data.readUInt32BE(4);
    expect(inflateSync(chunks[1]!.data).length).toBe((width * 3 + 1) * height);
    expect(licenceScan('91310000MA1FL0001X').equals(png)).toBe(true);
    expect(licenceScan('91440300MA5G00002Y').equals(png)).toBe(false);
  });
});
