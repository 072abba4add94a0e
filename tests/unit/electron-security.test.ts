// The desktop window's settings and checks, pinned: loosening any of them fails here.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isSafeExternalUrl, isTrustedSender, lockedWebPreferences } from '../../src/main/security.ts';

describe('Electron security settings', () => {
  it('locks the webPreferences', () => {
    expect(lockedWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
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
    });
  });

  it('has a CSP without unsafe-eval or unsafe-inline', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('accepts calls only from the main frame of the app page', () => {
    expect(isTrustedSender('app://wirebench/index.html', true, null)).toBe(true);
    expect(isTrustedSender('app://wirebench/index.html', false, null)).toBe(false);
    expect(isTrustedSender('app://evil/index.html', true, null)).toBe(false);
    expect(isTrustedSender('https://example.com/', true, null)).toBe(false);
    expect(isTrustedSender('file:///etc/passwd', true, null)).toBe(false);
    expect(isTrustedSender(undefined, true, null)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', true, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', true, 'http://localhost:5173')).toBe(false);
  });

  it('opens only http(s) links outside the app', () => {
    expect(isSafeExternalUrl('https://en.wikinews.org/wiki/X')).toBe(true);
    expect(isSafeExternalUrl('http://kremlin.ru/events/president/news/1')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url', 'app://wirebench/x']) expect(isSafeExternalUrl(bad)).toBe(false);
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
