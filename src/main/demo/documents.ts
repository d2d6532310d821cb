// Documents to open in the viewer (and see its watermark): for a few customers, a scan of
// the business licence (PNG) and the signed contract (PDF), made here in code. The PDF is
// a minimal valid PDF 1.4 (one page, the standard Helvetica font, so its text is Latin);
// the PNG is drawn pixel by pixel and deflated with node:zlib. Pure and deterministic:
// the same customer gives the same bytes.

import { crc32, deflateSync } from 'node:zlib';
import type { DOCUMENT_CATEGORIES, RETENTION_PERIODS, CONFIDENTIALITY_LEVELS } from '../../shared/domain/customers';
import type { DemoContract, DemoCustomer } from './types';

export interface DemoDocument {
  category: (typeof DOCUMENT_CATEGORIES)[number];
  title: string;
  retention: (typeof RETENTION_PERIODS)[number];
  confidentiality: (typeof CONFIDENTIALITY_LEVELS)[number];
  file: { name: string; mime: 'application/pdf' | 'image/png'; bytes: Buffer };
  /** Where the paper original is kept (档案柜 cabinet, 层 shelf, 盒 box). */
  location: { cabinet: string; shelf: string; box: string };
}

/** How many customers get documents in a demo archive: enough to try the viewer. */
export const CUSTOMERS_WITH_DOCUMENTS = 4;

// ---------------------------------------------------------------------------------------
// PDF

/** A string as a PDF literal: backslash, parentheses escaped; anything but printable ASCII dropped. */
function pdfText(text: string): string {
  return `(${text.replace(/[^\x20-\x7e]/g, '').replace(/([\\()])/g, '\\$1')})`;
}

/** A circle as four Bézier curves (the path operators of PDF). */
function circle(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  const p = (x: number, y: number) => `${(cx + x).toFixed(1)} ${(cy + y).toFixed(1)}`;
  return [
    `${p(r, 0)} m`,
    `${p(r, k)} ${p(k, r)} ${p(0, r)} c`,
    `${p(-k, r)} ${p(-r, k)} ${p(-r, 0)} c`,
    `${p(-r, -k)} ${p(-k, -r)} ${p(0, -r)} c`,
    `${p(k, -r)} ${p(r, -k)} ${p(r, 0)} c`,
  ].join(' ');
}

/**
 * A one-page A4 PDF: a title, lines of text and a signature box. Every object's offset is
 * recorded in the cross-reference table, so readers need no repair.
 */
export function simplePdf(title: string, lines: readonly string[]): Buffer {
  const ops: string[] = ['0.2 0.3 0.5 RG 1.5 w 50 770 m 545 770 l S', 'BT /F2 18 Tf 50 785 Td', `${pdfText(title)} Tj ET`];
  lines.forEach((line, i) => ops.push(`BT /F1 11 Tf 50 ${740 - i * 20} Td ${pdfText(line)} Tj ET`));
  const boxTop = 740 - lines.length * 20 - 30;
  ops.push(`0.5 0.5 0.5 RG 0.8 w 330 ${boxTop - 90} 215 90 re S`);
  ops.push(`BT /F1 10 Tf 340 ${boxTop - 20} Td ${pdfText('Signature and seal')} Tj ET`);
  ops.push(`0.75 0.1 0.1 RG 2 w ${circle(437, boxTop - 50, 28)} S`);
  const content = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------------------------------
// PNG

type Rgb = readonly [number, number, number];

/** An RGB canvas drawn with rectangles and rings, written as a PNG (8-bit RGB, no interlace). */
class Canvas {
  readonly pixels: Buffer;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = Buffer.alloc(width * height * 3);
    this.rect(0, 0, width, height, background);
  }

  rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++) {
      for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) {
        const p = (j * this.width + i) * 3;
        this.pixels[p] = r;
        this.pixels[p + 1] = g;
        this.pixels[p + 2] = b;
      }
    }
  }

  ring(cx: number, cy: number, radius: number, thickness: number, colour: Rgb): void {
    for (let j = cy - radius; j <= cy + radius; j++) {
      for (let i = cx - radius; i <= cx + radius; i++) {
        const d = Math.hypot(i - cx, j - cy);
        if (d <= radius && d >= radius - thickness) this.rect(i, j, 1, 1, colour);
      }
    }
  }

  png(): Buffer {
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height);
    for (let j = 0; j < this.height; j++) {
      raw[j * (this.width * 3 + 1)] = 0; // filter: none
      this.pixels.copy(raw, j * (this.width * 3 + 1) + 1, j * this.width * 3, (j + 1) * this.width * 3);
    }
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(typed));
      return Buffer.concat([length, typed, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, adaptive filtering, no interlace
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

/**
 * A scan of a business licence, as an account manager photographs it: the cream paper,
 * its border, lines of print (the seed's digits set their lengths) and the red seal.
 */
export function licenceScan(seedText: string): Buffer {
  const canvas = new Canvas(720, 500, [246, 241, 228]);
  const border: Rgb = [150, 110, 50];
  canvas.rect(18, 18, 684, 6, border);
  canvas.rect(18, 476, 684, 6, border);
  canvas.rect(18, 18, 6, 464, border);
  canvas.rect(696, 18, 6, 464, border);
  canvas.rect(260, 50, 200, 26, [60, 60, 60]); // the title
  const digits = seedText.replace(/\D/g, '').padEnd(12, '7');
  for (let k = 0; k < 9; k++) {
    const length = 180 + ((Number(digits[k % digits.length]) * 37 + k * 53) % 260);
    canvas.rect(70, 120 + k * 34, 90, 10, [90, 90, 90]); // the field's name
    canvas.rect(180, 120 + k * 34, length, 10, [40, 40, 40]); // its value
  }
  canvas.rect(560, 120, 100, 100, [30, 30, 30]); // the QR code's place
  canvas.rect(570, 130, 80, 80, [246, 241, 228]);
  canvas.rect(590, 150, 40, 40, [30, 30, 30]);
  canvas.ring(590, 390, 62, 7, [200, 30, 30]); // the registration authority's seal
  canvas.rect(560, 386, 60, 8, [200, 30, 30]);
  return canvas.png();
}

// ---------------------------------------------------------------------------------------
// What a customer gets

function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The documents of a customer in the demo: its licence scan (companies) and its newest contract. */
export function documentsOf(c: DemoCustomer, box: number): DemoDocument[] {
  const documents: DemoDocument[] = [];
  const location = { cabinet: 'A', shelf: String(1 + (box % 5)), box: String(box).padStart(3, '0') };
  if (c.kind === 'enterprise' && c.creditCode) {
    documents.push({
      category: 'licence',
      title: '营业执照（副本）扫描件',
      retention: '30y',
      confidentiality: 'normal',
      file: { name: '营业执照.png', mime: 'image/png', bytes: licenceScan(c.creditCode) },
      location,
    });
  }
  const contract: DemoContract | undefined = c.contracts.at(-1);
  if (contract) {
    documents.push({
      category: 'contract',
      title: `${contract.title}（${contract.contractNo}）`,
      retention: '30y',
      confidentiality: c.confidentiality === 'normal' ? 'secret' : c.confidentiality,
      file: {
        name: `${contract.contractNo}.pdf`,
        mime: 'application/pdf',
        bytes: simplePdf(`Contract ${contract.contractNo}`, [
          `Customer code: ${c.creditCode ?? c.idNumber ?? ''}`,
          `Signed on: ${contract.signedOn}`,
          `Term: ${contract.startOn ?? ''} to ${contract.endOn ?? ''}`,
          `Amount: CNY ${yuan(contract.amountFen)}`,
          `Payment: within ${c.termDays} days of each delivery`,
          'Both parties have read and agreed to all terms of this contract.',
        ]),
      },
      location,
    });
  }
  return documents;
}
