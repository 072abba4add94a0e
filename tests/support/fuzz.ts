// Reusable fuzz harnesses (fast-check, fixed seeds) for modules other issues add: point
// checkSanitiser at the HTML sanitiser and checkTextRoundTrip at each exporter. Each one is
// proved able to fail in tests/unit/fuzz-harness.test.ts, against deliberately broken code.
import fc from 'fast-check';
import { parseFragment, parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export const DEFAULT_SEED = 20260707;

/** Throws the failure of the smallest counterexample, in its own words, with the seed to replay it. */
function report<T>(details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${why}\n(fast-check seed ${details.seed}, path ${details.counterexamplePath}, after ${details.numRuns} runs)`);
}

// ---------------------------------------------------------------- hostile HTML

const TAGS = ['script', 'img', 'a', 'svg', 'math', 'iframe', 'style', 'div', 'p', 'noscript', 'template', 'object', 'embed', 'form', 'button', 'input', 'textarea', 'title', 'xmp', 'table', 'select', 'option', 'base', 'meta', 'link', 'body', 'frameset', 'mglyph', 'mtext', 'foreignobject', 'animate', 'set', 'use', 'image', 'video', 'audio', 'source', 'details', 'marquee', 'plaintext', 'noembed', 'iframe', 'b', 'span'];
const ATTRS = ['onclick', 'onerror', 'onload', 'OnMouseOver', 'ontoggle', 'onbegin', 'onfocus', 'href', 'src', 'srcdoc', 'srcset', 'style', 'formaction', 'xlink:href', 'action', 'data', 'poster', 'background', 'dynsrc', 'lowsrc', 'ping', 'attributeName', 'values', 'to', 'from', 'class', 'id', 'title', 'rel', 'target', 'http-equiv', 'content', 'autofocus', 'open'];
const VALUES = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  'java&Tab;script:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  '\u0001javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'http://example.com/x.png',
  'https://example.com/',
  '#top',
  'x" onerror="alert(1)',
  "x' onerror='alert(1)",
  'background:url(javascript:alert(1))',
  'expression(alert(1))',
  'alert(1)',
  '0;url=javascript:alert(1)',
  'href',
  '<script>alert(1)</script>',
  '',
];
const TEXT_PIECES = ['<', '>', '&', '"', "'", '<!--', '-->', '<![CDATA[', ']]>', '</', '/>', '<img src=x onerror=alert(1)>', '</textarea>', '</title>', '</style>', '</noscript>', '&lt;script&gt;', '&amp;', 'text', ' ', '\n', 'Привіт', '💥'];

function quoteAttr(name: string, value: string, quote: string): string {
  if (quote === '') return `${name}=${value.replace(/[\s>]/g, '')}`;
  return `${name}=${quote}${value.replaceAll(quote, quote === '"' ? '&quot;' : '&#39;')}${quote}`;
}

/** HTML fragments built from tags, attributes and values that sanitisers get wrong. */
export function hostileHtml(): fc.Arbitrary<string> {
  const attr = fc
    .tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...VALUES), fc.constantFrom('"', "'", ''), fc.boolean())
    .map(([name, value, quote, upper]) => quoteAttr(upper ? name.toUpperCase() : name, value, quote));
  const text = fc.array(fc.oneof(fc.constantFrom(...TEXT_PIECES), fc.string({ maxLength: 6 })), { maxLength: 4 }).map((p) => p.join(''));
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc
        .tuple(fc.constantFrom(...TAGS), fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }), fc.constantFrom('close', 'open', 'self', 'bogus'), fc.boolean())
        .map(([tag, attrs, children, ending, upper]) => {
          const name = upper ? tag.toUpperCase() : tag;
          const open = `<${name}${attrs.map((a) => ` ${a}`).join('')}${ending === 'self' ? '/' : ''}>`;
          if (ending === 'self') return open;
          const inner = children.join('');
          return ending === 'close' ? `${open}${inner}</${name}>` : ending === 'bogus' ? `${open}${inner}</${name} x>` : `${open}${inner}`;
        }),
    ),
  }));
  return fc.array(node, { minLength: 1, maxLength: 4 }).map((nodes) => nodes.join(''));
}

/** Classic cases, always run, whatever the generator finds. */
export const KNOWN_XSS_VECTORS = [
  '<img src=x onerror=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg/onload=alert(1)>',
  '<a href="jAvAsCrIpT:alert(1)">x</a>',
  '<a href="&#14;javascript:alert(1)">x</a>',
  '<a href=" &#x09;javascript:alert(1)">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<form><button formaction=javascript:alert(1)>x</button></form>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<style>@import "javascript:alert(1)";</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<template><script>alert(1)</script></template>',
  '<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=alert(1)>">',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img srcset="javascript:alert(1) 1x">',
  '<textarea></textarea><img src=x onerror=alert(1)></textarea>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<p>ok</p><script>alert(1)</script><p>ok</p>',
];

// ---------------------------------------------------------------- what safe output is

export interface SanitiserPolicy {
  /** Elements that must never appear in the output. */
  forbiddenElements?: readonly string[];
  /** Attributes that must never appear, besides every on* handler. */
  forbiddenAttributes?: readonly string[];
  /** URL schemes allowed in URL-bearing attributes (relative URLs and #fragments always are). */
  allowedSchemes?: readonly string[];
  /** Also allow data:image/(png|gif|jpeg|webp) in img src. */
  allowDataImages?: boolean;
}

const DEFAULT_FORBIDDEN_ELEMENTS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'form', 'noscript', 'template', 'svg', 'math', 'noembed', 'xmp', 'plaintext', 'portal'];
const DEFAULT_FORBIDDEN_ATTRIBUTES = ['style', 'srcdoc', 'formaction', 'action', 'http-equiv'];
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'manifest', 'codebase', 'usemap', 'icon', 'profile', 'values', 'to', 'from', 'by'];

function* walk(node: Node): Generator<Element> {
  if ('tagName' in node) yield node as Element;
  const children = 'childNodes' in node ? (node.childNodes as Node[]) : [];
  for (const child of children) yield* walk(child);
  if ('content' in node && node.content) yield* walk(node.content as Node);
}

/** The scheme a browser would see in a URL attribute (entities are decoded by parse5; browsers drop whitespace and controls). */
function schemeOf(value: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what browsers skip here
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return m ? m[1]!.toLowerCase() : null;
}

/** What is wrong with sanitised HTML under the policy, as sentences; [] when it is safe. */
export function unsafeParts(html: string, policy: SanitiserPolicy = {}): string[] {
  const forbiddenElements = new Set(policy.forbiddenElements ?? DEFAULT_FORBIDDEN_ELEMENTS);
  const forbiddenAttributes = new Set(policy.forbiddenAttributes ?? DEFAULT_FORBIDDEN_ATTRIBUTES);
  const schemes = new Set(policy.allowedSchemes ?? ['http', 'https', 'mailto']);
  const problems: string[] = [];
  for (const el of walk(parseFragment(html) as unknown as Node)) {
    const tag = el.tagName.toLowerCase();
    if (forbiddenElements.has(tag)) problems.push(`<${tag}> element`);
    for (const { name, value, prefix } of el.attrs) {
      const attr = (prefix ? `${prefix}:${name}` : name).toLowerCase();
      if (attr.startsWith('on')) problems.push(`${attr} handler on <${tag}>`);
      if (forbiddenAttributes.has(attr)) problems.push(`${attr} attribute on <${tag}>`);
      if (URL_ATTRIBUTES.includes(attr)) {
        const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) {
          const scheme = schemeOf(url);
          if (scheme === null) continue;
          if (schemes.has(scheme)) continue;
          if (policy.allowDataImages && tag === 'img' && attr === 'src' && /^data:image\/(png|gif|jpeg|webp)[;,]/i.test(url.trim())) continue;
          problems.push(`${scheme}: URL in ${attr} on <${tag}>`);
        }
      }
    }
  }
  return problems;
}

export interface SanitiserCheck {
  sanitise: (html: string) => string;
  policy?: SanitiserPolicy;
  seed?: number;
  numRuns?: number;
}

/**
 * Throws (with the smallest failing input fast-check finds) unless the sanitiser's output is
 * safe under the policy and sanitising is idempotent, for the known vectors and for
 * generated hostile HTML.
 */
export function checkSanitiser({ sanitise, policy, seed = DEFAULT_SEED, numRuns = 1500 }: SanitiserCheck): void {
  const verify = (input: string): void => {
    const once = sanitise(input);
    const problems = unsafeParts(once, policy);
    if (problems.length) throw new Error(`unsafe output: ${problems.join('; ')}\n  input:  ${JSON.stringify(input)}\n  output: ${JSON.stringify(once)}`);
    const twice = sanitise(once);
    if (twice !== once) throw new Error(`not idempotent\n  input: ${JSON.stringify(input)}\n  once:  ${JSON.stringify(once)}\n  twice: ${JSON.stringify(twice)}`);
  };
  for (const vector of KNOWN_XSS_VECTORS) verify(vector);
  report(fc.check(fc.property(hostileHtml(), verify), { seed, numRuns }));
}

// ---------------------------------------------------------------- text that must survive export

const SCRIPTS = [
  'The quick brown fox',
  'Заявление Пескова',
  'Ґрунтовна розмова, їжак, є',
  '北京 新华社',
  'مرحبا بالعالم',
  'שלום עולם',
  'e\u0301 combining, ﬁ ligature',
  '👩🏽‍💻 🇺🇦 emoji',
  '\u200b\u200d\u2060',
];
const SPECIALS = [...'*_[]()#>`|~<>&"\'\\!-+.=:{}$%^@/', '\t', '\n', '\n\n', '  ', '---', '```', '<script>', '</p>', '&amp;', '&lt;', '[x](javascript:alert(1))', '\\*', '1.', '* ', '# ', '> ', '| a | b |', '&#0;', '%PDF', '{\\rtf1', ']]>', '<?xml'];

/**
 * Article-like text: several scripts, right-to-left runs, emoji and combining marks, and the
 * characters Markdown, HTML, XML, RTF and PDF treat specially. With `controls`, C0 control
 * characters and lone surrogates too (which XML-based formats cannot carry).
 */
export function articleText({ controls = false, maxLength = 12 } = {}): fc.Arbitrary<string> {
  const pieces: fc.Arbitrary<string>[] = [fc.constantFrom(...SCRIPTS), fc.constantFrom(...SPECIALS), fc.string({ unit: 'grapheme', maxLength: 8 })];
  if (controls) pieces.push(fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001f', '\ud800', '\udfff', '\ufffe'));
  return fc.array(fc.oneof(...pieces), { minLength: 1, maxLength }).map((p) => p.join(''));
}

/**
 * What "the same text" means after an export: Unicode NFC, C0 controls (other than tab and
 * line breaks) and lone surrogates removed, runs of white space as one space, trimmed.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

export interface RoundTripCheck<Out> {
  /** Exports a document holding `text` (as an article body, a quote, a title...). */
  render: (text: string) => Out | Promise<Out>;
  /** Reads the exported document back to its plain text, as a reader would see it. */
  extract: (output: Out) => string | Promise<string>;
  normalise?: (text: string) => string;
  text?: fc.Arbitrary<string>;
  seed?: number;
  numRuns?: number;
}

/** Throws unless every generated text can be read back, whole and unchanged, from the export. */
export async function checkTextRoundTrip<Out>({ render, extract, normalise = normaliseText, text = articleText(), seed = DEFAULT_SEED, numRuns = 300 }: RoundTripCheck<Out>): Promise<void> {
  report(
    await fc.check(
      fc.asyncProperty(text, async (t) => {
        const expected = normalise(t);
        const back = normalise(await extract(await render(t)));
        if (!back.includes(expected)) throw new Error(`text lost in export\n  text: ${JSON.stringify(t)}\n  read back: ${JSON.stringify(back.slice(0, 400))}`);
      }),
      { seed, numRuns },
    ),
  );
}

/** The visible text of an HTML document or fragment (for HTML exporters). */
export function htmlText(html: string): string {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
    if ('tagName' in node && ['script', 'style', 'template', 'head'].includes((node as Element).tagName)) return;
    if ('tagName' in node && ['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'blockquote', 'tr'].includes((node as Element).tagName)) out.push('\n');
    for (const child of 'childNodes' in node ? (node.childNodes as Node[]) : []) visit(child);
  };
  visit((/^\s*<!doctype|^\s*<html/i.test(html) ? parse(html) : parseFragment(html)) as unknown as Node);
  return out.join('');
}

// ---------------------------------------------------------------- files that are almost right

/** Mutations of a real file's bytes: flips, truncation, insertion, duplication, splicing. */
export function mutatedBytes(original: Uint8Array): fc.Arbitrary<Uint8Array> {
  const n = original.length;
  const at = fc.nat({ max: Math.max(n, 1) });
  const mutation = fc.oneof(
    fc.tuple(at, fc.integer({ min: 0, max: 255 })).map(([i, b]) => (buf: Uint8Array) => {
      const c = Uint8Array.from(buf);
      if (c.length) c[i % c.length] = b;
      return c;
    }),
    at.map((i) => (buf: Uint8Array) => buf.slice(0, i % (buf.length + 1))),
    fc.tuple(at, fc.uint8Array({ maxLength: 64 })).map(([i, ins]) => (buf: Uint8Array) => {
      const p = i % (buf.length + 1);
      return Uint8Array.from([...buf.slice(0, p), ...ins, ...buf.slice(p)]);
    }),
    fc.tuple(at, at).map(([i, j]) => (buf: Uint8Array) => {
      const a = Math.min(i, j) % (buf.length + 1);
      const b = Math.max(i, j) % (buf.length + 1);
      return Uint8Array.from([...buf.slice(0, b), ...buf.slice(a, b), ...buf.slice(b)]);
    }),
    fc.tuple(at, fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00], [0xc3], [0xe2, 0x80], [0x0d], [0x1a])).map(([i, bytes]) => (buf: Uint8Array) => {
      const p = i % (buf.length + 1);
      return Uint8Array.from([...buf.slice(0, p), ...bytes, ...buf.slice(p)]);
    }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce((buf, m) => m(buf), original));
}
