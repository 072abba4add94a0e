// Text with the query's matches marked; the current match is set apart so n / Shift+N can
// be followed by eye.
import { useMemo } from 'react';
import { splitByRanges, type OrderedMatch } from '../lib/highlight.ts';

/** The match index of a focused passage (a quote opened from the quotes view). */
export const FOCUS_INDEX = 1_000_000;

export interface HighlightedTextProps {
  text: string;
  /** Offset of `text` within its field. */
  offset?: number;
  matches: readonly OrderedMatch[];
  current: number;
}

export function HighlightedText({ text, offset = 0, matches, current }: HighlightedTextProps) {
  const segments = useMemo(() => splitByRanges(text, matches, offset), [text, matches, offset]);
  return (
    <>
      {segments.map((seg, i) =>
        seg.match === null ? (
          <span key={i}>{seg.text}</span>
        ) : (
          <mark key={i} className={seg.match === FOCUS_INDEX ? 'quote-focus' : `hit${seg.match === current ? ' is-current' : ''}`} data-match-index={seg.match} aria-current={seg.match === current ? 'true' : undefined}>
            {seg.text}
          </mark>
        ),
      )}
    </>
  );
}
