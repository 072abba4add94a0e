// The desktop window's security decisions, as pure functions so each one is unit-tested in
// plain Node (no Electron runs in CI); src/main/index.ts wires each in one line, and
// tests/unit/electron-wiring.test.ts checks that it does. Loosening any of them fails a test.
import type { WebPreferences } from 'electron';
import { isMethodName, type MethodArgs, type MethodName, type WbError } from '../shared/api.ts';
import { checkArgs } from '../engine/schemas.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'wirebench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The window's webPreferences, without the preload path. */
export const LOCKED_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
} as const satisfies WebPreferences);

export function lockedWebPreferences(preload: string): WebPreferences {
  return { preload, ...LOCKED_WEB_PREFERENCES };
}

/**
 * The hidden window that prints a briefing's HTML to PDF: locked like the main window, and
 * also without JavaScript, preload or middle-click (it is never shown to anyone).
 */
export function printWebPreferences(): WebPreferences {
  return { ...LOCKED_WEB_PREFERENCES, javascript: false, offscreen: true, disableBlinkFeatures: 'Auxclick' };
}

// No frames, workers, plugins or inline code; the page talks only to its own origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Only the app's own page may call the engine: not a subframe, not a page navigated elsewhere. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, devUrl: string | null): boolean {
  if (!frameUrl || !isMainFrame) return false;
  const url = parseUrl(frameUrl);
  if (!url) return false;
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  return devUrl !== null && url.origin === new URL(devUrl).origin;
}

/** Links the user clicks open in the system browser, and only web links. */
export function isSafeExternalUrl(value: unknown): value is string {
  const url = parseUrl(value);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}

export interface NavigationDecision {
  /** Never true: the window shows the app and nothing else. */
  allow: false;
  /** A web link the user followed, to open in the system browser instead. */
  openExternal: string | null;
}

/** will-navigate, will-redirect, will-frame-navigate: the window never leaves the app. */
export function navigationDecision(url: string): NavigationDecision {
  return { allow: false, openExternal: isSafeExternalUrl(url) ? url : null };
}

/** window.open and target=_blank links: no new Electron window, web links go to the browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternal: string | null } {
  return { action: 'deny', openExternal: isSafeExternalUrl(url) ? url : null };
}

/** Permissions the app's own page may use; everything else (camera, geolocation, ...) is refused. */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionDecision(permission: string, requestingUrl: string | undefined | null): boolean {
  const url = parseUrl(requestingUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return false;
  return APP_PERMISSIONS.has(permission);
}

export type CallCheck = { ok: true; method: MethodName; args: MethodArgs<MethodName> } | { ok: false; error: WbError };

/**
 * Every IPC call: from the app's main frame, to a method of the contract, with arguments
 * that match its schema. The engine checks the arguments again; this keeps a bad call from
 * ever reaching the main process's own handlers (the native dialogs) or the worker.
 */
export function checkCall(senderUrl: string | undefined, isMainFrame: boolean, method: unknown, args: unknown, devUrl: string | null): CallCheck {
  if (!isTrustedSender(senderUrl, isMainFrame, devUrl)) return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the Wirebench window.' } };
  if (!isMethodName(method)) return { ok: false, error: { code: 'bad_request', message: `Unknown method: ${String(method).slice(0, 80)}` } };
  const checked = checkArgs(method, args ?? {});
  if (!checked.ok) return { ok: false, error: { code: 'bad_request', message: checked.message } };
  return { ok: true, method, args: checked.args };
}

/** Paths dropped on the window: from the app's main frame, absolute, a bounded list. */
export function checkDroppedPaths(senderUrl: string | undefined, isMainFrame: boolean, paths: unknown, devUrl: string | null): string[] | null {
  if (!isTrustedSender(senderUrl, isMainFrame, devUrl)) return null;
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > 1000) return null;
  const ok = paths.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 4096 && !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')));
  return ok ? (paths as string[]) : null;
}

/**
 * A wirebench://article/ID?start=S&end=E link, as exported briefings carry, read strictly:
 * anything else is ignored.
 */
export function parseArticleLink(value: string): { articleId: number; start: number | null; end: number | null } | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'wirebench:' || url.hostname !== 'article') return null;
  const id = /^\/(\d{1,15})$/.exec(url.pathname);
  if (!id) return null;
  const num = (name: string): number | null => {
    const v = url.searchParams.get(name);
    return v !== null && /^\d{1,12}$/.test(v) ? Number(v) : null;
  };
  const start = num('start');
  const end = num('end');
  return { articleId: Number(id[1]), ...(start !== null && end !== null && end > start ? { start, end } : { start: null, end: null }) };
}

/**
 * The article formats Wirebench imports (src/engine/ingest/parsers/index.ts; a unit test keeps
 * the two lists equal). Only such a file is ever handed to the system to open: never a
 * program, a script or a shortcut, whatever the database says.
 */
export const OPENABLE_SOURCE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx', '.pdf', '.eml', '.mbox',
  '.xml', '.rss', '.atom', '.sgm', '.sgml', '.jsonl', '.ndjson', '.csv', '.tsv',
]);

export type SourceFileDecision = { ok: true; path: string } | { ok: false; error: WbError };

/**
 * "Open source file" / "Show in folder": the path comes from the engine (the article's stored
 * source), never from the page; it must be absolute, an article format, and an existing
 * regular file. `isFile` is fs-backed in the shell and a stand-in in tests.
 */
export function sourceFileDecision(storedPath: unknown, isFile: (p: string) => boolean): SourceFileDecision {
  if (typeof storedPath !== 'string' || storedPath.length === 0) return { ok: false, error: { code: 'not_found', message: 'This article was not imported from a file.' } };
  const absolute = storedPath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(storedPath) || storedPath.startsWith('\\\\');
  if (!absolute || storedPath.includes('\0') || storedPath.length > 4096) return { ok: false, error: { code: 'forbidden', message: 'The stored source path is not an absolute file path.' } };
  const base = storedPath.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || !OPENABLE_SOURCE_EXTENSIONS.has(base.slice(dot).toLowerCase())) return { ok: false, error: { code: 'forbidden', message: `Wirebench opens only article files, not ${base}.` } };
  if (!isFile(storedPath)) return { ok: false, error: { code: 'not_found', message: `The source file is no longer there: ${storedPath}` } };
  return { ok: true, path: storedPath };
}
