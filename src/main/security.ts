// The desktop window's security settings, in one place so a unit test can pin them: any
// loosening (nodeIntegration, sandbox off, webviews) fails the test suite.
import type { WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'wirebench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function lockedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
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
  };
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only the app's own page may call the engine: not a subframe, not a page navigated elsewhere. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, devUrl: string | null): boolean {
  if (!frameUrl || !isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  return devUrl !== null && url.origin === new URL(devUrl).origin;
}

/** Links the user clicks open in the system browser, and only web links. */
export function isSafeExternalUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
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
