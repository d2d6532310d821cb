// The one font every PDF of the app embeds: Noto Sans CJK SC cut down to GBK and the
// punctuation of forms (resources/fonts/NotoSansSC-PDF.otf, made by
// scripts/subset-pdf-font.py; docs/decisions/0020-pdf.md). The installed app cannot rely
// on the fonts of the machine, so it ships this one: electron-builder copies
// resources/fonts/ to <resources>/fonts/ beside the app, the shell hands the path to the
// host; from source (tests, the CLI, the browser host, `npm start`) it is the project's.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PDF_FONT_FILE = 'NotoSansSC-PDF.otf';

export interface PdfFontPlace {
  isPackaged: boolean;
  /** process.resourcesPath: electron-builder copies resources/fonts/ to <resources>/fonts/. */
  resourcesPath: string;
  /** app.getAppPath(): the project folder when run from source. */
  appPath: string;
}

/** Where the desktop app finds the font: beside the packaged app, or in the project. */
export function pdfFontPath(place: PdfFontPlace): string {
  return place.isPackaged ? join(place.resourcesPath, 'fonts', PDF_FONT_FILE) : join(place.appPath, 'resources', 'fonts', PDF_FONT_FILE);
}

/**
 * The project's copy, found from this module upwards (src/main/pdf when run from source,
 * out/main when built): for the tests, the CLI and the browser host.
 */
export function projectPdfFontPath(from: string = import.meta.dirname): string | null {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'fonts', PDF_FONT_FILE);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}
