// What the app:// protocol answers for a request, decided without Electron so it is tested in
// plain Node: a file only from the renderer folder (no ../, encoded or not, no symbolic link
// out of it, no other host), always with the Content-Security-Policy and nosniff.
import { mimeType, resolveStatic } from '../server/static-files.ts';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.ts';

export interface ProtocolAnswer {
  status: 200 | 404;
  headers: Record<string, string>;
  /** The file to send (its real path), or null with a 404. */
  file: string | null;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
} as const;

/** `root` must already be a real path (fs.realpathSync). */
export function appProtocolResponse(root: string, requestUrl: string): ProtocolAnswer {
  const notFound: ProtocolAnswer = { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, file: null };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port) return notFound;
  const file = resolveStatic(root, url.pathname);
  if (!file) return notFound;
  return { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType(file) }, file };
}
