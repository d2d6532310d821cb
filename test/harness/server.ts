// The browser host: the real renderer, served to a real Chromium, relaying every call to
// the same archive host the desktop app runs — for end-to-end tests and screenshots where
// the Electron binary cannot be had. A development and test tool: never in the installer.
//
//   npm run browser -- --archive DIR [--port N]
//
// Bound to 127.0.0.1 only. Each start makes a random token; the first line printed is the
// URL to open (it carries the token). Every request must present the token: the page by
// its query (which also sets a same-site, HTTP-only cookie for the page's assets), and
// every call by a header that only the bridge script knows — a header, not a cookie, so
// that no other page on this machine can make calls through the user's browser.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  contract,
  isMethodName,
  type Envelope,
  type FieldIssue,
  type HostMethodName,
  type MethodName,
  type Output,
} from '../../src/shared/contract';
import { contentSecurityPolicy, contentTypeFor } from '../../src/main/electron/security';
import { createArchiveHost } from '../../src/main/host';
import type { ArchiveHost, ArchiveHostOptions } from '../../src/main/host/types';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const DEFAULT_RENDERER_DIR = resolve(REPO_ROOT, 'out/renderer');
/** The largest call body accepted. Calls are small JSON; anything bigger is refused unread. */
// Large enough for a document (50 MiB) or an import file (200 MiB) as base64.
export const MAX_BODY_BYTES = 300 * 1024 * 1024;
const SWEEP_INTERVAL_MS = 30_000;
const TOKEN_HEADER = 'x-archive-token';

// The same policy and content types as the desktop app's app:// protocol, so the end-to-end
// tests run the page under the rules it ships with.
const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

type ShellMethodName = Exclude<MethodName, HostMethodName>;

/** What the desktop shell answers itself; here, the browser's answers. Typed by the contract. */
const shellAnswers: { [M in ShellMethodName]: () => Output<M> } = {
  'shell.capabilities': () => ({ chooseFolder: false, runtime: 'browser' }),
  // A browser page cannot pick a folder on this machine: the archive is given by --archive.
  'shell.chooseFolder': () => null,
};

function isShellMethod(method: MethodName): method is ShellMethodName {
  return contract[method].handledBy === 'shell';
}

export interface BrowserHostOptions {
  /** The archive folder. */
  dir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer (defaults to out/renderer). */
  rendererDir?: string;
  /** Passed to createArchiveHost (tests may lower the KDF cost or freeze the clock). */
  host?: Omit<ArchiveHostOptions, 'dir'>;
}

export interface BrowserHost {
  /** The URL to open, token included. */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  send(res, status, `${text}\n`, 'text/plain; charset=utf-8', extra);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>, status = 200): void {
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8');
}

/** Reads a body up to `limit` bytes; null when it is larger (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolveBody(null);
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolveBody(Buffer.concat(chunks));
      }
    });
    req.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
  });
}

function bridgeScript(token: string): string {
  // Same-origin file, so the page's CSP (script-src 'self') holds without exceptions.
  return `"use strict";
(() => {
  const token = ${JSON.stringify(token)};
  async function call(request) {
    const response = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': token },
      body: JSON.stringify(request),
      credentials: 'omit',
      cache: 'no-store',
    });
    const type = response.headers.get('content-type') || '';
    if (!type.startsWith('application/json')) {
      throw new Error('browser host answered HTTP ' + response.status);
    }
    return response.json();
  }
  Object.defineProperty(window, 'archive', {
    value: Object.freeze({ call }),
    writable: false,
    configurable: false,
    enumerable: true,
  });
})();
`;
}

function parseCall(body: Buffer): { session: string | null; method: string; input: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { session, method, input } = value as Record<string, unknown>;
  if (!(session === null || typeof session === 'string')) return null;
  if (typeof method !== 'string') return null;
  return { session, method, input };
}

async function answerCall(host: ArchiveHost, session: string | null, method: string, input: unknown): Promise<Envelope<unknown>> {
  if (isMethodName(method) && isShellMethod(method)) {
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const details: FieldIssue[] = parsed.error.issues.map((issue) => ({
        path: issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol'),
        code: issue.code,
        message: issue.message,
      }));
      return { ok: false, error: { code: 'VALIDATION', message: 'the input is not valid', details } };
    }
    return { ok: true, value: shellAnswers[method]() };
  }
  return host.call(session, method, input);
}

/** Starts the browser host; resolves once it listens. The e2e test runs it in-process. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const indexFile = resolve(rendererDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`${indexFile} is missing: build the renderer first (npm run build)`);
  }
  const rendererRoot = realpathSync(rendererDir);
  const dir = resolve(options.dir);
  const token = randomBytes(32).toString('base64url');
  const host = createArchiveHost({ ...options.host, dir });
  let port = 0;
  const cookieName = () => `archive_token_${port}`;

  const indexHtml = () => {
    const html = readFileSync(indexFile, 'utf8');
    const tag = `<script src="/archive-bridge.js?token=${encodeURIComponent(token)}"></script>`;
    // Before the renderer's own (module, deferred) script, so window.archive exists first.
    return html.includes('<script') ? html.replace('<script', `${tag}\n    <script`) : html.replace('</head>', `    ${tag}\n  </head>`);
  };

  const serveStatic = (res: ServerResponse, pathname: string) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendText(res, 400, 'bad path');
      return;
    }
    const file = resolve(rendererRoot, `.${decoded}`);
    const inside = relative(rendererRoot, file);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || decoded.includes('\0')) {
      sendText(res, 404, 'not found');
      return;
    }
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      sendText(res, 404, 'not found');
      return;
    }
    const realInside = relative(rendererRoot, real);
    if (realInside.startsWith('..') || isAbsolute(realInside) || !statSync(real).isFile()) {
      sendText(res, 404, 'not found');
      return;
    }
    send(res, 200, readFileSync(real), contentTypeFor(real));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a page of another origin that resolves its name to 127.0.0.1 still
    // sends its own Host. Only our exact address is served.
    if (req.headers.host !== `127.0.0.1:${port}`) {
      sendText(res, 403, 'forbidden host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const headerToken = req.headers[TOKEN_HEADER];
    const fromHeader = sameSecret(typeof headerToken === 'string' ? headerToken : undefined, token);

    if (url.pathname === '/api/call') {
      if (!fromHeader) {
        sendText(res, 403, 'forbidden');
        return;
      }
      if (req.method !== 'POST') {
        sendText(res, 405, 'method not allowed', { Allow: 'POST' });
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendText(res, 415, 'application/json only');
        return;
      }
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > MAX_BODY_BYTES) {
        sendEnvelope(res, { ok: false, error: { code: 'VALIDATION', message: 'request too large' } }, 413);
        req.resume();
        return;
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === null) {
        res.setHeader('Connection', 'close');
        sendEnvelope(res, { ok: false, error: { code: 'VALIDATION', message: 'request too large' } }, 413);
        return;
      }
      const request = parseCall(body);
      if (!request) {
        sendText(res, 400, 'expected {session, method, input}');
        return;
      }
      sendEnvelope(res, await answerCall(host, request.session, request.method, request.input));
      return;
    }

    const allowed =
      fromHeader || sameSecret(url.searchParams.get('token'), token) || sameSecret(cookieValue(req.headers.cookie, cookieName()), token);
    if (!allowed) {
      sendText(res, 403, 'forbidden: open the URL printed at start (it carries the token)');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      send(res, 200, indexHtml(), 'text/html; charset=utf-8', {
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return;
    }
    if (url.pathname === '/archive-bridge.js') {
      send(res, 200, bridgeScript(token), 'text/javascript; charset=utf-8');
      return;
    }
    serveStatic(res, url.pathname);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  port = address.port;

  const sweep = setInterval(() => {
    host.sweepIdle().catch(() => {
      // a failed sweep is retried at the next interval
    });
  }, SWEEP_INTERVAL_MS);
  sweep.unref();

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    dir,
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        await new Promise<void>((resolveClose) => {
          server.close(() => resolveClose());
          server.closeAllConnections();
        });
        await host.close();
      })();
      return closing;
    },
  };
}

function parseArgs(argv: string[]): { dir: string; port: number } {
  let dir: string | undefined;
  let port = 0;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = argv[i + 1];
    if ((arg === '--archive' || arg === '--port') && next === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--archive') {
      dir = next;
      i += 1;
    } else if (arg === '--port') {
      port = Number(next);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port: ${next}`);
      i += 1;
    } else if (arg === '--help' || arg === '-h') {
      throw new Error('usage');
    } else {
      throw new Error(`unknown argument: ${arg}`);
    }
  }
  if (!dir) throw new Error('--archive DIR is required');
  return { dir, port };
}

async function main(): Promise<void> {
  let args: { dir: string; port: number };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof Error && error.message !== 'usage' ? `${error.message}\n` : '';
    process.stderr.write(`${message}usage: npm run browser -- --archive DIR [--port N]\n`);
    process.exit(2);
  }
  let browserHost: BrowserHost;
  try {
    browserHost = await startBrowserHost(args);
  } catch (error) {
    process.stderr.write(`browser host: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  // The first line of output is the URL, so scripts can read it.
  process.stdout.write(`${browserHost.url}\n`);
  process.stdout.write(`archive: ${browserHost.dir}\n(127.0.0.1 only; Ctrl+C stops the host and closes the archive)\n`);
  const stop = () => {
    browserHost.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main();
}
