// The one setup of the e2e suites: a fresh archive folder behind the browser host, a
// headless Chromium on a page of it, the page's console errors, screenshots numbered per
// suite in test-results/screenshots/ (look at them: they are how "looks finished" is
// checked), a picture of the screen a failed step failed on, and setup calls through the
// host as the page's bridge makes them.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../harness/server';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
const onCI = process.env.CI === 'true';
export const SHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots');
/** How long a step waits for the screen to show what it expects. */
export const WAIT = 20_000;

/**
 * A suite that runs in Chromium: skipped where there is no Chromium, except on CI, where
 * its absence fails (CI must run the e2e suites).
 */
export function describeInChromium(name: string, body: () => void): void {
  if (!haveChromium && onCI) {
    describe(name, () => {
      it('needs Chromium on CI', () => {
        throw new Error(`${CHROMIUM} is missing: CI must run the e2e suite (apt-get install chromium fonts-noto-cjk)`);
      });
    });
  }
  describe.skipIf(!haveChromium)(`${name} (Chromium via the browser host)`, body);
}

export interface E2eOptions {
  /** The suite's name: of its archive folder and its failure pictures. */
  name: string;
  /** The number of the suite's first screenshot (1, 301 …) and how many digits its numbers have. */
  firstShot: number;
  shotDigits: number;
  /** The suite's own screenshots, replaced at each run (other suites keep theirs). */
  ownShots: RegExp;
  context?: BrowserContextOptions;
  /** Install Playwright's clock (time flows normally, a test can jump it forward). */
  clock?: boolean;
  /** Run after the host starts and before the browser opens (setting up through calls). */
  before?(e2e: E2e): Promise<void>;
  /** Give the host a clock the test can move forward (`advanceHost`): the host's days, not the browser's. */
  hostClock?: boolean;
}

export interface E2e {
  dir: string;
  host: BrowserHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The page's console errors and uncaught exceptions. */
  consoleErrors: string[];
  /** A picture of the page, once transitions and notifications have settled. */
  screenshot(name: string, fullPage?: boolean): Promise<void>;
  /** A call through the browser host, as the page's bridge makes it (setup only). */
  api(session: string | null, method: string, input: unknown): Promise<Record<string, unknown> & { session: string }>;
  /** Stop the host before the suite ends (to look at the archive's files). */
  closeHost(): Promise<void>;
  /** Move the host's clock forward (with `hostClock`): its time keeps flowing from there. */
  advanceHost(ms: number): void;
}

/** Start the browser host and Chromium for a suite; all of it is closed and removed after the suite. */
export function useE2e(options: E2eOptions): E2e {
  const e2e = { consoleErrors: [] as string[] } as E2e;
  let shot = options.firstShot - 1;
  let hostClosed = false;
  let hostOffsetMs = 0;
  const hostClock = { now: () => new Date(Date.now() + hostOffsetMs) };

  e2e.screenshot = async (name, fullPage = true) => {
    shot += 1;
    await e2e.page.waitForTimeout(400);
    await e2e.page.screenshot({ path: join(SHOTS, `${String(shot).padStart(options.shotDigits, '0')}-${name}.png`), fullPage });
  };
  e2e.api = async (session, method, input) => {
    const token = new URL(e2e.host.url).searchParams.get('token') ?? '';
    const response = await fetch(new URL('/api/call', e2e.host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-archive-token': token },
      body: JSON.stringify({ session, method, input }),
    });
    const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
    return envelope.value as Record<string, unknown> & { session: string };
  };
  e2e.advanceHost = (ms) => {
    if (!options.hostClock) throw new Error('advanceHost needs the hostClock option');
    hostOffsetMs += ms;
  };
  e2e.closeHost = async () => {
    if (hostClosed) return;
    hostClosed = true;
    await e2e.host.close();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const file of readdirSync(SHOTS)) if (options.ownShots.test(file)) rmSync(join(SHOTS, file), { force: true });
    e2e.dir = mkdtempSync(join(tmpdir(), `credit-archive-e2e-${options.name}-`));
    e2e.host = await startBrowserHost({ dir: e2e.dir, port: 0, ...(options.hostClock ? { host: { clock: hostClock } } : {}) });
    await options.before?.(e2e);
    e2e.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    e2e.context = await e2e.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...options.context,
    });
    if (options.clock) await e2e.context.clock.install();
    e2e.page = await e2e.context.newPage();
    e2e.page.setDefaultTimeout(WAIT);
    e2e.page.on('console', (message) => {
      if (message.type() === 'error') e2e.consoleErrors.push(message.text());
    });
    e2e.page.on('pageerror', (error) => e2e.consoleErrors.push(String(error)));
  });

  // A failed step leaves a picture of the screen it failed on.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && e2e.page && !e2e.page.isClosed()) {
      const failures = resolve(SHOTS, '../failures');
      mkdirSync(failures, { recursive: true });
      const name = `${options.name}-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}.png`;
      await e2e.page.screenshot({ path: join(failures, name) }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await e2e.context?.close();
    await e2e.browser?.close();
    if (e2e.host && !hostClosed) await e2e.host.close();
    if (e2e.dir) rmSync(e2e.dir, { recursive: true, force: true });
  });

  return e2e;
}
