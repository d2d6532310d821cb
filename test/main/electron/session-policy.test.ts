import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decideDownload,
  exportRecord,
  isInMemoryPartition,
  PRIVACY_SWITCHES,
  safeFileName,
  WINDOW_PARTITION,
  windowWebPreferences,
} from '../../../src/main/electron/session-policy';
import { allAudit, freshArchive, useTempDirs } from '../helpers';

const temp = useTempDirs();
const APP_TS = readFileSync(join(import.meta.dirname, '../../../src/main/electron/app.ts'), 'utf8');

describe('the window leaves nothing of its pages on disk', () => {
  it('runs in an in-memory session with no V8 code cache, hardened as before', () => {
    const prefs = windowWebPreferences({ preload: '/app/preload/index.cjs', isDev: false });
    expect(prefs.partition).toBe(WINDOW_PARTITION);
    expect(isInMemoryPartition(prefs.partition)).toBe(true);
    expect(isInMemoryPartition('persist:credit-archive-window')).toBe(false);
    expect(isInMemoryPartition('')).toBe(false); // '' is the default, persistent session
    expect(prefs).toMatchObject({
      v8CacheOptions: 'none',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(windowWebPreferences({ preload: 'p', isDev: true }).devTools).toBe(true);
  });

  it('switches off the disk cache, the GPU shader cache and crash reporting before the app is ready', () => {
    const switches = Object.fromEntries(PRIVACY_SWITCHES.map(([k, v]) => [k, v ?? true]));
    expect(switches).toMatchObject({
      'disk-cache-size': '0',
      'disable-gpu-shader-disk-cache': true,
      'disable-crash-reporter': true,
      'disable-breakpad': true,
    });
  });

  it('the shell applies them: window session, protocol and handlers on that session, no crash reporter', () => {
    expect(APP_TS).toMatch(/for \(const \[name, value\] of PRIVACY_SWITCHES\) app\.commandLine\.appendSwitch\(name, value\)/);
    expect(APP_TS.indexOf('PRIVACY_SWITCHES) app.commandLine')).toBeLessThan(APP_TS.indexOf('app.whenReady()'));
    expect(APP_TS).toContain('webPreferences: windowWebPreferences(');
    expect(APP_TS).toContain('session.fromPartition(WINDOW_PARTITION)');
    expect(APP_TS).toContain('ses.protocol.handle(APP_SCHEME');
    expect(APP_TS).toContain("ses.on('will-download'");
    expect(APP_TS).not.toMatch(/defaultSession|crashReporter|[^.]protocol\.handle\(/);
  });
});

describe('downloads are exports: asked where to save, and on record', () => {
  it('a download the page made is saved where the user says, the name suggested without folders', () => {
    const d = decideDownload(
      { url: 'blob:app://archive/6f1c', suggestedName: '客户清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', totalBytes: 10 },
      '/home/u/Downloads',
    );
    expect(d).toEqual({
      allow: true,
      dialog: {
        title: '保存导出文件 Save export',
        defaultPath: join('/home/u/Downloads', '客户清单.xlsx'),
        filters: [{ name: 'Excel 工作簿 Excel workbook', extensions: ['xlsx'] }],
      },
    });
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(safeFileName('a\u0000b?.csv')).toBe('a_b_.csv');
    expect(safeFileName('..')).toBe('导出 export');
  });

  it('a download of a fetched URL is refused', () => {
    for (const url of ['https://example.com/x.xlsx', 'http://127.0.0.1/x', 'file:///etc/passwd', 'app://archive/index.html']) {
      expect(decideDownload({ url, suggestedName: 'x.xlsx', mimeType: '', totalBytes: 1 }, '/d').allow, url).toBe(false);
    }
  });

  it('a saved export is an audit entry: file name, kind and size, not the folder', async () => {
    const t = await freshArchive(temp);
    const info = { url: 'blob:app://archive/1', suggestedName: 'x.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', totalBytes: 2048 };
    await t.ok(t.admin, 'audit.recordExport', exportRecord(info, '/home/u/私人/客户清单-2026-12-01.xlsx', 2048));
    const last = (await allAudit(t, t.admin)).at(-1)!;
    expect(last).toMatchObject({
      action: 'audit.recordExport',
      username: 'admin',
      details: { fileName: '客户清单-2026-12-01.xlsx', mimeType: info.mimeType, bytes: 2048 },
    });
    expect(JSON.stringify(last.details)).not.toContain('私人');
  });
});
