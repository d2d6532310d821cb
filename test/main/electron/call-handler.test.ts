import { describe, expect, it, vi } from 'vitest';
import { createCallHandler } from '../../../src/main/electron/call-handler';
import { APP_ENTRY_URL, APP_ORIGIN, type SenderInfo } from '../../../src/main/electron/security';
import type { Envelope } from '../../../src/shared/contract';

const WINDOW_ID = 3;
const ours: SenderInfo = { webContentsId: WINDOW_ID, frame: { url: APP_ENTRY_URL, isMainFrame: true } };

function setUp(options: { chooseFolder?: () => Promise<{ dir: string } | null>; hostThrows?: boolean } = {}) {
  const host = {
    call: vi.fn(async (session: string | null, method: string, input: unknown): Promise<Envelope<unknown>> => {
      if (options.hostThrows) throw new Error('boom');
      return { ok: true, value: { session, method, input } };
    }),
  };
  const chosen = options.chooseFolder ?? (async () => ({ dir: '/data/archive' }));
  const chooseFolder = vi.fn(async () => (await chosen())?.dir ?? null);
  const handle = createCallHandler({
    trustedPage: () => ({ webContentsId: WINDOW_ID, origin: APP_ORIGIN }),
    shell: { currentDir: () => '/data/current', pickFolder: chooseFolder, useFolder: async () => undefined },
    host,
  });
  return { handle, host, chooseFolder };
}

describe('a call over IPC', () => {
  it('is relayed to the host with its session, method and input', async () => {
    const { handle, host } = setUp();
    const r = await handle(ours, { session: 'tok', method: 'auth.me', input: {} });
    expect(r).toEqual({ ok: true, value: { session: 'tok', method: 'auth.me', input: {} } });
    expect(host.call).toHaveBeenCalledWith('tok', 'auth.me', {});
  });

  it('from another page or frame is refused before anything is read', async () => {
    const { handle, host, chooseFolder } = setUp();
    const senders: SenderInfo[] = [
      { webContentsId: 99, frame: { url: APP_ENTRY_URL, isMainFrame: true } },
      { webContentsId: WINDOW_ID, frame: { url: APP_ENTRY_URL, isMainFrame: false } },
      { webContentsId: WINDOW_ID, frame: { url: 'https://evil.example/', isMainFrame: true } },
      { webContentsId: WINDOW_ID, frame: null },
    ];
    for (const sender of senders) {
      const r = await handle(sender, { session: null, method: 'shell.chooseFolder', input: {} });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(host.call).not.toHaveBeenCalled();
    expect(chooseFolder).not.toHaveBeenCalled();
  });

  it('for a method outside the contract never reaches the host', async () => {
    const { handle, host } = setUp();
    for (const method of ['users.drop', 'constructor', '__proto__', 'toString', '', 42, null]) {
      const r = await handle(ours, { session: null, method, input: {} });
      expect(r, String(method)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(host.call).not.toHaveBeenCalled();
  });

  it('that is not { session, method, input } is refused', async () => {
    const { handle, host } = setUp();
    const malformed: unknown[] = [
      null,
      'auth.me',
      ['auth.me'],
      { session: null, method: 'auth.me', input: {}, sender: 'main' },
      { session: 12, method: 'auth.me', input: {} },
      { session: '', method: 'auth.me', input: {} },
      { session: 'x'.repeat(10_000), method: 'auth.me', input: {} },
    ];
    for (const request of malformed) {
      const r = await handle(ours, request);
      expect(r.ok, JSON.stringify(request)?.slice(0, 80)).toBe(false);
    }
    expect(host.call).not.toHaveBeenCalled();
  });

  it('to a failing host answers INTERNAL instead of throwing', async () => {
    const { handle } = setUp({ hostThrows: true });
    expect(await handle(ours, { session: null, method: 'archive.status', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe("the shell's own methods", () => {
  it('report the desktop capabilities without the host', async () => {
    const { handle, host } = setUp();
    expect(await handle(ours, { session: null, method: 'shell.capabilities', input: {} })).toEqual({
      ok: true,
      value: { chooseFolder: true, runtime: 'electron' },
    });
    expect(host.call).not.toHaveBeenCalled();
  });

  it('let the user choose a folder, or cancel', async () => {
    const chosen = setUp();
    expect(await chosen.handle(ours, { session: null, method: 'shell.chooseFolder', input: {} })).toEqual({
      ok: true,
      value: { dir: '/data/archive' },
    });
    const cancelled = setUp({ chooseFolder: async () => null });
    expect(await cancelled.handle(ours, { session: null, method: 'shell.chooseFolder', input: {} })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('validate their input against the contract', async () => {
    const { handle, chooseFolder } = setUp();
    const r = await handle(ours, { session: null, method: 'shell.chooseFolder', input: { dir: '/etc' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(chooseFolder).not.toHaveBeenCalled();
  });
});
