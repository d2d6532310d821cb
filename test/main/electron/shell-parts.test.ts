import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../src/main/electron/menu';
import { nativeBindingPath } from '../../../src/main/electron/native-binding';

describe('the application menu', () => {
  const labels = (isDev: boolean) => menuTemplate({ isDev, onAbout: () => undefined }).map((m) => m.label);
  const roles = (isDev: boolean) =>
    menuTemplate({ isDev, onAbout: () => undefined }).flatMap((m) =>
      Array.isArray(m.submenu) ? m.submenu.map((i) => i.role) : [],
    );

  it('is in Chinese and has no reload or developer tools in the installed app', () => {
    expect(labels(false)).toEqual(['文件', '编辑', '帮助']);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste']));
  });

  it('offers reload when run from source', () => {
    expect(labels(true)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(roles(true)).toContain('reload');
  });
});

describe("the Electron build of the database driver", () => {
  const place = { resourcesPath: '/opt/客户信用档案/resources', appPath: '/src/app', platform: 'linux', arch: 'x64' };

  it('is loaded from the resources folder in the installed app', () => {
    expect(nativeBindingPath({ ...place, isPackaged: true })).toBe(
      join('/opt/客户信用档案/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('is loaded from build/native/electron/<platform>-<arch> when run from source', () => {
    expect(nativeBindingPath({ ...place, isPackaged: false })).toBe(
      join('/src/app', 'build', 'native', 'electron', 'linux-x64', 'better_sqlite3.node'),
    );
  });
});
