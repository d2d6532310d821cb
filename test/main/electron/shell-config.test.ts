import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  archiveDirFor,
  readShellConfig,
  SHELL_CONFIG_FILE,
  writeShellConfig,
} from '../../../src/main/electron/shell-config';

const dirs: string[] = [];
function userData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shell-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the remembered archive folder', () => {
  it('defaults to <userData>/archive on first start', () => {
    const ud = userData();
    expect(archiveDirFor(ud)).toBe(join(ud, 'archive'));
  });

  it('is the folder the user chose, after a restart', () => {
    const ud = userData();
    const chosen = join(ud, '财务部', '档案');
    writeShellConfig(join(ud, SHELL_CONFIG_FILE), { archiveDir: chosen });
    expect(archiveDirFor(ud)).toBe(chosen);
  });

  it('is stored as the path and nothing else, with no temp file left behind', () => {
    const ud = userData();
    writeShellConfig(join(ud, SHELL_CONFIG_FILE), { archiveDir: '/srv/archive', extra: 'x' } as never);
    expect(JSON.parse(readFileSync(join(ud, SHELL_CONFIG_FILE), 'utf8'))).toEqual({ archiveDir: '/srv/archive' });
    expect(readdirSync(ud)).toEqual([SHELL_CONFIG_FILE]);
  });

  it('falls back to the default when the file is damaged or edited by hand', () => {
    const ud = userData();
    const file = join(ud, SHELL_CONFIG_FILE);
    for (const content of ['{', 'null', '[]', '{"archiveDir": 3}', '{"archiveDir": "relative/path"}', '{"archiveDir": ""}']) {
      writeFileSync(file, content);
      expect(readShellConfig(file), content).toBeNull();
      expect(archiveDirFor(ud)).toBe(join(ud, 'archive'));
    }
  });

  it('refuses to remember a relative path', () => {
    const ud = userData();
    expect(() => writeShellConfig(join(ud, SHELL_CONFIG_FILE), { archiveDir: 'archive' })).toThrow();
    expect(readdirSync(ud)).toEqual([]);
  });
});
