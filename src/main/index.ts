// The desktop shell: one locked-down window showing the renderer from app://, a menu, the
// native folder picker, and a bridge that forwards contract calls to the engine, which runs
// in a worker thread so the window never waits on the corpus.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { EVENT_NAMES, type Envelope } from '../shared/api.ts';
import { startEngineHost, type HostedEngine } from '../engine/host/engine-host.ts';
import { defaultDataDir } from '../engine/paths.ts';
import { mimeType, resolveStatic } from '../server/static-files.ts';
import createEngineWorker from '../engine/host/engine-worker.ts?nodeWorker';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, isSafeExternalUrl, isTrustedSender, lockedWebPreferences } from './security.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;

function argValue(name: string): string | null {
  const i = process.argv.indexOf(name);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1]!;
  const prefixed = process.argv.find((a) => a.startsWith(`${name}=`));
  return prefixed ? prefixed.slice(name.length + 1) : null;
}

const dataDirArg = argValue('--data-dir');
const dataDir = dataDirArg ? path.resolve(dataDirArg) : defaultDataDir();
app.setPath('userData', dataDir);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let engine: HostedEngine | null = null;
let mainWindow: BrowserWindow | null = null;

function sendEvent(event: string, payload: unknown): void {
  mainWindow?.webContents.send('wirebench:event', event, payload);
}

function registerAppProtocol(): void {
  const root = fs.existsSync(rendererDir) ? fs.realpathSync(rendererDir) : rendererDir;
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStatic(root, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    const response = await net.fetch(pathToFileURL(file).toString());
    return new Response(response.body, {
      status: 200,
      headers: { 'Content-Type': mimeType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

async function pickFolders(): Promise<string[]> {
  const options: Electron.OpenDialogOptions = { title: 'Import folders of articles', properties: ['openDirectory', 'multiSelections'] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

async function saveFile(args: unknown): Promise<string | null> {
  const a = (args ?? {}) as { defaultName?: unknown; extensions?: unknown };
  const defaultName = typeof a.defaultName === 'string' ? path.basename(a.defaultName).slice(0, 255) : undefined;
  const extensions = Array.isArray(a.extensions) ? a.extensions.filter((e): e is string => typeof e === 'string' && /^[a-z0-9]{1,10}$/.test(e)).slice(0, 10) : [];
  const options: Electron.SaveDialogOptions = {
    title: 'Export search results',
    ...(defaultName !== undefined && { defaultPath: defaultName }),
    ...(extensions.length > 0 && { filters: [{ name: extensions.join(', ').toUpperCase(), extensions }] }),
  };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

function registerIpc(): void {
  ipcMain.handle('wirebench:call', async (event, method: unknown, args: unknown): Promise<Envelope<unknown>> => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame === event.sender.mainFrame, devUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the Wirebench window.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'bad_request', message: 'The method must be a string.' } };
    if (method === 'dialog.pickFolders') return { ok: true, result: { paths: await pickFolders() } };
    if (method === 'dialog.saveFile') return { ok: true, result: { path: await saveFile(args) } };
    if (!engine) return { ok: false, error: { code: 'internal', message: 'The engine is still starting.' } };
    return engine.call(method, args);
  });
  ipcMain.on('wirebench:dropped', (event, paths: unknown) => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame === event.sender.mainFrame, devUrl)) return;
    if (!Array.isArray(paths) || paths.length > 1000 || !paths.every((p) => typeof p === 'string' && path.isAbsolute(p))) return;
    sendEvent('onPathsDropped', { paths });
  });
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Import Folder…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const paths = await pickFolders();
            if (paths.length) sendEvent('onPathsDropped', { paths });
          },
        },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Wirebench',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: lockedWebPreferences(path.join(here, '../preload/index.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.whenReady().then(async () => {
    lockDownContents();
    registerAppProtocol();
    registerIpc();
    buildMenu();
    const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
    try {
      engine = await startEngineHost({ createWorker: createEngineWorker, dataDir, resourcesDir });
    } catch (error) {
      dialog.showErrorBox('Wirebench cannot open its corpus', `${(error as Error).message}\n\nData folder: ${dataDir}`);
      app.quit();
      return;
    }
    for (const event of EVENT_NAMES) engine.on(event, (payload) => sendEvent(event, payload));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !engine) return;
    closing = true;
    event.preventDefault();
    void engine.close().finally(() => app.quit());
  });
}
