// The shell's own small file in the user-data folder: which archive folder to open.
// It holds the folder path and nothing else — no name, no content of the archive.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

export const SHELL_CONFIG_FILE = 'shell.json';
const MAX_PATH_LENGTH = 4096;

export interface ShellConfig {
  /** Absolute path of the archive folder the app opens. */
  archiveDir: string;
}

function isUsableDir(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_PATH_LENGTH &&
    !value.includes('\0') &&
    isAbsolute(value)
  );
}

/** The remembered folder, or null when there is none (first start, unreadable, edited by hand). */
export function readShellConfig(file: string): ShellConfig | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const dir = (parsed as { archiveDir?: unknown } | null)?.archiveDir;
  return isUsableDir(dir) ? { archiveDir: dir } : null;
}

/** Remember the folder; write-then-rename, so a crash never leaves half a file. */
export function writeShellConfig(file: string, config: ShellConfig): void {
  if (!isUsableDir(config.archiveDir)) throw new Error('the archive folder must be an absolute path');
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ archiveDir: config.archiveDir }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** The folder to open: the remembered one, else `<userData>/archive`. */
export function archiveDirFor(userDataDir: string): string {
  return readShellConfig(join(userDataDir, SHELL_CONFIG_FILE))?.archiveDir ?? join(userDataDir, 'archive');
}
