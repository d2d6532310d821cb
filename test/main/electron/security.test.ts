import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  contentSecurityPolicy,
  contentTypeFor,
  isPermissionGranted,
  isSameOrigin,
  isTrustedSender,
  resolveAppAsset,
} from '../../../src/main/electron/security';

describe('the window trusts only its own page', () => {
  const page = { webContentsId: 7, origin: APP_ORIGIN };
  const ours = { webContentsId: 7, frame: { url: APP_ENTRY_URL + '#/login', isMainFrame: true } };

  it('accepts the main frame of our window showing app://archive', () => {
    expect(isTrustedSender(ours, page)).toBe(true);
  });

  it('refuses another window, a subframe, a gone frame, no window at all', () => {
    expect(isTrustedSender({ ...ours, webContentsId: 8 }, page)).toBe(false);
    expect(isTrustedSender({ ...ours, frame: { ...ours.frame, isMainFrame: false } }, page)).toBe(false);
    expect(isTrustedSender({ ...ours, frame: null }, page)).toBe(false);
    expect(isTrustedSender(ours, { ...page, webContentsId: null })).toBe(false);
  });

  it('refuses our window after it has been led to another origin', () => {
    for (const url of [
      'https://example.com/index.html',
      'app://evil/index.html',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedSender({ ...ours, frame: { url, isMainFrame: true } }, page), url).toBe(false);
    }
  });

  it('compares scheme, host and port of the dev server', () => {
    expect(isSameOrigin('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isSameOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isSameOrigin('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
  });
});

describe('the content security policy', () => {
  it('allows no inline or foreign script in the packaged app', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|ws:/);
  });

  it('lets the dev server hot-reload, and only the dev server', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("connect-src 'self' ws://localhost:5173 wss://localhost:5173");
    expect(csp).not.toContain('*');
  });
});

describe('app://archive serves only the built renderer', () => {
  const dir = resolve('/opt/app/out/renderer');

  it('maps paths inside the folder', () => {
    expect(resolveAppAsset(dir, 'app://archive/')).toBe(join(dir, 'index.html'));
    expect(resolveAppAsset(dir, 'app://archive/index.html')).toBe(join(dir, 'index.html'));
    expect(resolveAppAsset(dir, 'app://archive/assets/index-abc.js?v=1#x')).toBe(join(dir, 'assets', 'index-abc.js'));
  });

  it('refuses to climb out, other hosts and other schemes', () => {
    // Dot segments, even percent-encoded, are folded by the URL parser: they stay inside.
    expect(resolveAppAsset(dir, 'app://archive/../main/index.js')).toBe(join(dir, 'main', 'index.js'));
    expect(resolveAppAsset(dir, 'app://archive/%2e%2e/%2e%2e/etc/passwd')).toBe(join(dir, 'etc', 'passwd'));
    // An encoded slash survives the parser and is decoded afterwards: that is the attack.
    for (const url of [
      'app://archive/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://archive/..%5c..%5cwindows',
      'app://archive/a%00.js',
      'app://archive/%E0%A4%A',
      'app://other/index.html',
      'file:///opt/app/out/renderer/index.html',
      'http://archive/index.html',
    ]) {
      expect(resolveAppAsset(dir, url), url).toBeNull();
    }
  });
});

describe('app://archive answers with the right type', () => {
  it('names the kinds the renderer build contains', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-AB12.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-AB12.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/assets/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/assets/unknown.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/LICENSE')).toBe('application/octet-stream');
  });
});

describe('permissions', () => {
  it('are all refused, except writing the clipboard from our own page', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', APP_ENTRY_URL, APP_ORIGIN)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', APP_ORIGIN, APP_ORIGIN)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'unknown']) {
      expect(isPermissionGranted(permission, APP_ENTRY_URL, APP_ORIGIN), permission).toBe(false);
    }
  });
});
