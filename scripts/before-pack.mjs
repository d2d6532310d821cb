// electron-builder beforePack hook: refuse to build an installer without the Electron
// build of the database driver (electron-builder only warns about a missing extraResource,
// and the installed app could then never open an archive).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import builder from 'electron-builder';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function beforePack(context) {
  const platform = context.electronPlatformName;
  const arch = builder.Arch[context.arch];
  const addon = join(root, 'build', 'native', 'electron', `${platform}-${arch}`, 'better_sqlite3.node');
  if (!existsSync(addon)) {
    throw new Error(
      `Missing ${addon}: build the database driver for Electron first ` +
        `(node scripts/build-electron-native.mjs --platform ${platform} --arch ${arch}).`,
    );
  }
}
