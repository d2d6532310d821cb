// pdf.js, loaded only when a PDF is opened. Its worker is a file of our own build (the
// page's CSP allows scripts and workers from 'self' only); the CMaps and standard fonts
// that PDFs without embedded fonts need (Chinese ones especially) are bundled too and
// handed over from memory, so nothing is fetched from anywhere else.
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { base64ToBytes } from '../../app/files';

GlobalWorkerOptions.workerSrc = workerUrl;

/** File name -> URL of the bundled copy (the URLs only: the bytes are fetched on demand). */
function byFileName(urls: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
}

const CMAPS = byFileName(
  import.meta.glob<string>('../../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default', eager: true }),
);
const STANDARD_FONTS = byFileName(
  import.meta.glob<string>('../../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url', import: 'default', eager: true }),
);

/** pdf.js asks this for a CMap or a standard font by file name; it answers from our own bundle. */
class BundledDataFactory {
  constructor(_options: unknown) {}

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const table = kind === 'cMapUrl' ? CMAPS : kind === 'standardFontDataUrl' ? STANDARD_FONTS : null;
    const url = table?.get(filename);
    if (!url) throw new Error(`not bundled: ${kind} ${filename}`);
    // Small files are inlined by the build as data: URLs, which the CSP does not let
    // fetch() read: they are decoded here instead.
    if (url.startsWith('data:')) return base64ToBytes(url.slice(url.indexOf(',') + 1));
    const response = await fetch(url);
    if (!response.ok) throw new Error(`bundled file missing: ${filename}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

/** Open a PDF from bytes in memory (the bytes are handed to the worker). */
export function openPdf(bytes: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    useWasm: false,
    useWorkerFetch: false,
    BinaryDataFactory: BundledDataFactory,
    cMapUrl: 'bundled/',
    cMapPacked: true,
    standardFontDataUrl: 'bundled/',
    stopAtErrors: false,
  });
}
