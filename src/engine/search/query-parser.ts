// The search query language, parsed into a tree by our own parser so that no user input ever
// reaches FTS5 unescaped. Grammar (usual precedence: NOT binds tightest, then AND, then OR):
//
//   query   := or
//   or      := and ( "OR" and )*
//   and     := unary ( ["AND"] unary )*        adjacent terms are ANDed
//   unary   := "NOT" unary | "-" primary | primary
//   primary := "(" or ")" | phrase | word["*"]
//   phrase  := "…" with straight or typographic quotes (“…”, „…“, «…»)
//
// Operators are upper-case (lower-case "and" is a word). Where the intent is clear the query
// is repaired (an unclosed quote or parenthesis is closed at the end) and a notice says so;
// otherwise a QueryError says what is wrong and at which character.

export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean; pos: number }
  | { kind: 'phrase'; text: string; pos: number }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode; pos: number };

export interface ParsedQuery {
  /** Null for a query with nothing to search for (empty, or only punctuation). */
  root: QueryNode | null;
  /** What was repaired, for the user; null if nothing was. */
  notices: string[];
}

export class QueryError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'QueryError';
    this.position = position;
  }
}

type Token =
  | { type: 'word'; text: string; prefix: boolean; pos: number; negated: boolean }
  | { type: 'phrase'; text: string; pos: number; negated: boolean }
  | { type: 'lparen'; pos: number; negated: boolean }
  | { type: 'rparen'; pos: number }
  | { type: 'and' | 'or' | 'not'; pos: number };

const OPENING_QUOTES = '"“„«‘‚';
const CLOSING_QUOTES = '"”“»’‘';
const SPECIAL = new Set(['(', ')', ...OPENING_QUOTES, ...CLOSING_QUOTES]);
const isSpace = (c: string): boolean => /\s/u.test(c);
/** A word worth searching has a letter or a digit; "&" or "--" alone do not. */
const hasWordChar = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

export const MAX_QUERY_LENGTH = 2000;

export function tokenize(input: string, notices: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    let negated = false;
    const start = i;
    if ((c === '-' || c === '+') && i + 1 < input.length && !isSpace(input[i + 1]!)) {
      negated = c === '-';
      i++;
    }
    const d = input[i]!;
    if (d === '(') {
      tokens.push({ type: 'lparen', pos: start, negated });
      i++;
      continue;
    }
    if (d === ')') {
      tokens.push({ type: 'rparen', pos: i });
      i++;
      continue;
    }
    if (OPENING_QUOTES.includes(d)) {
      let j = i + 1;
      while (j < input.length && !CLOSING_QUOTES.includes(input[j]!)) j++;
      const text = input.slice(i + 1, j).replace(/\s+/g, ' ').trim();
      if (j >= input.length) notices.push(`closed the quote opened at character ${i + 1}`);
      if (hasWordChar(text)) tokens.push({ type: 'phrase', text, pos: start, negated });
      i = Math.min(j + 1, input.length);
      continue;
    }
    let j = i;
    while (j < input.length && !isSpace(input[j]!) && !SPECIAL.has(input[j]!)) j++;
    if (j === i) {
      // a closing quote with no opening one: nothing to search for
      i++;
      continue;
    }
    let text = input.slice(i, j);
    i = j;
    if (!negated && (text === 'AND' || text === 'OR' || text === 'NOT')) {
      tokens.push({ type: text === 'AND' ? 'and' : text === 'OR' ? 'or' : 'not', pos: start });
      continue;
    }
    if (text === '&&') {
      tokens.push({ type: 'and', pos: start });
      continue;
    }
    if (text === '||') {
      tokens.push({ type: 'or', pos: start });
      continue;
    }
    const prefix = /[\p{L}\p{N}]\*+$/u.test(text);
    text = text.replace(/\*+$/, '');
    if (hasWordChar(text)) tokens.push({ type: 'word', text, prefix, pos: start, negated });
  }
  return tokens;
}

export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) throw new QueryError(`The query is too long (${input.length} characters; the limit is ${MAX_QUERY_LENGTH}).`, MAX_QUERY_LENGTH);
  const notices: string[] = [];
  const tokens = tokenize(input, notices);
  let index = 0;
  const openParens: number[] = [];
  const peek = (): Token | undefined => tokens[index];
  const describeOp = (t: Token): string => t.type.toUpperCase();

  function parseOr(): QueryNode | null {
    const children: QueryNode[] = [];
    const first = parseAnd();
    if (first) children.push(first);
    while (peek()?.type === 'or') {
      const op = tokens[index++]!;
      if (children.length === 0) throw new QueryError(`OR at character ${op.pos + 1} needs something to its left.`, op.pos);
      const next = parseAnd();
      if (!next) throw new QueryError(`OR at character ${op.pos + 1} needs something to its right.`, op.pos);
      children.push(next);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  function parseAnd(): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const t = peek();
      if (!t || t.type === 'or' || t.type === 'rparen') break;
      if (t.type === 'and') {
        index++;
        if (children.length === 0) throw new QueryError(`AND at character ${t.pos + 1} needs something to its left.`, t.pos);
        const next = peek();
        if (!next || next.type === 'or' || next.type === 'rparen' || next.type === 'and') {
          throw new QueryError(`AND at character ${t.pos + 1} needs something to its right.`, t.pos);
        }
        continue;
      }
      const node = parseUnary();
      if (node) children.push(node);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  function parseUnary(): QueryNode | null {
    const t = peek()!;
    if (t.type === 'not') {
      index++;
      const next = peek();
      if (!next || next.type === 'or' || next.type === 'and' || next.type === 'rparen') {
        throw new QueryError(`NOT at character ${t.pos + 1} needs something to exclude after it.`, t.pos);
      }
      const child = parseUnary();
      if (!child) throw new QueryError(`NOT at character ${t.pos + 1} needs something to exclude after it.`, t.pos);
      return { kind: 'not', child, pos: t.pos };
    }
    return parsePrimary();
  }

  function parsePrimary(): QueryNode | null {
    const t = tokens[index++]!;
    switch (t.type) {
      case 'word': {
        const node: QueryNode = { kind: 'term', text: t.text, prefix: t.prefix, pos: t.pos };
        return t.negated ? { kind: 'not', child: node, pos: t.pos } : node;
      }
      case 'phrase': {
        const node: QueryNode = { kind: 'phrase', text: t.text, pos: t.pos };
        return t.negated ? { kind: 'not', child: node, pos: t.pos } : node;
      }
      case 'lparen': {
        openParens.push(t.pos);
        const inner = parseOr();
        const close = peek();
        if (close?.type === 'rparen') index++;
        else notices.push(`closed the parenthesis opened at character ${t.pos + 1}`);
        openParens.pop();
        if (!inner) throw new QueryError(`The parentheses at character ${t.pos + 1} are empty.`, t.pos);
        return t.negated ? { kind: 'not', child: inner, pos: t.pos } : inner;
      }
      case 'rparen':
        throw new QueryError(`Unmatched ")" at character ${t.pos + 1}.`, t.pos);
      default:
        throw new QueryError(`Unexpected ${describeOp(t)} at character ${t.pos + 1}.`, t.pos);
    }
  }

  const root = parseOr();
  if (index < tokens.length) {
    const t = tokens[index]!;
    throw new QueryError(t.type === 'rparen' ? `Unmatched ")" at character ${t.pos + 1}.` : `Unexpected ${describeOp(t)} at character ${t.pos + 1}.`, t.pos);
  }
  return { root, notices };
}

/** The words and phrases a query looks for (not the excluded ones), e.g. for highlighting. */
export function positiveTerms(node: QueryNode | null): Array<Extract<QueryNode, { kind: 'term' | 'phrase' }>> {
  if (!node) return [];
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return [node];
    case 'and':
    case 'or':
      return node.children.flatMap(positiveTerms);
    case 'not':
      return [];
  }
}
