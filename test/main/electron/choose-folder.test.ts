// Choosing the archive folder (shell.chooseFolder) through the desktop shell's call handler
// and a real archive host: possible only before setup or for an administrator, and on record.
import { describe, expect, it, vi } from 'vitest';
import { createCallHandler } from '../../../src/main/electron/call-handler';
import { APP_ENTRY_URL, APP_ORIGIN, type SenderInfo } from '../../../src/main/electron/security';
import { addUser, allAudit, testHost, freshArchive, useTempDirs, type TestHost } from '../helpers';

const temp = useTempDirs();
const WINDOW_ID = 3;
const ours: SenderInfo = { webContentsId: WINDOW_ID, frame: { url: APP_ENTRY_URL, isMainFrame: true } };
const R = { username: 'qian.reviewer', displayName: '钱审核', password: 'Reviewer-Pass-2026', roles: ['reviewer'] };

function shellOn(t: TestHost, picked: string | null = '/data/other-archive') {
  const pickFolder = vi.fn(async () => picked);
  const useFolder = vi.fn(async (_dir: string) => undefined);
  const handle = createCallHandler({
    trustedPage: () => ({ webContentsId: WINDOW_ID, origin: APP_ORIGIN }),
    shell: { currentDir: () => t.dir, pickFolder, useFolder },
    host: t.host,
  });
  const choose = (session: string | null) => handle(ours, { session, method: 'shell.chooseFolder', input: {} });
  return { choose, pickFolder, useFolder };
}

describe('choosing the archive folder', () => {
  it('before setup: anyone at the first screen may choose', async () => {
    const t = testHost(temp.make());
    temp.track(t.host);
    const shell = shellOn(t);
    expect(await shell.choose(null)).toEqual({ ok: true, value: { dir: '/data/other-archive' } });
    expect(shell.useFolder).toHaveBeenCalledWith('/data/other-archive');
  });

  it('after setup: refused without a session and for a user who is no administrator, with no dialog; the refusal is on record', async () => {
    const t = await freshArchive(temp);
    const r = await addUser(t, t.admin, R);
    const shell = shellOn(t);
    expect(await shell.choose(null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await shell.choose(r.session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(shell.pickFolder).not.toHaveBeenCalled();
    expect(shell.useFolder).not.toHaveBeenCalled();
    const denied = (await allAudit(t, t.admin)).filter((e) => e.action === 'archive.chooseFolder');
    expect(denied).toEqual([expect.objectContaining({ username: R.username, outcome: 'denied' })]);
  });

  it('after setup: an administrator may choose, and the choice (from, to) is on record before the switch', async () => {
    const t = await freshArchive(temp);
    const shell = shellOn(t);
    expect(await shell.choose(t.admin)).toEqual({ ok: true, value: { dir: '/data/other-archive' } });
    expect(shell.useFolder).toHaveBeenCalledWith('/data/other-archive');
    const entries = (await allAudit(t, t.admin)).filter((e) => e.action === 'archive.chooseFolder');
    expect(entries.map((e) => [e.username, e.outcome, e.details])).toEqual([
      ['admin', 'ok', { from: t.dir, to: null }],
      ['admin', 'ok', { from: t.dir, to: '/data/other-archive' }],
    ]);
  });

  it('an administrator who cancels the dialog changes nothing; the opened dialog is on record', async () => {
    const t = await freshArchive(temp);
    const shell = shellOn(t, null);
    expect(await shell.choose(t.admin)).toEqual({ ok: true, value: null });
    expect(shell.useFolder).not.toHaveBeenCalled();
    const entries = (await allAudit(t, t.admin)).filter((e) => e.action === 'archive.chooseFolder');
    expect(entries.map((e) => e.details)).toEqual([{ from: t.dir, to: null }]);
  });
});
