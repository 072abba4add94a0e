// Compiling a query tree to an FTS5 MATCH expression. Every word and phrase is emitted as an
// FTS5 string ("…", inner quotes doubled), so nothing the user types can be read by FTS5 as
// syntax. FTS5's NOT is binary (a NOT b), so exclusions are attached to what they exclude from.
import { QueryError, type QueryNode } from './query-parser.ts';

export function ftsString(text: string): string {
  // A NUL would end the expression early inside SQLite ("unterminated string"): drop it.
  return `"${text.replaceAll('\u0000', '').replace(/"/g, '""')}"`;
}

export function compileFts(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return ftsString(node.text) + (node.prefix ? '*' : '');
    case 'phrase':
      return ftsString(node.text);
    case 'or': {
      for (const child of node.children) {
        if (child.kind === 'not') {
          throw new QueryError(`NOT at character ${child.pos + 1} sits alone inside an OR; say what to exclude it from, e.g. (peace NOT war).`, child.pos);
        }
      }
      return `(${node.children.map(compileFts).join(' OR ')})`;
    }
    case 'and': {
      const positives = node.children.filter((c) => c.kind !== 'not');
      const negatives = node.children.filter((c): c is Extract<QueryNode, { kind: 'not' }> => c.kind === 'not');
      if (positives.length === 0) {
        throw new QueryError(`The query only excludes words (character ${negatives[0]!.pos + 1}); add a word to look for.`, negatives[0]!.pos);
      }
      const include = positives.length === 1 ? compileFts(positives[0]!) : `(${positives.map(compileFts).join(' AND ')})`;
      if (negatives.length === 0) return include;
      const exclude = negatives.length === 1 ? compileFts(negatives[0]!.child) : `(${negatives.map((n) => compileFts(n.child)).join(' OR ')})`;
      return `(${include} NOT ${exclude})`;
    }
    case 'not':
      throw new QueryError(`The query only excludes words (character ${node.pos + 1}); add a word to look for.`, node.pos);
  }
}
