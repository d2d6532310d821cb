import { PaperDocument } from '../../pdf';

// The collection letter (催款函) as a PDF: the administrator's template filled from the file,
// laid out like a letter — the first line, when it is a short heading, centred as the title;
// then the lines as written (see below), blank lines as space. Made in memory (docs/decisions/0020-pdf.md):
// the bytes go back to the caller, who lets the user choose where to save them.

export interface LetterPrint {
  fontPath: string;
  text: string;
  customerName: string;
  printedBy: string;
  now: Date;
}

export async function letterPdf(print: LetterPrint): Promise<{ bytes: Buffer; pages: number }> {
  const pdf = new PaperDocument({
    fontPath: print.fontPath,
    title: `催款函 ${print.customerName}`,
    subject: '催款函',
    createdAt: print.now,
    footer: `${print.printedBy} 打印`,
  });
  const lines = print.text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  if (lines.length > 0 && lines[0]!.trim().length <= 12) {
    pdf.space(20).title(lines.shift()!.trim(), 20).space(10);
  }
  // As a Chinese letter is set: the salutation (ending in ：) flush left, paragraphs
  // indented by two characters, and after 此致 the sender and the date flush right.
  let closing = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      pdf.space(8);
      continue;
    }
    if (closing) pdf.paragraph(line, { size: 11.5, gap: 6, align: 'right' });
    else if (/[：:]$/.test(line)) pdf.paragraph(line, { size: 11.5, gap: 6 });
    else pdf.paragraph(`\u3000\u3000${line}`, { size: 11.5, gap: 6 });
    if (line === '此致') closing = true;
  }
  const pages = pdf.doc.bufferedPageRange().count;
  return { bytes: await pdf.finish(), pages };
}
