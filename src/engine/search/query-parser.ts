// The search query language, parsed into a tree by our own parser so that no user input ever
// reaches FTS5 unescaped. The tree knows nothing of SQL or of the index: fts-compile.ts turns it
// into an FTS5 expression, and other views (quotes) can reuse the parser with their own fields.
//
// Grammar (usual precedence: NOT binds tightest, then NEAR, then AND, then OR):
//
//   query   := or
//   or      := and ( "OR" and )*
//   and     := unary ( ["AND"] unary )*              adjacent terms are ANDed
//   unary   := "NOT" unary | "-" primary | near
//   near    := primary ( "NEAR" ["/" n] primary )*   words or phrases within n words (default 10)
//   primary := "(" or ")" | phrase ["~" n] | word["*"] | field
//   field   := textfield ":" primary                 headline:(peace OR truce)
//            | valuefield ":" (word | phrase)         agency:Reuters  place:"New York"
//            | "date:" dates                          date:2022-03  date:2022-03-01..2022-03-31  date:>=2022
//   phrase  := "…" with straight or typographic quotes (“…”, „…“, «…»); "a b"~n is a and b within n words
//
// Operators are upper-case (lower-case "and" is a word); && and || work too. Field names are
// case-insensitive; an unknown name ("foo:bar", "10:30") is just text. Where the intent is clear
// the query is repaired (an unclosed quote or parenthesis is closed at the end) and a notice
// says so; otherwise a QueryError says what is wrong and at which character.
import { dateBound } from '../ingest/dates.ts';

export type FieldKind = 'text' | 'value' | 'date';

/** The fields a query may use: name (lower case) -> what it is and its canonical name. */
export type FieldSpec = Readonly<Record<string, { kind: FieldKind; name: string }>>;

export const SEARCH_FIELDS: FieldSpec = {
  headline: { kind: 'text', name: 'headline' },
  title: { kind: 'text', name: 'headline' },
  body: { kind: 'text', name: 'body' },
  text: { kind: 'text', name: 'body' },
  agency: { kind: 'value', name: 'agency' },
  source: { kind: 'value', name: 'agency' },
  place: { kind: 'value', name: 'place' },
  lang: { kind: 'value', name: 'lang' },
  language: { kind: 'value', name: 'lang' },
  date: { kind: 'date', name: 'date' },
};

export type TermNode = { kind: 'term'; text: string; prefix: boolean; pos: number };
/** `slop` set: the words within that many words of each other, in any order ("a b"~5). */
export type PhraseNode = { kind: 'phrase'; text: string; pos: number; slop?: number };

export type QueryNode =
  | TermNode
  | PhraseNode
  | { kind: 'near'; children: Array<TermNode | PhraseNode>; distance: number; pos: number }
  | { kind: 'field'; field: string; child: QueryNode; pos: number }
  | { kind: 'filter'; field: string; value: string; pos: number }
  /** Inclusive bounds in seconds since 1970 (sortable time, see ingest/dates.ts); null = open. */
  | { kind: 'date'; from: number | null; to: number | null; text: string; pos: number }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode; pos: number };

export interface ParsedQuery {
  /** Null for a query with nothing to search for (empty, or only punctuation). */
  root: QueryNode | null;
  /** What was repaired, for the user; empty if nothing was. */
  notices: string[];
}

export interface ParseOptions {
  fields?: FieldSpec;
  /**
   * What words side by side mean: "and" (all of them, the default) or "or" (any of them,
   * ranked by how well they match: for long natural-language queries).
   */
  implicit?: 'and' | 'or';
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
  | { type: 'phrase'; text: string; pos: number; negated: boolean; slop?: number }
  | { type: 'field'; name: string; kind: FieldKind; value: string | null; valuePos: number; pos: number; negated: boolean }
  | { type: 'lparen'; pos: number; negated: boolean }
  | { type: 'rparen'; pos: number }
  | { type: 'near'; distance: number; pos: number }
  | { type: 'and' | 'or' | 'not'; pos: number };

const OPENING_QUOTES = '"“„«‘‚';
const CLOSING_QUOTES = '"”“»’‘';
const SPECIAL = new Set(['(', ')', ...OPENING_QUOTES, ...CLOSING_QUOTES]);
const isSpace = (c: string): boolean => /\s/u.test(c);
/** A word worth searching has a letter or a digit; "&" or "--" alone do not. */
export const hasWordChar = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

export const MAX_QUERY_LENGTH = 2000;
export const DEFAULT_NEAR = 10;
const MAX_NEAR = 1000;

export function tokenize(input: string, notices: string[], fields: FieldSpec = SEARCH_FIELDS): Token[] {
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
      i = Math.min(j + 1, input.length);
      let slop: number | undefined;
      const proximity = /^~(\d{1,4})/.exec(input.slice(i));
      if (proximity) {
        slop = Math.min(Number(proximity[1]), MAX_NEAR);
        i += proximity[0].length;
      }
      if (hasWordChar(text)) tokens.push(slop === undefined ? { type: 'phrase', text, pos: start, negated } : { type: 'phrase', text, pos: start, negated, slop });
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
    const wordStart = i;
    i = j;
    if (!negated && (text === 'AND' || text === 'OR' || text === 'NOT')) {
      tokens.push({ type: text === 'AND' ? 'and' : text === 'OR' ? 'or' : 'not', pos: start });
      continue;
    }
    const near = /^NEAR(?:\/(\d{1,4}))?$/.exec(text);
    if (!negated && near) {
      tokens.push({ type: 'near', distance: near[1] === undefined ? DEFAULT_NEAR : Math.min(Number(near[1]), MAX_NEAR), pos: start });
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
    const field = /^([A-Za-z]+):(.*)$/s.exec(text);
    const spec = field ? fields[field[1]!.toLowerCase()] : undefined;
    if (field && spec) {
      const value = field[2]!;
      tokens.push({ type: 'field', name: spec.name, kind: spec.kind, value: value === '' ? null : value, valuePos: wordStart + field[1]!.length + 1, pos: start, negated });
      continue;
    }
    const prefix = /[\p{L}\p{N}]\*+$/u.test(text);
    text = text.replace(/\*+$/, '');
    if (hasWordChar(text)) tokens.push({ type: 'word', text, prefix, pos: start, negated });
  }
  return tokens;
}

/** Reads the value of date: ("2022", "2022-03..2022-04", ">=2022-03-01") into inclusive bounds. */
export function parseDates(value: string, pos: number): { from: number | null; to: number | null } {
  const bad = (): QueryError =>
    new QueryError(`date: at character ${pos + 1} needs a date such as 2022, 2022-03, 2022-03-01, a range 2022-03-01..2022-03-31, or >=2022.`, pos);
  const bound = (text: string, end: 'from' | 'to'): number => {
    const t = dateBound(text, end);
    if (t === null) throw bad();
    return t;
  };
  const v = value.trim();
  const cmp = /^(>=|<=|>|<)(.+)$/.exec(v);
  if (cmp) {
    const [, op, date] = cmp;
    if (op === '>=') return { from: bound(date!, 'from'), to: null };
    if (op === '>') return { from: bound(date!, 'to') + 1, to: null };
    if (op === '<=') return { from: null, to: bound(date!, 'to') };
    return { from: null, to: bound(date!, 'from') - 1 };
  }
  const range = /^([^.]*)\.\.([^.]*)$/.exec(v);
  if (range) {
    const from = range[1] ? bound(range[1], 'from') : null;
    const to = range[2] ? bound(range[2], 'to') : null;
    if (from === null && to === null) throw bad();
    if (from !== null && to !== null && from > to) throw new QueryError(`The dates at character ${pos + 1} run backwards; put the earlier date first.`, pos);
    return { from, to };
  }
  return { from: bound(v, 'from'), to: bound(v, 'to') };
}

export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) throw new QueryError(`The query is too long (${input.length} characters; the limit is ${MAX_QUERY_LENGTH}).`, MAX_QUERY_LENGTH);
  const notices: string[] = [];
  const tokens = tokenize(input, notices, options.fields);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const describeOp = (t: Token): string => (t.type === 'near' ? 'NEAR' : t.type.toUpperCase());
  const endsOperand = (t: Token | undefined): boolean => !t || t.type === 'or' || t.type === 'and' || t.type === 'rparen' || t.type === 'near';

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
    let explicitAnd = false;
    for (;;) {
      const t = peek();
      if (!t || t.type === 'or' || t.type === 'rparen') break;
      if (t.type === 'and') {
        index++;
        explicitAnd = true;
        if (children.length === 0) throw new QueryError(`AND at character ${t.pos + 1} needs something to its left.`, t.pos);
        const next = peek();
        if (!next || next.type === 'or' || next.type === 'rparen' || next.type === 'and') {
          throw new QueryError(`AND at character ${t.pos + 1} needs something to its right.`, t.pos);
        }
        continue;
      }
      if (t.type === 'near') throw new QueryError(`NEAR at character ${t.pos + 1} needs a word or phrase to its left.`, t.pos);
      const node = parseUnary();
      if (node) children.push(node);
    }
    if (children.length === 0) return null;
    if (children.length === 1) return children[0]!;
    // "Any of the words": a group with no AND and nothing excluded or filtered becomes an OR.
    const plain = children.every((c) => c.kind !== 'not' && c.kind !== 'filter' && c.kind !== 'date');
    if (options.implicit === 'or' && !explicitAnd && plain) return { kind: 'or', children };
    return { kind: 'and', children };
  }

  function parseUnary(): QueryNode | null {
    const t = peek()!;
    if (t.type === 'not') {
      index++;
      if (endsOperand(peek())) throw new QueryError(`NOT at character ${t.pos + 1} needs something to exclude after it.`, t.pos);
      const child = parseUnary();
      if (!child) throw new QueryError(`NOT at character ${t.pos + 1} needs something to exclude after it.`, t.pos);
      return { kind: 'not', child, pos: t.pos };
    }
    return parseNear();
  }

  function parseNear(): QueryNode | null {
    const first = parsePrimary();
    if (peek()?.type !== 'near') return first;
    const children: Array<TermNode | PhraseNode> = [];
    let distance = Infinity;
    const operand = (node: QueryNode | null, op: Token): TermNode | PhraseNode => {
      if (node && (node.kind === 'term' || (node.kind === 'phrase' && node.slop === undefined))) return node;
      throw new QueryError(`NEAR at character ${op.pos + 1} joins words or phrases; put other expressions around it.`, op.pos);
    };
    const firstOp = peek()!;
    children.push(operand(first, firstOp));
    const pos = firstOp.pos;
    while (peek()?.type === 'near') {
      const op = tokens[index++] as Extract<Token, { type: 'near' }>;
      const next = peek();
      if (!next || endsOperand(next) || next.type === 'not') throw new QueryError(`NEAR at character ${op.pos + 1} needs a word or phrase to its right.`, op.pos);
      distance = Math.min(distance, op.distance);
      children.push(operand(parsePrimary(), op));
    }
    return { kind: 'near', children, distance, pos };
  }

  function negate(node: QueryNode, negated: boolean, pos: number): QueryNode {
    return negated ? { kind: 'not', child: node, pos } : node;
  }

  function parseField(t: Extract<Token, { type: 'field' }>): QueryNode | null {
    if (t.kind === 'date') {
      if (t.value === null) throw new QueryError(`date: at character ${t.pos + 1} needs a date right after the colon, e.g. date:2022-03.`, t.pos);
      const { from, to } = parseDates(t.value, t.pos);
      return negate({ kind: 'date', from, to, text: t.value, pos: t.pos }, t.negated, t.pos);
    }
    if (t.kind === 'value') {
      let value = t.value;
      if (value === null) {
        const next = peek();
        if (next?.type !== 'phrase') throw new QueryError(`${t.name}: at character ${t.pos + 1} needs a value right after the colon, e.g. ${t.name}:Reuters or ${t.name}:"New York".`, t.pos);
        index++;
        value = next.text;
      }
      value = value.replace(/\*+$/, '').trim();
      if (!hasWordChar(value)) throw new QueryError(`${t.name}: at character ${t.pos + 1} needs a value with letters or digits.`, t.pos);
      return negate({ kind: 'filter', field: t.name, value, pos: t.pos }, t.negated, t.pos);
    }
    // A text field: the rest of the token is a word, or the next token is what it applies to.
    let child: QueryNode | null;
    if (t.value !== null) {
      const inner = tokenize(t.value, notices, {});
      const word = inner[0];
      if (inner.length !== 1 || !word || (word.type !== 'word' && word.type !== 'phrase')) {
        throw new QueryError(`${t.name}: at character ${t.pos + 1} takes a word, a "phrase" or (an expression in parentheses).`, t.valuePos);
      }
      child = word.type === 'word' ? { kind: 'term', text: word.text, prefix: word.prefix, pos: t.valuePos } : { kind: 'phrase', text: word.text, pos: t.valuePos };
    } else {
      const next = peek();
      if (!next || (next.type !== 'phrase' && next.type !== 'lparen' && next.type !== 'word') || ('negated' in next && next.negated)) {
        throw new QueryError(`${t.name}: at character ${t.pos + 1} needs a word, a "phrase" or (an expression) right after the colon.`, t.pos);
      }
      child = parsePrimary();
    }
    if (!child) return null;
    return negate({ kind: 'field', field: t.name, child, pos: t.pos }, t.negated, t.pos);
  }

  function parsePrimary(): QueryNode | null {
    const t = tokens[index++]!;
    switch (t.type) {
      case 'word':
        return negate({ kind: 'term', text: t.text, prefix: t.prefix, pos: t.pos }, t.negated, t.pos);
      case 'phrase': {
        const node: PhraseNode = t.slop === undefined ? { kind: 'phrase', text: t.text, pos: t.pos } : { kind: 'phrase', text: t.text, pos: t.pos, slop: t.slop };
        return negate(node, t.negated, t.pos);
      }
      case 'field':
        return parseField(t);
      case 'lparen': {
        const inner = parseOr();
        const close = peek();
        if (close?.type === 'rparen') index++;
        else notices.push(`closed the parenthesis opened at character ${t.pos + 1}`);
        if (!inner) throw new QueryError(`The parentheses at character ${t.pos + 1} are empty.`, t.pos);
        return negate(inner, t.negated, t.pos);
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
export function positiveTerms(node: QueryNode | null): Array<TermNode | PhraseNode> {
  if (!node) return [];
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return [node];
    case 'near':
      return node.children;
    case 'field':
      return positiveTerms(node.child);
    case 'and':
    case 'or':
      return node.children.flatMap(positiveTerms);
    case 'filter':
    case 'date':
    case 'not':
      return [];
  }
}
