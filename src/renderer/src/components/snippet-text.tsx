// A search snippet as React text nodes: the engine's <mark>s become <mark> elements and
// everything else is un-escaped text, never HTML.
import { useMemo } from 'react';
import { parseSnippet } from '../lib/snippet.ts';

export function SnippetText({ snippet }: { snippet: string }) {
  const parts = useMemo(() => parseSnippet(snippet), [snippet]);
  return (
    <>
      {parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
