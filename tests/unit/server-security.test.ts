// Each attack on the loopback server is refused, and the server still serves afterwards.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { resolveStatic } from '../../src/server/static-files.ts';
import { tokenMatches } from '../../src/server/security.ts';
import { login } from '../support/http-client.ts';
import { REPO, suiteTempDir } from '../support/temp.ts';

let engine: Engine;
let server: RunningServer;
let root: string;
let cookie: string;

/** A raw request, so tests can send headers fetch would not let them set (Host, for one). */
function raw(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path ?? '/', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const call = (headers: Record<string, string>, body = '{"method":"corpus.stats","args":{}}') =>
  raw({ method: 'POST', path: '/api/call', headers: { 'content-type': 'application/json', cookie, ...headers }, body });

async function stillServes(): Promise<void> {
  const ok = await call({});
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { articles: 0 } });
}

beforeAll(async () => {
  root = suiteTempDir('wirebench-renderer-');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Wirebench</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  const outside = suiteTempDir('wirebench-outside-');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  engine = createEngine({ dataDir: suiteTempDir(), log: () => {} });
  server = await startServer({ engine, rendererDir: root, port: 0, bodyTimeoutMs: 1000, log: () => {} });
  cookie = await login(`${server.url}?token=${server.token}`);
});
afterAll(async () => {
  await server.close();
  await engine.close();
});

describe('loopback server defences', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    // Every other address of this machine (and IPv6 loopback) is refused at connect.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => a !== undefined && a.address !== '127.0.0.1')
      .map((a) => a.address);
    expect(others).toContain('::1');
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address.startsWith('fe80') ? `${address}%lo` : address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('trades the launch token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const res = await raw({ path: `/?token=${server.token}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']![0]).toMatch(/^wirebench_\d+=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await raw({ path: '/' })).status).toBe(401);
    expect((await raw({ path: '/?token=wrong' })).status).toBe(401);
    expect((await call({ cookie: `wirebench_${server.port}=wrong` })).status).toBe(401);
    expect((await call({ cookie: '' })).status).toBe(401);
    expect((await call({ cookie: '', authorization: 'Bearer nope' })).status).toBe(401);
    await stillServes();
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`]) {
      const res = await raw({ path: '/', headers: { host, cookie } });
      expect(res.status).toBe(421);
    }
    expect((await raw({ path: '/', headers: { host: `localhost:${server.port}`, cookie } })).status).toBe(200);
    await stillServes();
  });

  it('refuses a foreign Origin and cross-site fetch metadata, on calls and the event stream', async () => {
    expect((await call({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await call({ origin: 'null' })).status).toBe(403);
    expect((await call({ origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await call({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await raw({ path: '/api/events', headers: { cookie, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await call({ origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    await stillServes();
  });

  it('refuses a cross-site form POST (not JSON)', async () => {
    const res = await call({ 'content-type': 'application/x-www-form-urlencoded' }, 'method=import.run&args=x');
    expect(res.status).toBe(415);
    expect((await call({ 'content-type': 'text/plain' })).status).toBe(415);
    expect((await raw({ method: 'GET', path: '/api/call', headers: { cookie } })).status).toBe(405);
    await stillServes();
  });

  it('answers JSON with nosniff, never CORS headers', async () => {
    const res = await call({ origin: `http://127.0.0.1:${server.port}` });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const bad = await call({}, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'bad_request', message: 'The body is not valid JSON.' } });
  });

  it('refuses path traversal, encoded or not, and symbolic links out of the folder', async () => {
    for (const p of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fsecret', '/assets/%2e%2e%5c%2e%2e%5csecret', '/assets/link.txt', '/%00', '/assets/%E0%A4%A']) {
      const res = await raw({ path: p, headers: { cookie } });
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('secret');
    }
    expect((await raw({ path: '/assets/app.js', headers: { cookie } })).status).toBe(200);
    expect(resolveStatic(fs.realpathSync(root), '/assets/app.js')).toBe(path.join(fs.realpathSync(root), 'assets/app.js'));
    expect(resolveStatic(fs.realpathSync(root), '/assets/link.txt')).toBeNull();
  });

  it('refuses an oversized body', async () => {
    const big = JSON.stringify({ method: 'search.query', args: { query: 'x'.repeat(2 * 1024 * 1024) } });
    const res = await call({}, big);
    expect(res.status).toBe(413);
    await stillServes();
  });

  it('refuses at once a body declared larger than the limit, before reading it', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`POST /api/call HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n{`);
    const answer = await new Promise<string>((resolve) => {
      let data = '';
      socket.on('data', (c) => {
        data += c;
        if (data.includes('\r\n\r\n')) resolve(data);
      });
    });
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    await stillServes();
  });

  it('drops a body that arrives too slowly, and keeps serving others meanwhile', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`POST /api/call HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"meth`);
    await stillServes();
    const answer = await new Promise<string>((resolve) => {
      let data = '';
      socket.on('data', (c) => (data += c));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 20_000);

  it('compares tokens in constant time and rejects empty ones', () => {
    // Timing cannot be measured reliably in a test; the comparison must go through
    // timingSafeEqual on fixed-length digests, so neither content nor length leaks.
    const source = fs.readFileSync(path.join(REPO, 'src/server/security.ts'), 'utf8');
    const body = /export function tokenMatches\([^)]*\)[^{]*\{([\s\S]*?)\n\}/.exec(source)![1]!;
    expect(body).toMatch(/return timingSafeEqual\(a, b\);/);
    expect(body).toMatch(/createHash\('sha256'\)\.update\(candidate\)/);
    expect(body).not.toMatch(/[=!]==?\s*token|token\s*[=!]==?|\.equals\(|localeCompare/);
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });

  it('refuses a cross-site form POST as a browser sends it, with or without the cookie', async () => {
    const form = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'content-type': 'application/x-www-form-urlencoded' };
    // SameSite=Strict: the browser leaves the cookie out, so the token is missing.
    expect((await call({ ...form, cookie: '' }, 'method=import.run')).status).toBe(401);
    // Even if it were sent, the Origin gives the request away.
    expect((await call(form, 'method=import.run')).status).toBe(403);
    // A JSON body in a text/plain form (the usual trick around preflight) is refused too.
    expect((await call({ ...form, 'content-type': 'text/plain' }, '{"method":"import.run","args":{"paths":["/"]}}')).status).toBe(403);
    await stillServes();
  });

  it('answers a CORS preflight without any Access-Control-Allow header', async () => {
    for (const headers of [{ cookie }, {}] as Record<string, string>[]) {
      const res = await raw({ method: 'OPTIONS', path: '/api/call', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', ...headers } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    await stillServes();
  });

  it('refuses a foreign Host on the event stream and static files too', async () => {
    expect((await raw({ path: '/api/events', headers: { host: 'evil.example', cookie } })).status).toBe(421);
    expect((await raw({ path: '/assets/app.js', headers: { host: `attacker.example:${server.port}`, cookie } })).status).toBe(421);
  });

  it('sends no Access-Control-Allow-Origin on any answer, good or bad', async () => {
    const answers = await Promise.all([
      call({}),
      call({ origin: 'http://evil.example' }),
      raw({ path: '/', headers: { cookie, origin: 'http://evil.example' } }),
      raw({ path: '/assets/app.js', headers: { cookie } }),
      raw({ path: '/nope', headers: { cookie } }),
      raw({ path: '/api/nope', headers: { cookie } }),
      raw({ path: '/' }),
    ]);
    for (const a of answers) expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('puts no token in any static asset', async () => {
    for (const p of ['/', '/assets/app.js']) {
      const res = await raw({ path: p, headers: { cookie } });
      expect(res.body).not.toContain(server.token);
    }
  });

  it('serves the real built window with no token and no user data in any file', async (ctx) => {
    const built = path.join(REPO, 'out/renderer');
    if (!fs.existsSync(path.join(built, 'index.html'))) {
      ctx.skip();
      return;
    }
    const dataDir = suiteTempDir('wirebench-secret-data-');
    const real = createEngine({ dataDir, log: () => {} });
    const web = await startServer({ engine: real, rendererDir: built, port: 0, log: () => {} });
    try {
      const jar = await login(`${web.url}?token=${web.token}`);
      const files: string[] = [];
      const walkDir = (dir: string): void => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) (e.isDirectory() ? walkDir : (f: string) => files.push(f))(path.join(dir, e.name));
      };
      walkDir(built);
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        const res = await fetch(new URL(`/${path.relative(built, file).split(path.sep).map(encodeURIComponent).join('/')}`, web.url), { headers: { cookie: jar } });
        expect(res.status, file).toBe(200);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        const body = Buffer.from(await res.arrayBuffer()).toString('latin1');
        expect(body, file).not.toContain(web.token);
        expect(body, file).not.toContain(dataDir);
      }
    } finally {
      await web.close();
      await real.close();
    }
  });
});
