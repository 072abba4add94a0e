import { describe, expect, it } from 'vitest';
import { parseSnippet, unescapeHtml } from '../../src/renderer/src/lib/snippet.ts';

describe('unescapeHtml', () => {
  it('un-escapes the entities an HTML escaper produces', () => {
    expect(unescapeHtml('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;')).toBe(`a & b <c> "d" 'e'`);
  });
  it('does not un-escape twice', () => {
    expect(unescapeHtml('&amp;lt;')).toBe('&lt;');
  });
  it('handles numeric references and leaves unknown entities alone', () => {
    expect(unescapeHtml('&#8212; &#x2014; &nbsp; &#99999999;')).toBe('\u2014 \u2014 &nbsp; &#99999999;');
  });
});

describe('parseSnippet', () => {
  it('splits on marks', () => {
    expect(parseSnippet('The <mark>prime minister</mark> said <mark>no</mark>.')).toEqual([
      { text: 'The ', mark: false },
      { text: 'prime minister', mark: true },
      { text: ' said ', mark: false },
      { text: 'no', mark: true },
      { text: '.', mark: false },
    ]);
  });
  it('un-escapes inside and outside marks, so markup in articles stays text', () => {
    expect(parseSnippet('&lt;script&gt; <mark>AT&amp;T</mark>')).toEqual([
      { text: '<script> ', mark: false },
      { text: 'AT&T', mark: true },
    ]);
  });
  it('treats escaped mark tags in the text as text', () => {
    expect(parseSnippet('&lt;mark&gt;x&lt;/mark&gt;')).toEqual([{ text: '<mark>x</mark>', mark: false }]);
  });
  it('merges adjacent marks and tolerates unbalanced tags', () => {
    expect(parseSnippet('<mark>a</mark><mark>b</mark> c')).toEqual([
      { text: 'ab', mark: true },
      { text: ' c', mark: false },
    ]);
    expect(parseSnippet('x </mark>y <mark>z')).toEqual([
      { text: 'x y ', mark: false },
      { text: 'z', mark: true },
    ]);
  });
  it('returns nothing for an empty snippet', () => {
    expect(parseSnippet('')).toEqual([]);
  });
});
