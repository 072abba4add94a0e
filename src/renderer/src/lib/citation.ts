// Copy with citation: the text a reporter pastes into a draft, and the line saying where it
// came from ("Reuters, Talks resume in Istanbul, 21 Mar 2022 12:47").
import { formatPublished } from './dates.ts';

export interface Citable {
  headline: string;
  agency: string | null;
  site?: string | null;
  published: string | null;
  versionNote?: string | null;
}

/** "Agency, Headline, 21 Mar 2022 12:47"; missing parts are left out, never invented. */
export function citationLine(article: Citable): string {
  const source = article.agency?.trim() || article.site?.trim() || '';
  const headline = (article.headline.trim() || 'Untitled') + (article.versionNote ? ` (${article.versionNote})` : '');
  return [source, headline, formatPublished(article.published)].filter(Boolean).join(', ');
}

/**
 * What "Copy with citation" puts on the clipboard: the selected passage (or, with none, the
 * headline and the whole body) with spacing tidied, a blank line, and the citation.
 */
export function textWithCitation(article: Citable & { body: string }, selection: string | null): string {
  const chosen = selection?.trim() ? selection : null;
  const text = chosen
    ? chosen
        .replace(/\r\n?/g, '\n')
        .replace(/[ \t]+/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : [article.headline.trim(), article.body.trim()].filter(Boolean).join('\n\n');
  return `${chosen ? `“${text}”` : text}\n\n${citationLine(article)}`;
}
