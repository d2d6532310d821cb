// The Electron shell: one hardened window, the app:// protocol that serves the built
// renderer, the one IPC channel, the menu, and the archive host in a worker thread.
// Everything that can be decided without Electron lives in the plain modules beside this
// one (security, call-handler, host-client, shell-config, native-binding, menu) and is
// unit-tested; this file only wires them to Electron.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
} from 'electron';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHANNEL } from '../../shared/contract';
import icon from '../../../resources/icon.png?asset';
import startHostWorker from './host-worker?nodeWorker';
import { createCallHandler } from './call-handler';
import { createHostClient, type HostClient } from './host-client';
import { menuTemplate } from './menu';
import { nativeBindingPath } from './native-binding';
import { pdfFontPath } from '../pdf/font';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  contentSecurityPolicy,
  contentTypeFor,
  isPermissionGranted,
  isSameOrigin,
  resolveAppAsset,
  type SenderInfo,
} from './security';
import { decideDownload, exportRecord, PRIVACY_SWITCHES, WINDOW_PARTITION, windowWebPreferences } from './session-policy';
import { archiveDirFor, SHELL_CONFIG_FILE, writeShellConfig } from './shell-config';

const APP_NAME = '客户信用档案';
/** ASCII folder name under the OS's app-data folder: easy to type, back up and script. */
const USER_DATA_FOLDER = 'credit-archive';

export function startDesktopShell(): void {
  // Before 'ready': the name, the data folder, the privileged scheme, the single instance.
  app.setName(APP_NAME);
  app.setPath('userData', join(app.getPath('appData'), USER_DATA_FOLDER));
  // standard: a real origin (app://archive) for 'self' and the sender check; secure: a
  // secure context. corsEnabled because Vite's <script type="module" crossorigin> are CORS
  // requests; it only admits cross-origin readers, and no other origin is ever loaded.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
  // Nothing of the pages on disk: no disk cache, no GPU shader cache, no crash dumps.
  for (const [name, value] of PRIVACY_SWITCHES) app.commandLine.appendSwitch(name, value);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const isDev = !app.isPackaged;
  const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
  const origin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
  const csp = contentSecurityPolicy(devServerUrl);
  const rendererDir = join(import.meta.dirname, '../renderer');
  const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
  const userData = app.getPath('userData');
  const configFile = join(userData, SHELL_CONFIG_FILE);

  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    platform: process.platform,
    arch: process.arch,
  });
  const host: HostClient = createHostClient((data) => startHostWorker({ name: 'archive-host', workerData: data }), {
    dir: archiveDirFor(userData),
    nativeBinding,
    pdfFont: pdfFontPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
  });

  let mainWindow: BrowserWindow | null = null;

  hardenEveryWebContents();

  let choosingFolder = false;
  async function chooseFolder(): Promise<{ dir: string } | null> {
    if (choosingFolder) return null;
    choosingFolder = true;
    try {
      const options: OpenDialogOptions = {
        title: '选择档案文件夹',
        buttonLabel: '选择',
        defaultPath: host.dir,
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      const dir = result.filePaths[0];
      if (result.canceled || !dir) return null;
      if (dir !== host.dir) {
        // Remember first: if that fails, the app keeps serving the folder it remembers.
        writeShellConfig(configFile, { archiveDir: dir });
        await host.restart(dir);
      }
      return { dir };
    } finally {
      choosingFolder = false;
    }
  }

  const handleCall = createCallHandler({
    trustedPage: () => ({
      webContentsId: mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null,
      origin,
    }),
    shell: { chooseFolder },
    host,
    onSession: (token) => {
      lastSession = token;
    },
  });
  let lastSession: string | null = null;
  ipcMain.handle(CHANNEL, (event, request: unknown) => handleCall(senderOf(event), request));

  function createWindow(): BrowserWindow {
    const win = new BrowserWindow({
      title: APP_NAME,
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 600,
      show: false,
      backgroundColor: '#ffffff',
      ...(process.platform === 'linux' ? { icon } : {}),
      webPreferences: windowWebPreferences({ preload: preloadPath, isDev }),
    });
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
    return win;
  }

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  // Close the archive (checkpoint, forget keys) before the process ends; never hang on it.
  let hostClosed = false;
  app.on('will-quit', (event) => {
    if (hostClosed) return;
    event.preventDefault();
    void host.close().finally(() => {
      hostClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    if (!existsSync(nativeBinding)) {
      dialog.showErrorBox(
        `${APP_NAME}无法启动`,
        `缺少为 Electron 构建的数据库模块：\n${nativeBinding}\n\n` +
          '从源码运行时请用 npm start（它会先构建这个模块）；安装包中缺少它时请重新安装。\n\n' +
          `The database module built for Electron is missing: ${nativeBinding}`,
      );
      hostClosed = true;
      app.exit(1);
      return;
    }

    // The window's own in-memory session (session-policy.ts): its caches never reach the disk.
    const ses = session.fromPartition(WINDOW_PARTITION);
    // An export is a download the page makes: the user picks where it goes, and it is on record.
    ses.on('will-download', (event, item) => {
      const info = { url: item.getURL(), suggestedName: item.getFilename(), mimeType: item.getMimeType(), totalBytes: item.getTotalBytes() };
      const decision = decideDownload(info, app.getPath('downloads'));
      if (!decision.allow || !decision.dialog) {
        event.preventDefault();
        return;
      }
      item.setSaveDialogOptions(decision.dialog);
      item.once('done', (_e, state) => {
        if (state !== 'completed' || !lastSession) return;
        void host.call(lastSession, 'audit.recordExport', exportRecord(info, item.getSavePath(), item.getReceivedBytes())).then((r) => {
          if (!r.ok) console.error('[shell] export not recorded:', r.error.code);
        });
      });
    });
    ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
      callback(isPermissionGranted(permission, details.requestingUrl, origin)),
    );
    ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      isPermissionGranted(permission, requestingOrigin, origin),
    );
    ses.setDevicePermissionHandler(() => false);
    // The policy travels as a header on every response of our origin (the dev server's, and
    // app:// where Electron routes it through webRequest; the protocol handler below sets it
    // in any case). Matched in code rather than by a URL filter, which would throw at start
    // for a pattern Chromium does not parse.
    ses.webRequest.onHeadersReceived((details, callback) => {
      if (!isSameOrigin(details.url, origin)) {
        callback({});
        return;
      }
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });

    // Read the file here rather than net.fetch('file://…'): no dependence on file://
    // privileges (switched off by the fuses), and the type and headers are ours.
    ses.protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppAsset(rendererDir, request.url);
      if (!file) return new Response('Not found', { status: 404 });
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        return new Response('Not found', { status: 404 });
      }
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    });

    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isDev, onAbout: showAbout })));
    mainWindow = createWindow();
  });

  function showAbout(): void {
    const options = {
      type: 'info' as const,
      title: '关于',
      message: APP_NAME,
      detail: `Customer Credit Archive\n版本 ${app.getVersion()}\nElectron ${process.versions.electron}`,
      buttons: ['确定'],
    };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  }
}

/** Who sent an IPC message, as plain data for the pure sender check. */
function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  try {
    const frame = event.senderFrame;
    return {
      webContentsId: event.sender.id,
      frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
    };
  } catch {
    // A frame destroyed meanwhile throws on access: treat as no frame.
    return { webContentsId: -1, frame: null };
  }
}

/** No navigation, no new windows, no <webview>, in every WebContents the app ever makes. */
function hardenEveryWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
