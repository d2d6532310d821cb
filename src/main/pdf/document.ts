// The PDFs of the app (评审表 of issue 9; later the 借阅登记簿, the 催款函, the audit
// register) laid out like their paper originals: an A4 page, a centred title, bordered
// grids of label and value cells, and a footer with who printed it, when, and the page
// numbers. Made with pdfkit in memory (no Electron, no file): the bytes go back to the
// caller, who lets the user choose where to save them. The Chinese font is embedded as a
// subset of the glyphs used (font.ts). See docs/decisions/0020-pdf.md.
import PDFDocument from 'pdfkit';

/** A4 in points, and the margins of a paper form (about 18 mm). */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const FOOTER_GAP = 20;

export const PDF_COLORS = { ink: '#000000', muted: '#555555', label: '#f0f0f0', rule: '#000000' } as const;

export interface PdfSetup {
  /** The path of the font to embed (font.ts). */
  fontPath: string;
  title: string;
  subject?: string;
  /** The app, as the PDF's author and creator. */
  author?: string;
  /** The moment printed on the document (the host's clock). */
  createdAt: Date;
  /** Left of the footer on every page: who printed it and when, the record number … */
  footer?: string;
}

export type Align = 'left' | 'center' | 'right';

export interface Cell {
  text: string;
  /** How many columns of the grid the cell covers (1 by default). */
  span?: number;
  /** A label cell: shaded, centred, like the printed words of the form. */
  label?: boolean;
  align?: Align;
  /** Smaller text under the cell's text, right-aligned (签字 / 日期). */
  note?: string;
  size?: number;
}

export interface GridOptions {
  /** The columns' relative widths (they share the width between the margins). */
  columns: number[];
  /** Rows drawn again at the top of each page the grid continues on. */
  repeat?: Cell[][];
  size?: number;
  /** The least height of a row, in points. */
  minRowHeight?: number;
}

const PAD = 4;

/**
 * One document being written. Text flows down the page; `grid` draws bordered rows and
 * starts a new page when a row does not fit, repeating the grid's header rows there.
 */
export class PaperDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly footer: string;
  readonly left = MARGIN;
  readonly width = A4.width - 2 * MARGIN;

  constructor(setup: PdfSetup) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
      bufferPages: true,
      font: setup.fontPath,
      lang: 'zh-CN',
      displayTitle: true,
      pdfVersion: '1.7',
      info: {
        Title: setup.title,
        Subject: setup.subject ?? setup.title,
        Author: setup.author ?? '客户信用档案',
        Creator: setup.author ?? '客户信用档案',
        Producer: '客户信用档案',
        CreationDate: setup.createdAt,
        ModDate: setup.createdAt,
      },
    });
    this.footer = setup.footer ?? '';
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.fillColor(PDF_COLORS.ink).strokeColor(PDF_COLORS.rule).lineWidth(0.8);
  }

  get y(): number {
    return this.doc.y;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when less than `height` is left on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** The form's title, centred, large, with space under it. */
  title(text: string, size = 18): this {
    this.doc.fontSize(size).text(text, this.left, this.doc.y, { width: this.width, align: 'center', characterSpacing: 2 });
    this.doc.moveDown(0.5);
    return this;
  }

  /** A line of text across the page (a note, a subtitle). */
  paragraph(text: string, options: { size?: number; align?: Align; color?: string; gap?: number } = {}): this {
    this.doc.fontSize(options.size ?? 9).fillColor(options.color ?? PDF_COLORS.ink);
    this.ensure(this.doc.heightOfString(text, { width: this.width }));
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: options.align ?? 'left' });
    this.doc.fillColor(PDF_COLORS.ink);
    this.doc.y += options.gap ?? 2;
    return this;
  }

  /** Vertical space, in points. */
  space(points: number): this {
    this.doc.y += points;
    return this;
  }

  /** A heading above a grid: the section's name. */
  heading(text: string, size = 11): this {
    this.ensure(size * 3);
    this.doc.fontSize(size).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.y += 3;
    return this;
  }

  /**
   * Bordered rows of cells, each row as high as its tallest cell. Every row's spans add up
   * to the number of columns. Rows that share a border are drawn edge to edge, so the
   * grid reads as one table, like the paper form.
   */
  grid(rows: Cell[][], options: GridOptions): this {
    const total = options.columns.reduce((a, b) => a + b, 0);
    const widths = options.columns.map((c) => (c / total) * this.width);
    const size = options.size ?? 9.5;
    const minHeight = options.minRowHeight ?? 20;
    const measure = (row: Cell[]) => this.rowHeight(row, widths, size, minHeight);
    let first = true;
    for (const row of rows) {
      const height = measure(row);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        if (!first && options.repeat) for (const header of options.repeat) this.drawRow(header, widths, size, measure(header));
      }
      this.drawRow(row, widths, size, height);
      first = false;
    }
    this.doc.x = this.left;
    this.doc.y += 6;
    return this;
  }

  /**
   * The height of a text in a width, line by line: pdfkit measures a line break as a glyph
   * of the font (a full em of the CJK font), so a line ending in one would wrap early.
   */
  private measure(text: string, width: number): number {
    return text.split('\n').reduce((h, line) => h + this.doc.heightOfString(line === '' ? ' ' : line, { width, lineGap: 1 }), 0);
  }

  /** Writes a text line by line from (x, y) in a width (see measure). */
  private write(text: string, x: number, y: number, width: number, align: Align): void {
    let top = y;
    for (const line of text.split('\n')) {
      if (line !== '') this.doc.text(line, x, top, { width, align, lineGap: 1 });
      top += this.doc.heightOfString(line === '' ? ' ' : line, { width, lineGap: 1 });
    }
  }

  private cellWidths(row: Cell[], widths: number[]): number[] {
    let column = 0;
    const out = row.map((cell) => {
      const span = cell.span ?? 1;
      const w = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      return w;
    });
    if (column !== widths.length) throw new Error(`a grid row spans ${column} of ${widths.length} columns`);
    return out;
  }

  private cellHeight(cell: Cell, width: number, size: number): number {
    const inner = width - 2 * PAD;
    this.doc.fontSize(cell.size ?? size);
    let h = cell.text === '' ? size : this.measure(cell.text, inner);
    if (cell.note) {
      this.doc.fontSize((cell.size ?? size) - 1.5);
      h += 3 + this.measure(cell.note, inner);
    }
    return h + 2 * PAD;
  }

  private rowHeight(row: Cell[], widths: number[], size: number, minHeight: number): number {
    const ws = this.cellWidths(row, widths);
    return Math.max(minHeight, ...row.map((cell, i) => this.cellHeight(cell, ws[i]!, size)));
  }

  private drawRow(row: Cell[], widths: number[], size: number, height: number): void {
    const { doc } = this;
    const ws = this.cellWidths(row, widths);
    const top = doc.y;
    let x = this.left;
    row.forEach((cell, i) => {
      const w = ws[i]!;
      if (cell.label) doc.rect(x, top, w, height).fill(PDF_COLORS.label);
      doc.rect(x, top, w, height).stroke(PDF_COLORS.rule);
      doc.fillColor(PDF_COLORS.ink).fontSize(cell.size ?? size);
      const inner = w - 2 * PAD;
      const textHeight = cell.text === '' ? 0 : this.measure(cell.text, inner);
      // One-line cells sit in the middle of the row; longer texts start at the top.
      const block = textHeight + (cell.note ? 3 + this.noteHeight(cell, inner, size) : 0);
      const y = block < height - 2 * PAD ? top + (height - block) / 2 : top + PAD;
      if (cell.text !== '') this.write(cell.text, x + PAD, y, inner, cell.align ?? (cell.label ? 'center' : 'left'));
      if (cell.note) {
        doc.fontSize((cell.size ?? size) - 1.5).fillColor(PDF_COLORS.muted);
        this.write(cell.note, x + PAD, y + textHeight + 3, inner, 'right');
        doc.fillColor(PDF_COLORS.ink);
      }
      x += w;
    });
    doc.x = this.left;
    doc.y = top + height;
  }

  private noteHeight(cell: Cell, inner: number, size: number): number {
    this.doc.fontSize((cell.size ?? size) - 1.5);
    const h = this.measure(cell.note ?? '', inner);
    this.doc.fontSize(cell.size ?? size);
    return h;
  }

  /** The footer of every page (who printed it, when; 第 n 页 / 共 m 页), then the bytes. */
  async finish(): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      // Writing below the bottom margin would start a new page: lift it while the footer is drawn.
      doc.page.margins.bottom = 0;
      const y = doc.page.height - MARGIN - 4;
      doc.fontSize(8).fillColor(PDF_COLORS.muted);
      doc.moveTo(this.left, y - 4).lineTo(this.left + this.width, y - 4).lineWidth(0.4).stroke(PDF_COLORS.muted);
      if (this.footer) doc.text(this.footer, this.left, y, { width: this.width * 0.75, lineBreak: false });
      doc.text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, this.left, y, { width: this.width, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
      doc.fillColor(PDF_COLORS.ink).lineWidth(0.8);
    }
    doc.end();
    return this.done;
  }
}
