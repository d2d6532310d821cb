#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers for Electron's ABI into
// build/native/electron/<platform>-<arch>/better_sqlite3.node, leaving node_modules' own
// build (for plain Node: tests, CLI, browser host) untouched. Run by `prestart`, `predev`
// and `predist`; does nothing when the build there already matches. Why and how:
// docs/decisions/0006-native-module-per-runtime.md.
//
//   node scripts/build-electron-native.mjs [--platform P] [--arch A] [--force]
//
// First tries the prebuilt binary the driver publishes for Electron (no compiler needed),
// then a build from source against Electron's headers. Both need the network;
// ELECTRON_HEADERS_URL points the source build at a mirror.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const ADDON = 'better-sqlite3-multiple-ciphers';
const ADDON_FILE = 'better_sqlite3.node';

const { values: args } = parseArgs({
  options: {
    platform: { type: 'string', default: process.platform },
    arch: { type: 'string', default: process.arch },
    force: { type: 'boolean', default: false },
  },
});

const electronVersion = require('electron/package.json').version;
const addonDir = dirname(require.resolve(`${ADDON}/package.json`));
const addonVersion = JSON.parse(readFileSync(join(addonDir, 'package.json'), 'utf8')).version;
const target = `${args.platform}-${args.arch}`;
const outDir = join(root, 'build', 'native', 'electron', target);
const outFile = join(outDir, ADDON_FILE);
const stampFile = join(outDir, 'build.json');
const stamp = { addon: ADDON, addonVersion, electronVersion, platform: args.platform, arch: args.arch };

function upToDate() {
  if (!existsSync(outFile) || !existsSync(stampFile)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(stampFile, 'utf8'))) === JSON.stringify(stamp);
  } catch {
    return false;
  }
}

/** The first bytes of a native library for the platform: ELF, PE ("MZ") or Mach-O. */
function looksLikeAddon(file, platform) {
  const head = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (platform === 'win32') return head[0] === 0x4d && head[1] === 0x5a;
  if (platform === 'darwin') return [0xcffaedfe, 0xcefaedfe, 0xcafebabe].includes(head.readUInt32BE(0));
  return head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
}

/** npm passes its config to scripts as npm_config_*; a `nodedir` or `target` from there would
 * silently build against Node's headers instead of Electron's. Keep only what is ours. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|platform|build_from_source|devdir)$/i.test(key)) {
      delete env[key];
    }
  }
  return env;
}

function run(label, command, commandArgs, cwd, timeoutMs) {
  console.log(`[native] ${label}`);
  const result = spawnSync(command, commandArgs, { cwd, env: cleanEnv(), stdio: 'inherit', timeout: timeoutMs });
  if (result.error) return `${result.error.message}`;
  if (result.status !== 0) return `failed (exit ${result.status ?? result.signal}; its log is above)`;
  return null;
}

/** Stop with a message that says what failed, what it means and what to do. */
function fail(reasons) {
  const lines = [
    '',
    `✗ Could not build ${ADDON} ${addonVersion} for Electron ${electronVersion} (${target}).`,
    ...reasons.map((r) => `  - ${r}`),
    '',
    '  The desktop app needs this build of the database driver and cannot start without it.',
    '  Nothing else does: `npm test`, `npm run cli` and `npm run browser` use the plain-Node',
    '  build in node_modules.',
    '',
    '  To fix: make https://github.com (prebuilt binaries) or https://electronjs.org/headers',
    '  reachable — or set ELECTRON_HEADERS_URL to a mirror of the Electron headers — and run',
    '  `npm run build:native` again; or place an Electron build of the driver at',
    `  ${outFile}`,
    '',
  ];
  console.error(lines.join('\n'));
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

if (!args.force && upToDate()) {
  console.log(`[native] ${ADDON} for Electron ${electronVersion} (${target}) is up to date.`);
  process.exit(0);
}

// Work on a copy of the driver's sources, so node_modules' Node build is never touched.
const work = join(root, 'build', 'native', 'electron', `.work-${target}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  if (existsSync(join(addonDir, entry))) cpSync(join(addonDir, entry), join(work, entry), { recursive: true });
}
const built = join(work, 'build', 'Release', ADDON_FILE);
const reasons = [];

const prebuild = run(
  `fetching the prebuilt binary for Electron ${electronVersion} (${target})`,
  process.execPath,
  [
    require.resolve('prebuild-install/bin.js'),
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--platform=${args.platform}`,
    `--arch=${args.arch}`,
    '--verbose',
  ],
  work,
  3 * 60_000,
);
if (prebuild) reasons.push(`prebuilt binary: ${prebuild}`);

if (!existsSync(built)) {
  if (args.platform !== process.platform) {
    reasons.push(`build from source: not possible for ${args.platform} on ${process.platform}`);
  } else {
    const headers = process.env.ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
    const fromSource = run(
      `building from source against the Electron ${electronVersion} headers (${headers})`,
      process.execPath,
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${args.arch}`,
        `--dist-url=${headers}`,
        `--devdir=${join(homedir(), '.electron-gyp')}`,
        '--jobs=max',
      ],
      work,
      20 * 60_000,
    );
    if (fromSource) reasons.push(`build from source (headers from ${headers}): ${fromSource}`);
  }
}

if (!existsSync(built)) fail(reasons);
if (!looksLikeAddon(built, args.platform)) fail([...reasons, `${built} is not a native library for ${args.platform}`]);

mkdirSync(outDir, { recursive: true });
copyFileSync(built, outFile);
writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
console.log(`[native] wrote ${outFile}`);
