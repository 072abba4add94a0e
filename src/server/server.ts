// Web mode: the renderer and the contract on 127.0.0.1 only. One generic endpoint takes
// every call (POST /api/call {method, args}); one event stream (GET /api/events) carries the
// engine's events. Every request must come with the Host of this server and the launch
// token (from the printed URL, then an HttpOnly SameSite=Strict cookie); API requests must
// also be same-origin JSON. Errors are JSON { ok: false, error: { code, message } }.
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Envelope, Transport, WbError } from '../shared/api.ts';
import { EVENT_NAMES } from '../shared/api.ts';
import { mimeType, resolveStatic } from './static-files.ts';
import { bearerToken, CONTENT_SECURITY_POLICY, cookieName, hostAllowed, newToken, readCookie, sameOrigin, tokenMatches } from './security.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
const BODY_TIMEOUT_MS = 10_000;
const HEARTBEAT_MS = 15_000;

export interface ServerOptions {
  engine: Transport;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** A fixed token (tests); a random one per launch otherwise. */
  token?: string;
  /** How long a request body may take to arrive (default 10 s). */
  bodyTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}


function baseHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, error: WbError): void {
  sendJson(res, status, { ok: false, error } satisfies Envelope<never>);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { engine, rendererDir } = options;
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const token = options.token ?? newToken();
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  const root = fs.realpathSync(rendererDir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`The window is not built (${path.join(root, 'index.html')} is missing); run \`npm run build\` first.`);
  }
  const streams = new Set<ServerResponse>();
  const unsubscribe = EVENT_NAMES.map((event) =>
    engine.on(event, (payload) => {
      const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const res of streams) res.write(frame);
    }),
  );
  let port = 0;

  const server = http.createServer((req, res) => {
    baseHeaders(res);
    handle(req, res).catch((error: unknown) => {
      log(`wirebench serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      refuse(res, 500, { code: 'internal', message: 'Internal error.' });
    });
  });
  // Slow or stalled clients must not hold the server.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return refuse(res, 421, { code: 'forbidden', message: 'Wrong Host header: this server answers only as 127.0.0.1, localhost or [::1] on its own port.' });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return refuse(res, 400, { code: 'bad_request', message: 'Malformed URL.' });
    }

    const cookie = readCookie(req, cookieName(port));
    const authed = tokenMatches(cookie, token) || tokenMatches(bearerToken(req), token);

    // The launch URL: trade the token in the query for a cookie, then drop it from the address bar.
    const offered = url.searchParams.get('token');
    if (offered !== null && req.method === 'GET' && url.pathname === '/') {
      if (!tokenMatches(offered, token)) return refuse(res, 401, { code: 'unauthorized', message: 'Wrong token. Open the URL that `wirebench serve` printed.' });
      res.setHeader('Set-Cookie', `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (!authed) return refuse(res, 401, { code: 'unauthorized', message: 'Missing or wrong token. Open the URL that `wirebench serve` printed.' });

    if (url.pathname === '/api/call') return handleCall(req, res);
    if (url.pathname === '/api/events') return handleEvents(req, res);
    if (url.pathname.startsWith('/api/')) return refuse(res, 404, { code: 'not_found', message: 'No such endpoint.' });
    return serveStatic(req, res, url.pathname);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return refuse(res, 405, { code: 'bad_request', message: 'Use POST.' });
    }
    if (!sameOrigin(req, port)) return refuse(res, 403, { code: 'forbidden', message: 'Cross-origin requests are refused.' });
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return refuse(res, 415, { code: 'bad_request', message: 'Send JSON (Content-Type: application/json).' });
    const body = await readBody(req, res);
    if (body === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return refuse(res, 400, { code: 'bad_request', message: 'The body is not valid JSON.' });
    }
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { method?: unknown }).method !== 'string') {
      return refuse(res, 400, { code: 'bad_request', message: 'Expected {"method": "noun.verb", "args": {...}}.' });
    }
    const { method, args } = parsed as { method: string; args?: unknown };
    const envelope = await engine.call(method, args ?? {});
    sendJson(res, 200, envelope);
  }

  function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
    return new Promise((resolve) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      const tooLarge = (): void => {
        // Answer, then read and discard the rest, so the client sees the answer rather than a
        // reset connection; the server's request timeout bounds how long that may take.
        res.setHeader('Connection', 'close');
        refuse(res, 413, { code: 'bad_request', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` });
        req.removeAllListeners('data');
        req.resume();
      };
      if (declared > MAX_BODY_BYTES) {
        tooLarge();
        resolve(null);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (value: string | null): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        res.setHeader('Connection', 'close');
        refuse(res, 408, { code: 'bad_request', message: 'The request body took too long to arrive.' });
        res.on('finish', () => req.destroy());
        finish(null);
      }, bodyTimeoutMs);
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          tooLarge();
          finish(null);
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => finish(Buffer.concat(chunks).toString('utf8')));
      req.on('error', () => finish(null));
    });
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return refuse(res, 405, { code: 'bad_request', message: 'Use GET.' });
    if (!sameOrigin(req, port)) return refuse(res, 403, { code: 'forbidden', message: 'Cross-origin requests are refused.' });
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.socket.setTimeout(0);
    const stop = (): void => {
      clearInterval(heartbeat);
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('error', stop);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, { code: 'bad_request', message: 'Use GET.' });
    const file = resolveStatic(root, pathname);
    if (!file) return refuse(res, 404, { code: 'not_found', message: 'Not found.' });
    const type = mimeType(file);
    const stat = fs.statSync(file);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': stat.size,
      // Hashed asset names can be cached; the page itself is always fetched fresh.
      'Cache-Control': pathname.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const u of unsubscribe) u();
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
