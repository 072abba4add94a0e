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
import createEngineWorker from '../engine/host/engine-worker.ts?nodeWorker';
import { appProtocolResponse } from './app-protocol.ts';
import {
  APP_ORIGIN,
  APP_SCHEME,
  checkCall,
  checkDroppedPaths,
  isSafeExternalUrl,
  lockedWebPreferences,
  navigationDecision,
  parseArticleLink,
  permissionDecision,
  printWebPreferences,
  sourceFileDecision,
  windowOpenDecision,
} from './security.ts';

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

// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let engine: HostedEngine | null = null;
// The window opens at once; calls wait here while the engine opens and checks the corpus
// (quick_check reads the whole file: seconds on a big corpus).
let engineReady: Promise<HostedEngine | null> = Promise.resolve(null);
let mainWindow: BrowserWindow | null = null;

function sendEvent(event: string, payload: unknown): void {
  mainWindow?.webContents.send('wirebench:event', event, payload);
}

/** Web links go to the system browser; nothing else is ever handed to the OS. */
function openExternal(url: string | null): void {
  if (url !== null && isSafeExternalUrl(url)) void shell.openExternal(url);
}

function registerAppProtocol(): void {
  const root = fs.existsSync(rendererDir) ? fs.realpathSync(rendererDir) : rendererDir;
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = appProtocolResponse(root, request.url);
    if (!answer.file) return new Response('Not found', { status: answer.status, headers: answer.headers });
    const response = await net.fetch(pathToFileURL(answer.file).toString());
    return new Response(response.body, { status: answer.status, headers: answer.headers });
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
    title: 'Save as',
    ...(defaultName !== undefined && { defaultPath: defaultName }),
    ...(extensions.length > 0 && { filters: [{ name: extensions.join(', ').toUpperCase(), extensions }] }),
  };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/**
 * Desktop PDF: the engine renders the briefing's HTML, and Electron's own Chromium prints it,
 * in a hidden window with no script, no preload and no network.
 */
async function exportPdf(started: HostedEngine, args: { collectionId: number; path: string }): Promise<Envelope<unknown>> {
  const { collectionId, path: target } = args;
  const html = await started.call('briefing.export', { collectionId, format: 'html' });
  if (!html.ok) return html;
  const { data, fileName } = html.result as { data: string; fileName: string };
  const win = new BrowserWindow({ show: false, webPreferences: printWebPreferences() });
  try {
    // Nothing but the briefing itself: no network, no local files.
    win.webContents.session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
    await win.loadURL(`data:text/html;charset=utf-8;base64,${data}`);
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    await fs.promises.writeFile(`${target}.partial`, pdf);
    await fs.promises.rename(`${target}.partial`, target);
    return { ok: true, result: { format: 'pdf', fileName: path.basename(target) || fileName.replace(/\.html$/, '.pdf'), mime: 'application/pdf', bytes: pdf.length, path: target, data: null } };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `The PDF could not be written: ${(error as Error).message}` } };
  } finally {
    win.destroy();
  }
}

/**
 * "Open source file" and "Show in folder": the page names an article; the path is the one
 * the engine stored for it, checked by sourceFileDecision before the system sees it.
 */
async function openSource(started: HostedEngine, method: 'article.openSource' | 'article.revealSource', id: number): Promise<Envelope<unknown>> {
  const found = await started.call('article.get', { id });
  if (!found.ok) return found;
  const decision = sourceFileDecision((found.result as { path?: unknown }).path, (p) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true);
  if (!decision.ok) return { ok: false, error: decision.error };
  if (method === 'article.revealSource') {
    shell.showItemInFolder(decision.path);
    return { ok: true, result: { path: decision.path } };
  }
  const failure = await shell.openPath(decision.path);
  if (failure) return { ok: false, error: { code: 'internal', message: `The source file could not be opened: ${failure}` } };
  return { ok: true, result: { path: decision.path } };
}

function registerIpc(): void {
  ipcMain.handle('wirebench:call', async (event, method: unknown, args: unknown): Promise<Envelope<unknown>> => {
    const checked = checkCall(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame, method, args, devUrl);
    if (!checked.ok) return { ok: false, error: checked.error };
    if (checked.method === 'dialog.pickFolders') return { ok: true, result: { paths: await pickFolders() } };
    if (checked.method === 'dialog.saveFile') return { ok: true, result: { path: await saveFile(checked.args) } };
    const started = engine ?? (await engineReady);
    if (!started) return { ok: false, error: { code: 'internal', message: 'The Wirebench engine did not start; see the message it showed.' } };
    // Desktop PDF: printed by Electron's own Chromium rather than the engine's.
    const a = checked.args as { format?: unknown; path?: unknown; collectionId?: unknown };
    if (checked.method === 'briefing.export' && a.format === 'pdf' && typeof a.path === 'string' && typeof a.collectionId === 'number') {
      return exportPdf(started, { collectionId: a.collectionId, path: a.path });
    }
    if (checked.method === 'article.openSource' || checked.method === 'article.revealSource') return openSource(started, checked.method, (checked.args as { id: number }).id);
    return started.call(checked.method, checked.args);
  });
  ipcMain.on('wirebench:dropped', (event, paths: unknown) => {
    const checked = checkDroppedPaths(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame, paths, devUrl);
    if (checked) sendEvent('onPathsDropped', { paths: checked });
  });
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.on('will-navigate', (e) => {
      const decision = navigationDecision(e.url);
      if (!decision.allow) e.preventDefault();
      openExternal(decision.openExternal);
    });
    contents.on('will-frame-navigate', (e) => {
      if (!navigationDecision(e.url).allow) e.preventDefault();
    });
    contents.on('will-redirect', (e) => {
      if (!navigationDecision(e.url).allow) e.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      openExternal(decision.openExternal);
      return { action: decision.action };
    });
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl ?? contents.getURL())));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
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
  mainWindow.webContents.once('did-finish-load', () => {
    if (pendingLink) {
      const link = pendingLink;
      pendingLink = null;
      // The window subscribes to events as it mounts; give it a moment.
      setTimeout(() => openLink(link), 500);
    }
  });
  void mainWindow.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}

/** wirebench://article/… links from exported briefings open the article in this window. */
let pendingLink: string | null = process.argv.find((a) => a.startsWith('wirebench://')) ?? null;
function openLink(value: string): void {
  const link = parseArticleLink(value);
  if (!link) return;
  if (!mainWindow || mainWindow.webContents.isLoading()) {
    pendingLink = value;
    return;
  }
  sendEvent('onOpenArticle', link);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAsDefaultProtocolClient('wirebench');
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  app.on('second-instance', (_event, argv) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    const link = argv.find((a) => a.startsWith('wirebench://'));
    if (link) openLink(link);
  });

  app.whenReady().then(async () => {
    lockDownContents();
    registerAppProtocol();
    registerIpc();
    buildMenu();
    const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
    engineReady = startEngineHost({ createWorker: createEngineWorker, dataDir, resourcesDir }).then(
      (started) => {
        engine = started;
        for (const event of EVENT_NAMES) started.on(event, (payload) => sendEvent(event, payload));
        return started;
      },
      (error: unknown) => {
        // The engine answers even for a corpus it cannot open; this is the worker itself failing.
        dialog.showErrorBox('Wirebench cannot start its engine', `${(error as Error).message}\n\nData folder: ${dataDir}`);
        app.quit();
        return null;
      },
    );
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
