// HTML to plain text paragraphs, the form Wirebench stores (no markup is kept, so nothing from
// a page can ever run in the reader). Walks the DOM without recursion, so 100,000 nested
// elements cannot overflow the stack.
import { parseHTML } from 'linkedom';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS']);

// Loose DOM shapes: linkedom's and the standard DOM's types differ; we only read.
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  children: ArrayLike<DomElement>;
  parentNode: DomElement | null;
  innerHTML: string;
}
export interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  documentElement: DomElement;
  body: DomElement | null;
  title: string;
}

/** Parses HTML into a DOM (linkedom: fast, no scripts run, no network). */
export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** Parses a piece of HTML (an article's part of a page, a feed item's content) and returns its body. */
export function parseFragment(html: string): DomElement {
  const doc = parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  return doc.body ?? doc.documentElement;
}

/** The text of a node as paragraphs: block elements and <br> break paragraphs, inline text joins. */
export function paragraphsOf(root: DomNode): string[] {
  const out: string[] = [];
  let current = '';
  const breakParagraph = (): void => {
    const text = current.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
    if (text) out.push(text);
    current = '';
  };
  // An explicit stack of [node, leaving] pairs instead of recursion.
  const stack: [DomNode, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (BLOCK.has(name)) {
      if (name === 'BR' && !leaving) {
        breakParagraph();
        continue;
      }
      breakParagraph();
      if (leaving) continue;
      stack.push([node, true]);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
  }
  breakParagraph();
  return out;
}

/** One line of text from a node: whitespace folded. */
export function textOf(node: DomNode | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** How deep the elements of a document nest (stops counting at `limit`). */
export function nestingDepth(html: string, limit: number): number {
  let depth = 0;
  let max = 0;
  const voids = /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)$/i;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (voids.test(m[2]!) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max && (max = depth) >= limit) return max;
  }
  return max;
}
