// The desktop window's settings and decisions, pinned: loosening any of them fails here.
// Each function is wired into src/main/index.ts (checked by electron-wiring.test.ts) and
// exercised for real by tests/electron/security.spec.ts where an Electron binary exists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../src/main/app-protocol.ts';
import {
  checkCall,
  checkDroppedPaths,
  CONTENT_SECURITY_POLICY,
  isSafeExternalUrl,
  isTrustedSender,
  LOCKED_WEB_PREFERENCES,
  lockedWebPreferences,
  navigationDecision,
  permissionDecision,
  windowOpenDecision,
} from '../../src/main/security.ts';
import { suiteTempDir } from '../support/temp.ts';

const APP = 'app://wirebench/index.html';

describe('Electron security settings', () => {
  it('locks the webPreferences', () => {
    const expected = {
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
    expect(LOCKED_WEB_PREFERENCES).toEqual(expected);
    expect(Object.isFrozen(LOCKED_WEB_PREFERENCES)).toBe(true);
    expect(lockedWebPreferences('/app/preload.cjs')).toEqual({ preload: '/app/preload.cjs', ...expected });
    // No enableBlinkFeatures, no additionalArguments, no disableBlinkFeatures loosening.
    expect(Object.keys(lockedWebPreferences('/p')).sort()).toEqual(['preload', ...Object.keys(expected)].sort());
  });

  it('has a CSP without unsafe-eval or unsafe-inline, and no frames, workers or plugins', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('worker-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline|hashes)|wasm-unsafe-eval|\*|https?:/);
  });

  it('accepts calls only from the main frame of the app page', () => {
    expect(isTrustedSender(APP, true, null)).toBe(true);
    expect(isTrustedSender(APP, false, null)).toBe(false);
    expect(isTrustedSender('app://evil/index.html', true, null)).toBe(false);
    expect(isTrustedSender('https://example.com/', true, null)).toBe(false);
    expect(isTrustedSender('file:///etc/passwd', true, null)).toBe(false);
    expect(isTrustedSender(undefined, true, null)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', true, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', true, 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', true, null)).toBe(false);
  });

  it('opens only http(s) links outside the app', () => {
    expect(isSafeExternalUrl('https://en.wikinews.org/wiki/X')).toBe(true);
    expect(isSafeExternalUrl('http://kremlin.ru/events/president/news/1')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'not a url', 'app://wirebench/x', 'https:', '', null, 42]) {
      expect(isSafeExternalUrl(bad), String(bad)).toBe(false);
    }
  });
});

describe('navigation, new windows and permissions', () => {
  it('never lets the window navigate; web links go to the browser', () => {
    expect(navigationDecision('https://example.com/')).toEqual({ allow: false, openExternal: 'https://example.com/' });
    expect(navigationDecision('app://wirebench/other.html')).toEqual({ allow: false, openExternal: null });
    expect(navigationDecision('file:///etc/passwd')).toEqual({ allow: false, openExternal: null });
    expect(navigationDecision('javascript:alert(1)')).toEqual({ allow: false, openExternal: null });
  });

  it('denies every new window', () => {
    expect(windowOpenDecision('https://en.wikinews.org/')).toEqual({ action: 'deny', openExternal: 'https://en.wikinews.org/' });
    expect(windowOpenDecision('about:blank')).toEqual({ action: 'deny', openExternal: null });
    expect(windowOpenDecision('app://wirebench/index.html')).toEqual({ action: 'deny', openExternal: null });
    expect(windowOpenDecision('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny', openExternal: null });
  });

  it('refuses permission requests, except writing to the clipboard from the app page', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'display-capture', 'hid', 'serial', 'usb', 'clipboard-read', 'unknown']) {
      expect(permissionDecision(p, APP), p).toBe(false);
    }
    expect(permissionDecision('clipboard-sanitized-write', APP)).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'app://wirebench')).toBe(true);
    expect(permissionDecision('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(permissionDecision('clipboard-sanitized-write', undefined)).toBe(false);
  });
});

describe('IPC calls', () => {
  it('accepts a contract call from the app window, with valid arguments', () => {
    expect(checkCall(APP, true, 'search.query', { query: 'peace' }, null)).toEqual({ ok: true, method: 'search.query', args: { query: 'peace' } });
    expect(checkCall(APP, true, 'corpus.stats', undefined, null)).toEqual({ ok: true, method: 'corpus.stats', args: {} });
  });

  it('refuses calls from a subframe or another origin', () => {
    for (const [url, main] of [[APP, false], ['https://evil.example/', true], [undefined, true]] as const) {
      const r = checkCall(url, main, 'corpus.stats', {}, null);
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the Wirebench window.' } });
    }
  });

  it('refuses unknown methods and arguments the contract does not allow', () => {
    expect(checkCall(APP, true, 'fs.readFile', {}, null)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(checkCall(APP, true, { toString: () => 'corpus.stats' }, {}, null)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(checkCall(APP, true, '__proto__', {}, null)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const bad = [
      ['search.query', { query: 42 }],
      ['search.query', { query: 'x', limit: 1e9 }],
      ['search.query', { query: 'x', extra: true }],
      ['import.run', { paths: [] }],
      ['import.run', { paths: 'not-a-list' }],
      ['article.get', { id: -1 }],
      ['dialog.pickFolders', { title: 'x' }],
    ] as const;
    for (const [method, args] of bad) {
      const r = checkCall(APP, true, method, args, null);
      expect(r, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/^Invalid arguments for /) } });
    }
  });

  it('takes dropped paths only from the app window, absolute and bounded', () => {
    expect(checkDroppedPaths(APP, true, ['/home/me/wires', 'C:\\news'], null)).toEqual(['/home/me/wires', 'C:\\news']);
    expect(checkDroppedPaths(APP, false, ['/home/me/wires'], null)).toBeNull();
    expect(checkDroppedPaths('https://evil.example/', true, ['/home/me/wires'], null)).toBeNull();
    expect(checkDroppedPaths(APP, true, ['relative/path'], null)).toBeNull();
    expect(checkDroppedPaths(APP, true, ['/a\0b'], null)).toBeNull();
    expect(checkDroppedPaths(APP, true, [], null)).toBeNull();
    expect(checkDroppedPaths(APP, true, Array.from({ length: 1001 }, (_, i) => `/f${i}`), null)).toBeNull();
    expect(checkDroppedPaths(APP, true, '/etc', null)).toBeNull();
  });
});

describe('the app:// protocol', () => {
  const root = suiteTempDir('wirebench-app-root-');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Wirebench</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  const outside = suiteTempDir('wirebench-app-outside-');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  fs.symlinkSync(outside, path.join(root, 'assets', 'dir-link'));
  const real = fs.realpathSync(root);

  it('serves the app files with the CSP and nosniff', () => {
    const answer = appProtocolResponse(real, 'app://wirebench/index.html');
    expect(answer).toMatchObject({ status: 200, file: path.join(real, 'index.html') });
    expect(answer.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(appProtocolResponse(real, 'app://wirebench/').file).toBe(path.join(real, 'index.html'));
    expect(appProtocolResponse(real, 'app://wirebench/assets/app.js').headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses ../, encoded variants, symbolic links out of the folder and other hosts', () => {
    const attacks = [
      'app://wirebench/../secret.txt',
      'app://wirebench/%2e%2e/%2e%2e/etc/passwd',
      'app://wirebench/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://wirebench/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      'app://wirebench/%252e%252e/secret.txt',
      'app://wirebench/assets/link.txt',
      'app://wirebench/assets/dir-link/secret.txt',
      'app://wirebench/%00',
      'app://wirebench/assets/%E0%A4%A',
      'app://wirebench/assets',
      'app://evil/index.html',
      'app://wirebench:8080/index.html',
      'app://user@wirebench/index.html',
      'file:///etc/passwd',
      'not a url',
    ];
    for (const url of attacks) {
      const answer = appProtocolResponse(real, url);
      expect(answer.status, url).toBe(404);
      expect(answer.file, url).toBeNull();
      expect(answer.headers['Content-Security-Policy'], url).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('wirebench:// article links', () => {
  it('reads the links exported briefings carry, and nothing else', async () => {
    const { parseArticleLink } = await import('../../src/main/security.ts');
    expect(parseArticleLink('wirebench://article/42?start=10&end=25')).toEqual({ articleId: 42, start: 10, end: 25 });
    expect(parseArticleLink('wirebench://article/42')).toEqual({ articleId: 42, start: null, end: null });
    expect(parseArticleLink('wirebench://article/42?start=30&end=25')).toEqual({ articleId: 42, start: null, end: null });
    for (const bad of ['wirebench://article/x', 'wirebench://evil/42', 'https://article/42', 'not a url', 'wirebench://article/99999999999999999999']) {
      expect(parseArticleLink(bad), bad).toBeNull();
    }
  });
});

describe('the PDF print window', () => {
  it('is locked like the main window, without JavaScript, preload or middle-click', async () => {
    const { printWebPreferences, LOCKED_WEB_PREFERENCES } = await import('../../src/main/security.ts');
    const prefs = printWebPreferences();
    expect(prefs).toMatchObject({ ...LOCKED_WEB_PREFERENCES, javascript: false, disableBlinkFeatures: 'Auxclick' });
    expect(prefs.preload).toBeUndefined();
  });
});

describe('opening an article source file', () => {
  it('accepts only an absolute, existing article file from the engine', async () => {
    const { sourceFileDecision, OPENABLE_SOURCE_EXTENSIONS } = await import('../../src/main/security.ts');
    const { SUPPORTED_EXTENSIONS } = await import('../../src/engine/ingest/parsers/index.ts');
    expect([...OPENABLE_SOURCE_EXTENSIONS].sort()).toEqual([...SUPPORTED_EXTENSIONS].sort());
    const dir = suiteTempDir('source-file');
    const file = path.join(dir, 'story.txt');
    fs.writeFileSync(file, 'text');
    const isFile = (p: string): boolean => fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true;
    expect(sourceFileDecision(file, isFile)).toEqual({ ok: true, path: file });
    expect(sourceFileDecision('C:\\News\\story.docx', () => true)).toEqual({ ok: true, path: 'C:\\News\\story.docx' });
    const refused: Array<[unknown, string]> = [
      [null, 'not_found'],
      ['', 'not_found'],
      ['story.txt', 'forbidden'],
      ['../story.txt', 'forbidden'],
      ['/usr/bin/xcalc', 'forbidden'],
      ['C:\\Windows\\System32\\calc.exe', 'forbidden'],
      ['/home/u/Desktop/evil.desktop', 'forbidden'],
      ['/tmp/run.sh', 'forbidden'],
      ['/tmp/x.txt\0.exe', 'forbidden'],
      ['/tmp/.txt', 'forbidden'],
      [path.join(dir, 'gone.txt'), 'not_found'],
      [dir + '/sub.txt', 'not_found'],
    ];
    fs.mkdirSync(path.join(dir, 'sub.txt'));
    for (const [p, code] of refused) {
      const decision = sourceFileDecision(p, isFile);
      expect(decision.ok, String(p)).toBe(false);
      if (!decision.ok) expect(decision.error.code, String(p)).toBe(code);
    }
  });
});
