// Renders resources/icon.svg to resources/icon.png (512×512, transparent corners) with a
// headless Chromium: `node scripts/render-icon.mjs [path-to-chromium]`. electron-builder
// derives the Windows .ico and the Linux sizes from the PNG.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const chromium = process.argv[2] ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'icon-'));
try {
  copyFileSync(join(resources, 'icon.svg'), join(work, 'icon.svg'));
  writeFileSync(
    join(work, 'icon.html'),
    '<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>' +
      '<img src="icon.svg" width="512" height="512">',
  );
  execFileSync(chromium, [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--default-background-color=00000000',
    '--window-size=512,512',
    `--screenshot=${join(resources, 'icon.png')}`,
    pathToFileURL(join(work, 'icon.html')).href,
  ]);
  console.log(`wrote ${join(resources, 'icon.png')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
