// Where the Electron build of better-sqlite3-multiple-ciphers lives (docs/decisions/
// 0006-native-module-per-runtime.md). node_modules holds the plain-Node build for tests, the
// CLI and the browser host; the app loads its own build through `nativeBinding`.
import { join } from 'node:path';

export const ADDON_FILE = 'better_sqlite3.node';

export interface NativeBindingPlace {
  isPackaged: boolean;
  /** process.resourcesPath: electron-builder copies the addon to <resources>/native/. */
  resourcesPath: string;
  /** app.getAppPath(): the project folder when run from source (npm start / npm run dev). */
  appPath: string;
  platform: string;
  arch: string;
}

/** Folder the build script writes to, relative to the project: one per platform and arch. */
export function electronAddonDir(projectDir: string, platform: string, arch: string): string {
  return join(projectDir, 'build', 'native', 'electron', `${platform}-${arch}`);
}

export function nativeBindingPath(place: NativeBindingPlace): string {
  return place.isPackaged
    ? join(place.resourcesPath, 'native', ADDON_FILE)
    : join(electronAddonDir(place.appPath, place.platform, place.arch), ADDON_FILE);
}
