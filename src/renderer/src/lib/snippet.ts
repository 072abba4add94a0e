// Search snippets arrive HTML-escaped with <mark>…</mark> as the only markup. We split on the
// marks and un-escape the rest into plain strings, so React renders text nodes and no engine
// output is ever trusted as HTML.

export interface SnippetPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&apos;': "'",
};

/** Un-escapes the five entities an HTML escaper produces (and numeric references, defensively). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos|#39|#x27|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (entity, dec?: string, hex?: string) => {
    const named = ENTITIES[entity];
    if (named !== undefined) return named;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return entity;
    try {
      return String.fromCodePoint(code);
    } catch {
      return entity;
    }
  });
}

/**
 * Splits a snippet into plain and marked parts. An unbalanced <mark> (which a well-behaved
 * engine never sends) marks up to the end; a stray </mark> is dropped. Empty parts are omitted
 * and neighbours of the same kind are merged.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (raw: string, mark: boolean): void => {
    if (raw === '') return;
    const text = unescapeHtml(raw);
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  const tag = /<(\/?)mark>/gi;
  let inside = false;
  let cursor = 0;
  for (let found = tag.exec(snippet); found; found = tag.exec(snippet)) {
    const closing = found[1] === '/';
    push(snippet.slice(cursor, found.index), inside);
    cursor = found.index + found[0].length;
    if (closing) inside = false;
    else inside = true;
  }
  push(snippet.slice(cursor), inside);
  return parts;
}
