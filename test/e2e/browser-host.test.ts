// The browser host's own guard: it serves one person's archive on this machine, so it
// answers only its own address, only with the per-start token, and only small calls.
// (It needs the built renderer, like the rest of the e2e project; no browser.)

import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBrowserHost, type BrowserHost } from '../harness/server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(host: BrowserHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser host', () => {
  let dir: string;
  let host: BrowserHost;
  let token: string;
  const call = (body: unknown, headers: Record<string, string> = { 'x-archive-token': token }) =>
    send(host, '/api/call', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credit-archive-bh-'));
    host = await startBrowserHost({ dir, port: 0 });
    token = new URL(host.url).searchParams.get('token') ?? '';
  });

  afterAll(async () => {
    await host?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 with a long random token in its URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('serves the page with the token, injecting the same-origin bridge before the app', async () => {
    const page = await send(host, `/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toMatch(/<script src="\/archive-bridge\.js\?token=[^"]+"><\/script>\s*<script type="module"/);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('refuses the page, its assets and the bridge without the token', async () => {
    expect((await send(host, '/')).status).toBe(403);
    expect((await send(host, '/?token=wrong')).status).toBe(403);
    expect((await send(host, '/archive-bridge.js')).status).toBe(403);
  });

  it('refuses any other Host header (DNS rebinding)', async () => {
    const answer = await send(host, `/?token=${token}`, { headers: { host: `localhost:${host.port}` } });
    expect(answer.status).toBe(403);
    const viaCall = await send(host, '/api/call', {
      method: 'POST',
      headers: { host: `evil.example:${host.port}`, 'x-archive-token': token, 'content-type': 'application/json' },
      body: '{"session":null,"method":"archive.status","input":{}}',
    });
    expect(viaCall.status).toBe(403);
  });

  it('answers calls only with the token in the header: a cookie is not enough', async () => {
    const cookie = `archive_token_${host.port}=${token}`;
    expect((await call({ session: null, method: 'archive.status', input: {} }, { cookie })).status).toBe(403);
    const answer = await call({ session: null, method: 'archive.status', input: {} });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { initialized: false, dir: host.dir } });
  });

  it('answers the shell methods itself, validated by the contract', async () => {
    expect(JSON.parse((await call({ session: null, method: 'shell.capabilities', input: {} })).body)).toEqual({
      ok: true,
      value: { chooseFolder: false, runtime: 'browser' },
    });
    expect(JSON.parse((await call({ session: null, method: 'shell.chooseFolder', input: {} })).body)).toEqual({ ok: true, value: null });
    const extra = JSON.parse((await call({ session: null, method: 'shell.capabilities', input: { x: 1 } })).body);
    expect(extra.ok).toBe(false);
    expect(extra.error.code).toBe('VALIDATION');
  });

  it('relays other methods to the archive host, which refuses unknown ones', async () => {
    const answer = JSON.parse((await call({ session: null, method: 'no.such', input: {} })).body);
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses malformed calls and bodies over the limit', async () => {
    expect((await send(host, '/api/call', { method: 'POST', headers: { 'x-archive-token': token, 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
    expect((await call({ session: 42, method: 'archive.status', input: {} })).status).toBe(400);
    expect((await send(host, '/api/call', { method: 'POST', headers: { 'x-archive-token': token, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await send(host, '/api/call', { headers: { 'x-archive-token': token } })).status).toBe(405);
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const tooBig = await send(host, '/api/call', { method: 'POST', headers: { 'x-archive-token': token, 'content-type': 'application/json' }, body: big });
    expect(tooBig.status).toBe(413);
  });

  it('serves nothing outside the built renderer', async () => {
    expect((await send(host, `/../../package.json?token=${token}`)).status).toBe(404);
    expect((await send(host, `/%2e%2e/%2e%2e/package.json?token=${token}`)).status).toBe(404);
    expect((await send(host, `/assets/../../../package.json?token=${token}`)).status).toBe(404);
  });
});
