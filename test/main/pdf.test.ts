import { describe, expect, it } from 'vitest';
import { PaperDocument, pdfDay, pdfFileName, pdfMoment, pdfMoney, projectPdfFontPath, type Cell } from '../../src/main/pdf';
import { useTempDirs } from './helpers';
import { expectSubsetFont, readPdf, renderPage, squash } from './pdf-read';

// The PDF module every paper form builds on (src/main/pdf): a bordered grid that goes on
// over pages with its header rows repeated, the footer's page numbers, line breaks in
// cells, the embedded font subset, and how dates and money print.

const temp = useTempDirs();

describe('the PDF module (paper-form documents)', () => {
  it('prints dates as YYYY-MM-DD, money as ¥ with two decimals, and safe file names', () => {
    expect(pdfDay('2026-11-02')).toBe('2026-11-02');
    expect(pdfDay(new Date(2026, 10, 2, 23, 59))).toBe('2026-11-02');
    expect(pdfDay(null)).toBe('—');
    expect(pdfMoment(new Date(2026, 0, 5, 9, 7))).toBe('2026-01-05 09:07');
    expect(pdfMoney(123_456_789)).toBe('¥1,234,567.89');
    expect(pdfMoney(5)).toBe('¥0.05');
    expect(pdfMoney(-1_00)).toBe('-¥1.00');
    expect(pdfMoney(null)).toBe('—');
    expect(pdfFileName(['借阅登记簿', 'A/B:C*', '2026-11-02'])).toBe('借阅登记簿-A_B_C_-2026-11-02.pdf');
  });

  it('continues a long grid on new pages with its header repeated, numbers every page, and embeds only the glyphs used', async () => {
    const fontPath = projectPdfFontPath();
    expect(fontPath).not.toBeNull();
    const pdf = new PaperDocument({ fontPath: fontPath!, title: '借阅登记簿', createdAt: new Date(2026, 10, 2, 10, 0), footer: '导出：孙七 2026-11-02 10:00' });
    pdf.title('借阅登记簿');
    const head: Cell[] = [{ text: '序号', label: true }, { text: '借阅人', label: true }, { text: '借出日期', label: true }, { text: '押金', label: true }, { text: '说明', label: true }];
    const rows: Cell[][] = Array.from({ length: 90 }, (_, i) => [
      { text: String(i + 1), align: 'center' },
      { text: i % 2 ? '张三' : '李四' },
      { text: pdfDay(new Date(2026, 0, 1 + i)) },
      { text: pdfMoney(1_000_00 + i), align: 'right' },
      // A cell of two lines: both drawn, the row as high as they are.
      { text: i === 0 ? '第一行\n第二行' : '' },
    ]);
    pdf.grid([head, ...rows], { columns: [0.6, 1, 1.2, 1.2, 2], repeat: [head] });
    const bytes = await pdf.finish();
    const read = readPdf(temp, bytes, 'grid');
    expect(read.pages).toBeGreaterThan(1);
    const pages = read.text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(read.pages);
    pages.forEach((page, i) => {
      const text = squash(page);
      // The header row on every page, the page number of every page.
      expect(text, `page ${i + 1}`).toMatch(/序号 借阅人 借出日期 押金 说明/);
      expect(text, `page ${i + 1}`).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*/\\s*共\\s*${read.pages}\\s*页`));
      expect(text).toContain('导出：孙七 2026-11-02 10:00');
    });
    const all = squash(read.text);
    expect(all).toMatch(/第一行\s+1 李四 2026-01-01 ¥1,000.00\s+第二行/);
    expect(all).toMatch(/90 张三 2026-03-31 ¥1,000.89/);
    // No row was lost or printed twice across the page breaks.
    for (let n = 1; n <= 90; n++) expect(all.match(new RegExp(`(^|\\n) *${n} (张三|李四) `, 'g')), `row ${n}`).toHaveLength(1);
    expectSubsetFont(read.fonts);
    // A few dozen glyphs of a 5 MB font: the subset is small.
    expect(bytes.length).toBeLessThan(120_000);
    renderPage(read.file, 'pdf-module-grid-page2', 2);
  });
});
