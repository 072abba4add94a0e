// The Electron security checklist against the real app, where an Electron binary exists (the
// decisions themselves are unit-tested in tests/unit/electron-security.test.ts and their
// wiring in tests/unit/electron-wiring.test.ts). Skips without a binary.
import type { ElectronApplication } from '@playwright/test';
import { expect, test } from './support/electron-app.ts';

test.beforeEach(async ({ electronApp }) => {
  // Record what would be handed to the OS instead of opening a browser.
  await electronApp.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as unknown as { opened: string[] }).opened = opened;
    shell.openExternal = (async (url: string) => void opened.push(url)) as typeof shell.openExternal;
  });
});

const opened = (electronApp: ElectronApplication): Promise<string[]> => electronApp.evaluate(() => (globalThis as unknown as { opened: string[] }).opened);

test('the window never navigates away; a web link goes to the system browser', async ({ app, electronApp }) => {
  const start = app.page.url();
  expect(start).toBe('app://wirebench/index.html');
  // Browser code is given as strings: this file is type-checked without the DOM.
  await app.page.evaluate(`void (window.location.href = 'https://example.com/')`);
  await app.page.evaluate(`void (window.location.href = 'file:///etc/passwd')`);
  await app.page.waitForTimeout(500);
  expect(app.page.url()).toBe(start);
  expect(await opened(electronApp)).toEqual(['https://example.com/']);
  await expect(app.searchBox).toBeVisible();
});

test('window.open and target=_blank links never open a window', async ({ app, electronApp }) => {
  expect(await app.page.evaluate(`window.open('https://example.com/page') === null`)).toBe(true);
  expect(await app.page.evaluate(`window.open('app://wirebench/index.html') === null`)).toBe(true);
  expect(await app.page.evaluate(`window.open('javascript:alert(1)') === null`)).toBe(true);
  await app.page.waitForTimeout(300);
  expect(electronApp.windows()).toHaveLength(1);
  expect(await opened(electronApp)).toEqual(['https://example.com/page']);
});

test('permission requests are refused', async ({ app }) => {
  const results = (await app.page.evaluate(`(async () => ({
    notifications: await Notification.requestPermission(),
    geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
    camera: await navigator.mediaDevices.getUserMedia({ video: true }).then(() => 'granted', (e) => e.name),
  }))()`)) as { notifications: string; geolocation: string; camera: string };
  expect(results.notifications).toBe('denied');
  expect(results.geolocation).toBe('denied');
  expect(results.camera).toBe('NotAllowedError');
});

test('the page sees only window.wirebench = { call, on }: no Node, no ipcRenderer', async ({ app }) => {
  const seen = await app.page.evaluate(`({
    bridge: Object.keys(window.wirebench).sort(),
    require: typeof window.require,
    process: typeof window.process,
    ipcRenderer: typeof window.ipcRenderer,
    electron: typeof window.electron,
  })`);
  expect(seen).toEqual({ bridge: ['call', 'on'], require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', electron: 'undefined' });
});

test('IPC calls are checked against the contract before they reach the engine', async ({ app }) => {
  const answers = (await app.page.evaluate(`(async () => {
    const call = window.wirebench.call;
    return {
      unknown: await call('fs.readFile', { path: '/etc/passwd' }),
      badArgs: await call('search.query', { query: 42 }),
      extra: await call('import.run', { paths: ['/tmp'], evil: true }),
      good: await call('corpus.stats', {}),
    };
  })()`)) as Record<string, unknown>;
  expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(answers.badArgs).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(answers.extra).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(answers.good).toMatchObject({ ok: true });
});

test('app:// sends the CSP and serves nothing outside the app folder', async ({ app }) => {
  const result = (await app.page.evaluate(`(async () => {
    const page = await fetch('app://wirebench/index.html');
    const urls = ['app://wirebench/../package.json', 'app://wirebench/%2e%2e/%2e%2e/package.json', 'app://wirebench/..%2f..%2fpackage.json', 'app://other/index.html'];
    const traversal = await Promise.all(urls.map((u) => fetch(u).then((r) => r.status, () => 0)));
    return { csp: page.headers.get('content-security-policy'), nosniff: page.headers.get('x-content-type-options'), traversal };
  })()`)) as { csp: string | null; nosniff: string | null; traversal: number[] };
  expect(result.csp).toMatch(/default-src 'self'/);
  expect(result.csp).not.toMatch(/unsafe-/);
  expect(result.nosniff).toBe('nosniff');
  for (const status of result.traversal) expect([0, 404]).toContain(status);
});

test('frames cannot be loaded (CSP frame-src none), so no subframe can reach the bridge', async ({ app }) => {
  const outcome = await app.page.evaluate(`new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve('blocked ' + e.violatedDirective), { once: true });
    const frame = document.createElement('iframe');
    frame.src = 'app://wirebench/index.html';
    document.body.append(frame);
    setTimeout(() => resolve(frame.contentWindow && frame.contentWindow.wirebench ? 'bridge in frame' : 'no bridge'), 2000);
  })`);
  expect(outcome).toMatch(/^blocked frame-src|^no bridge$/);
});
