// Compiling a query tree to FTS5 for a plain full-text table (unicode61 tokens, no stemming
// or name variants), such as the quotes index. The corpus search has its own compiler
// (fts-compile.ts) for its keyed index. Every word and phrase is an FTS5 string ("…", inner
// quotes doubled), so nothing typed reaches FTS5 as syntax; FTS5's binary NOT (a NOT b) gets
// what it excludes from.
import { QueryError, type PhraseNode, type QueryNode, type TermNode } from './query-parser.ts';
import { ftsString } from './fts-compile.ts';

export function compilePlainFts(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return ftsString(node.text) + (node.prefix ? '*' : '');
    case 'phrase':
      return node.slop === undefined ? ftsString(node.text) : near(node.text.split(/\s+/).map((w) => ftsString(w)), node.slop);
    case 'near':
      return near(node.children.map((c: TermNode | PhraseNode) => ftsString(c.text)), node.distance);
    case 'field':
    case 'filter':
    case 'date':
      throw new QueryError(`${node.kind === 'date' ? 'date:' : `${node.field}:`} at character ${node.pos + 1} does not apply here; search the words themselves.`, node.pos);
    case 'or': {
      for (const child of node.children) {
        if (child.kind === 'not') throw new QueryError(`NOT at character ${child.pos + 1} sits alone inside an OR; say what to exclude it from, e.g. (peace NOT war).`, child.pos);
      }
      return `(${node.children.map(compilePlainFts).join(' OR ')})`;
    }
    case 'and': {
      const positives = node.children.filter((c) => c.kind !== 'not');
      const negatives = node.children.filter((c): c is Extract<QueryNode, { kind: 'not' }> => c.kind === 'not');
      if (positives.length === 0) throw new QueryError(`The query only excludes words (character ${negatives[0]!.pos + 1}); add a word to look for.`, negatives[0]!.pos);
      const include = positives.length === 1 ? compilePlainFts(positives[0]!) : `(${positives.map(compilePlainFts).join(' AND ')})`;
      if (negatives.length === 0) return include;
      const exclude = negatives.length === 1 ? compilePlainFts(negatives[0]!.child) : `(${negatives.map((n) => compilePlainFts(n.child)).join(' OR ')})`;
      return `(${include} NOT ${exclude})`;
    }
    case 'not':
      throw new QueryError(`The query only excludes words (character ${node.pos + 1}); add a word to look for.`, node.pos);
  }
}

function near(parts: string[], distance: number): string {
  return parts.length < 2 ? (parts[0] ?? '""') : `NEAR(${parts.join(' ')}, ${Math.max(0, Math.min(distance, 1000))})`;
}
