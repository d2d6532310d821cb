import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { useTempDirs } from './helpers';

// Reading a PDF back as a person opening the saved file would: its text (pdftotext), its
// fonts (pdffonts), its pages (pdfinfo), a page as a PNG (pdftoppm, under
// test-results/screenshots to be looked at). poppler-utils: .ci/run installs it.

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');

export interface Exported {
  fileName: string;
  mime: string;
  contentBase64: string;
  pages: number;
  sha256: string;
}

/** The PDF's text as pdftotext lays it out, its fonts as pdffonts lists them. */
export function readPdf(temp: ReturnType<typeof useTempDirs>, exported: Exported | Buffer, name: string) {
  const dir = temp.make();
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, Buffer.isBuffer(exported) ? exported : Buffer.from(exported.contentBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return { file, text, fonts, pages };
}

/** A page as a PNG under test-results/screenshots (looked at by hand). */
export function renderPage(file: string, name: string, page = 1): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const prefix = join(SCREENSHOTS, name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

/** Every font embedded as a subset (pdffonts: emb yes, sub yes), and only the shipped Noto Sans SC. */
export function expectSubsetFont(fonts: string): void {
  const rows = fonts.split('\n').slice(2).filter((l) => l.trim() !== '');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toMatch(/^[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
  }
}

/** Collapses pdftotext's layout spaces, so a table row reads as one line of words. */
export const squash = (text: string) => text.replace(/[ \t]+/g, ' ');

/** Page 1 as a PNG. */
export const renderPage1 = (file: string, name: string) => renderPage(file, name, 1);
