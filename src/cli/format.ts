// Human-readable output for the terminal. JSON output bypasses all of this.
import type { Article, ImportProgress, ImportSummary, SearchResult } from '../shared/api.ts';

const nf = new Intl.NumberFormat('en-GB');
export const n = (value: number): string => nf.format(value);

export interface Style {
  mark(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function styleFor(isTty: boolean): Style {
  if (!isTty || process.env.NO_COLOR) return { mark: (t) => `**${t}**`, dim: (t) => t, bold: (t) => t };
  return { mark: (t) => `\x1b[1;33m${t}\x1b[0m`, dim: (t) => `\x1b[2m${t}\x1b[0m`, bold: (t) => `\x1b[1m${t}\x1b[0m` };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The contract's snippet (escaped text with <mark>) as terminal text. */
export function snippetText(snippet: string, style: Style): string {
  return snippet
    .split(/(<mark>.*?<\/mark>)/)
    .map((part) => {
      const marked = /^<mark>(.*)<\/mark>$/.exec(part);
      const text = (marked ? marked[1]! : part).replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
      return marked ? style.mark(text) : text;
    })
    .join('');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-03-21T12:47" → "21 Mar 2022 12:47"; the source's own wall-clock time, unshifted. */
export function humanDate(published: string | null): string {
  if (!published) return 'undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(published);
  if (!m) return published;
  const date = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[4] ? `${date} ${m[4]}:${m[5]}` : date;
}

export function metaLine(a: { published: string | null; place: string | null; agency: string | null }): string {
  return [humanDate(a.published), a.place, a.agency].filter(Boolean).join(' · ');
}

export function formatSearch(result: SearchResult, query: string, style: Style): string {
  const lines: string[] = [];
  const what = query.trim() ? `for ${query.trim()}` : 'in the corpus';
  const count = `${result.totalExact ? '' : 'about '}${n(result.total)}`;
  lines.push(`${count} ${result.total === 1 ? 'result' : 'results'} ${what}${result.hits.length < result.total ? ` (showing ${n(result.hits.length)})` : ''}`);
  if (result.notice) lines.push(style.dim(result.notice));
  if (result.rankedAmong !== null) lines.push(style.dim(`Ranked by relevance among the newest ${n(result.rankedAmong)} matches; the rest follow newest first.`));
  for (const hit of result.hits) {
    lines.push('');
    lines.push(`${style.dim(`#${hit.id}`)}  ${style.bold(hit.headline)}`);
    lines.push(`      ${style.dim(metaLine(hit))}`);
    if (hit.snippet) lines.push(`      ${snippetText(hit.snippet, style)}`);
  }
  return lines.join('\n');
}

export function formatArticle(article: Article, style: Style): string {
  return [style.bold(article.headline), style.dim(metaLine(article)), style.dim(`#${article.id}  ${article.path ?? ''}`), '', article.body].join('\n');
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `${s.status === 'completed' ? 'Imported' : s.status === 'cancelled' ? 'Cancelled after importing' : 'Stopped after importing'} ${n(s.imported)} ${s.imported === 1 ? 'article' : 'articles'} from ${n(s.files)} ${s.files === 1 ? 'file' : 'files'} ` +
      `(${n(s.duplicates)} exact ${s.duplicates === 1 ? 'duplicate' : 'duplicates'}, ${n(s.nearDuplicateGroups)} near-duplicate ${s.nearDuplicateGroups === 1 ? 'group' : 'groups'}, ${n(s.unchanged)} files unchanged, ${n(s.skipped)} skipped, ${n(s.failed)} failed) in ${(s.durationMs / 1000).toFixed(1)} s.`,
    `Files: ${n(s.outcomes.imported)} imported, ${n(s.outcomes.duplicate)} duplicate, ${n(s.outcomes.skipped)} skipped, ${n(s.outcomes.failed)} failed (import #${s.runId}).`,
  ];
  if (s.message) lines.push(s.message);
  if (s.errors.length) {
    lines.push('', 'Failed:');
    for (const e of s.errors.slice(0, 50)) lines.push(`  ${e.path}: ${e.reason}`);
    if (s.errors.length > 50) lines.push(`  … and ${n(s.errors.length - 50)} more (use --json for all)`);
  }
  if (s.skippedFiles.length) {
    lines.push('', 'Skipped:');
    for (const e of s.skippedFiles.slice(0, 20)) lines.push(`  ${e.path}: ${e.reason}`);
    if (s.skipped > 20) lines.push(`  … and ${n(s.skipped - 20)} more (use --json for the list)`);
  }
  return lines.join('\n');
}

export function progressBar(p: ImportProgress, width: number): string {
  const counts = `${n(p.imported)} imported · ${n(p.duplicates)} dup · ${n(p.failed)} failed`;
  if (p.phase === 'scanning') return `Scanning… ${n(p.filesSeen)} files found`;
  const total = Math.max(p.filesSeen, 1);
  const fraction = Math.min(p.filesDone / total, 1);
  const barWidth = 24;
  const filled = Math.round(fraction * barWidth);
  const line = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${n(p.filesDone)}/${n(p.filesSeen)} files · ${counts}`;
  return line.length > width ? line.slice(0, width - 1) : line;
}
