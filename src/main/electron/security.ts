// The pure rules of the window's hardening: which page is ours, which policy it runs
// under, which file the app:// protocol may serve. No Electron here, so the rules are
// unit-tested (test/main/electron/security.test.ts).
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The packaged renderer is served from app://archive/ (a standard, secure scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'archive';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `url` belongs to `origin` (scheme + host + port). WHATWG URL gives every
 * non-special scheme (app:) an opaque "null" origin, so compare the parts instead.
 */
export function isSameOrigin(url: string, origin: string): boolean {
  let u: URL;
  let o: URL;
  try {
    u = new URL(url);
    o = new URL(origin);
  } catch {
    return false;
  }
  if (u.protocol === 'file:' || u.protocol === 'data:' || u.protocol === 'blob:') return false;
  return u.protocol === o.protocol && u.host === o.host && u.host !== '';
}

/** What the shell knows about the frame that sent an IPC message. */
export interface SenderInfo {
  /** id of the WebContents the message came from. */
  webContentsId: number;
  /** The sending frame; null when it was destroyed or navigated away meanwhile. */
  frame: { url: string; isMainFrame: boolean } | null;
}

/** The one page allowed to call: our window's main frame, showing our own origin. */
export interface TrustedPage {
  /** The id of our window's WebContents, or null when there is no window. */
  webContentsId: number | null;
  origin: string;
}

export function isTrustedSender(sender: SenderInfo, page: TrustedPage): boolean {
  if (page.webContentsId === null || sender.webContentsId !== page.webContentsId) return false;
  if (!sender.frame || !sender.frame.isMainFrame) return false;
  return isSameOrigin(sender.frame.url, page.origin);
}

/**
 * Every permission is refused, with one exception: our own page may write (not read) the
 * clipboard, so the setup wizard's "copy recovery code" button works.
 */
export function isPermissionGranted(permission: string, requestingUrl: string, origin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isSameOrigin(requestingUrl, origin);
}

/**
 * The Content-Security-Policy of the window. Mantine writes its CSS variables in
 * <style> elements and style attributes, hence 'unsafe-inline' for styles only. The dev
 * server additionally needs React Refresh's inline preamble and Vite's HMR websocket.
 */
export function contentSecurityPolicy(devServerOrigin?: string): string {
  const dev = devServerOrigin ? new URL(devServerOrigin) : null;
  const hmr = dev ? ` ws://${dev.host} wss://${dev.host}` : '';
  return [
    "default-src 'none'",
    `script-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${hmr}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The file an app://archive/… request may read: inside `rendererDir`, or null (a
 * different host, a path that climbs out, an encoded separator).
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(rendererDir);
  const file = resolve(base, `.${path}`);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** The Content-Type app:// answers with; unknown kinds are served as opaque bytes. */
export function contentTypeFor(file: string): string {
  const dot = file.lastIndexOf('.');
  const ext = dot >= 0 ? file.slice(dot).toLowerCase() : '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
