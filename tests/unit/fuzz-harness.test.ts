// The fuzz harnesses in tests/support/fuzz.ts, proved on known-good and deliberately broken
// code, so that a pass means something when the lead points them at Wirebench's own
// sanitiser and exporters (issues 3 and 6).
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { checkSanitiser, checkTextRoundTrip, htmlText, unsafeParts } from '../support/fuzz.ts';

const strict = (html: string): string =>
  sanitizeHtml(html, {
    allowedTags: ['p', 'a', 'b', 'i', 'em', 'strong', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'br', 'span', 'div', 'table', 'tr', 'td', 'img'],
    allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'xmp', 'title', 'template', 'iframe', 'noembed', 'plaintext'],
  });

const escapeHtml = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the sanitiser harness', () => {
  it('judges output by parsing it: handlers, script elements and javascript: URLs, however encoded', () => {
    expect(unsafeParts('<p>fine <a href="https://example.com/">link</a></p>')).toEqual([]);
    expect(unsafeParts('<img src=x onerror=alert(1)>')).toEqual(['onerror handler on <img>']);
    expect(unsafeParts('<a href="java&#x09;script:alert(1)">x</a>')).toEqual(['javascript: URL in href on <a>']);
    expect(unsafeParts('<a href=" &#14;JaVaScRiPt:alert(1)">x</a>')).toEqual(['javascript: URL in href on <a>']);
    expect(unsafeParts('<svg><a xlink:href="javascript:alert(1)">x</a></svg>')).toEqual(['<svg> element', 'javascript: URL in xlink:href on <a>']);
    expect(unsafeParts('<template><script>alert(1)</script></template>')).toEqual(['<template> element', '<script> element']);
    expect(unsafeParts('<img src="data:image/png;base64,AAAA">', { allowDataImages: true })).toEqual([]);
    expect(unsafeParts('<img src="data:image/png;base64,AAAA">')).toEqual(['data: URL in src on <img>']);
  });

  it('passes a sound sanitiser (sanitize-html, strict settings)', () => {
    expect(() => checkSanitiser({ sanitise: strict })).not.toThrow();
  });

  it('fails a sanitiser that only strips <script> with a regular expression', () => {
    expect(() => checkSanitiser({ sanitise: (h) => h.replace(/<script\b[\s\S]*?<\/script>/gi, ''), numRuns: 200 })).toThrow(/unsafe output/);
  });

  it('fails a sanitiser that is safe but not idempotent', () => {
    expect(() => checkSanitiser({ sanitise: (h) => strict(h).replace(/&amp;/g, '&amp;amp;'), numRuns: 300 })).toThrow(/not idempotent/);
  });
});

describe('the export round-trip harness', () => {
  it('passes an exporter that escapes its text', async () => {
    await checkTextRoundTrip({ render: (t) => `<!doctype html><title>Briefing</title><article><p>${escapeHtml(t)}</p></article>`, extract: htmlText });
  });

  it('fails an exporter that does not escape', async () => {
    await expect(checkTextRoundTrip({ render: (t) => `<article><p>${t}</p></article>`, extract: htmlText, numRuns: 200 })).rejects.toThrow(/text lost in export/);
  });

  it('fails an exporter that drops what it cannot encode', async () => {
    await expect(checkTextRoundTrip({ render: (t) => escapeHtml(t.replace(/[^\x20-\x7e\s]/g, '')), extract: htmlText, numRuns: 200 })).rejects.toThrow(/text lost in export/);
  });
});
