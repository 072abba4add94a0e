// The query syntax, one click away from the search box. The same table is in the README.
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../hooks/use-dismiss.ts';

export const SYNTAX: Array<[string, string]> = [
  ['peace talks', 'both words (all words must match)'],
  ['"prime minister"  “…”  «…»', 'the phrase; other forms of its words too (ministers)'],
  ['kyiv OR kiev', 'either; AND binds tighter than OR'],
  ['peace NOT war,  peace -war', 'peace without war'],
  ['negotiat*', 'words starting with negotiat'],
  ['(grain OR wheat) exports', 'parentheses group'],
  ['sanctions NEAR/5 oil', 'within 5 words of each other (NEAR alone: 10)'],
  ['"oil sanctions"~5', 'the words within 5 words, in any order'],
  ['headline:ceasefire  body:…', 'only in the headline, or only in the text'],
  ['agency:Reuters  source:TASS', 'from this agency'],
  ['place:Kyiv  lang:uk', 'dateline place; language (en, ru, uk)'],
  ['date:2022-03  date:2022-03-01..2022-03-15', 'a month, a day, or a range'],
  ['date:>=2022  date:<2022-06', 'from, after, before'],
];

export function SearchHelp() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(open, ref, useCallback(() => setOpen(false), []));
  return (
    <div className="popover-anchor" ref={ref}>
      <button type="button" className="icon-button search-help-button" aria-label="Search syntax" aria-expanded={open} title="Search syntax" onClick={() => setOpen(!open)}>
        ?
      </button>
      {open && (
        <div className="popover search-help" role="dialog" aria-label="Search syntax" data-testid="search-help">
          <h2 className="popover-title">Search syntax</h2>
          <table className="syntax-table">
            <tbody>
              {SYNTAX.map(([example, meaning]) => (
                <tr key={example}>
                  <td>
                    <code>{example}</code>
                  </td>
                  <td>{meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="popover-note">
            Upper-case AND, OR, NOT and NEAR are operators. Words match their other forms in English, Russian and Ukrainian, and names match across
            spellings and scripts: Kyiv, Kiev, Київ, Киев; Peskov, Песков. An unclosed quote or parenthesis is closed for you.
          </p>
        </div>
      )}
    </div>
  );
}
