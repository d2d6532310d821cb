// What the window's browser session keeps on disk (nothing of the app's pages), which
// Chromium switches say so for the parts a session does not cover, and what happens to a
// download (an export). No Electron here: app.ts applies these, the tests check them
// (test/main/electron/session-policy.test.ts); docs/electron-checks.md says how to check
// the rest on a machine with a display.
import { basename, extname, join } from 'node:path';

/**
 * The window's session. A partition name without the `persist:` prefix is an in-memory
 * session: its HTTP cache, code cache, blob storage, local storage and cookies live in
 * memory and are gone when the app quits.
 */
export const WINDOW_PARTITION = 'credit-archive-window';

export function isInMemoryPartition(partition: string): boolean {
  return partition !== '' && !partition.startsWith('persist:');
}

/**
 * Chromium switches set before 'ready', for what lies outside a session: the GPU shader
 * cache (written under userData whatever the session), the disk cache of anything still
 * using the default session, and crash reporting (Crashpad/Breakpad dumps hold memory,
 * so page content; the app never starts the crash reporter either).
 */
export const PRIVACY_SWITCHES: readonly (readonly [string, string?])[] = [
  ['disk-cache-size', '0'],
  ['disable-gpu-shader-disk-cache'],
  ['disable-crash-reporter'],
  ['disable-breakpad'],
];

export interface WindowPreferenceInputs {
  preload: string;
  isDev: boolean;
}

/** The window's webPreferences: hardened (docs/decisions/0007) and kept off the disk. */
export function windowWebPreferences({ preload, isDev }: WindowPreferenceInputs) {
  return {
    preload,
    partition: WINDOW_PARTITION,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false, // the spell-check dictionary service downloads and caches files
    devTools: isDev,
    v8CacheOptions: 'none' as const, // no V8 code cache for the page's scripts
  };
}

/** What a download looks like to the policy (Electron's DownloadItem, as plain data). */
export interface DownloadInfo {
  url: string;
  suggestedName: string;
  mimeType: string;
  totalBytes: number;
}

export interface DownloadDecision {
  allow: boolean;
  /** The save dialog the user answers: where the export goes is always asked. */
  dialog?: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] };
}

const KINDS: Record<string, string> = {
  '.xlsx': 'Excel 工作簿 Excel workbook',
  '.csv': 'CSV 文本 CSV text',
  '.pdf': 'PDF 文档 PDF document',
  '.zip': 'ZIP 压缩包 ZIP archive',
};

/**
 * A download is an export the page made itself (a blob: or data: URL of our page, never
 * a fetched URL): the user is asked where to save it, with the page's file name suggested.
 */
export function decideDownload(info: DownloadInfo, downloadsDir: string): DownloadDecision {
  const scheme = info.url.split(':', 1)[0]?.toLowerCase();
  if (scheme !== 'blob' && scheme !== 'data') return { allow: false };
  const name = safeFileName(info.suggestedName);
  const ext = extname(name).toLowerCase();
  const filters = KINDS[ext] ? [{ name: KINDS[ext], extensions: [ext.slice(1)] }] : [];
  return { allow: true, dialog: { title: '保存导出文件 Save export', defaultPath: join(downloadsDir, name), filters } };
}

/** The page's suggested name as a plain file name: no folders, no control characters. */
export function safeFileName(suggested: string): string {
  const plain = basename(suggested.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return plain === '' || plain === '.' || plain === '..' ? '导出 export' : plain.slice(0, 200);
}

/** The audit note of a finished export: what was saved, not where (the path is the user's own). */
export function exportRecord(info: DownloadInfo, savePath: string, receivedBytes: number) {
  return { fileName: basename(savePath).slice(0, 255), mimeType: info.mimeType.slice(0, 100), bytes: receivedBytes };
}
