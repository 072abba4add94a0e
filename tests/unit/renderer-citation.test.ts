import { describe, expect, it } from 'vitest';
import { citationLine, textWithCitation } from '../../src/renderer/src/lib/citation.ts';

const talks = { headline: 'Talks resume in Istanbul', agency: 'Reuters', published: '2022-03-21T12:47', body: 'First paragraph.\n\nSecond paragraph.' };

describe('citationLine', () => {
  it('reads "Agency, Headline, date time" at the precision the source gave', () => {
    expect(citationLine(talks)).toBe('Reuters, Talks resume in Istanbul, 21 Mar 2022 12:47');
    expect(citationLine({ ...talks, published: '2019-01-04' })).toBe('Reuters, Talks resume in Istanbul, 4 Jan 2019');
    // The wall-clock time of the source, never converted to another zone.
    expect(citationLine({ ...talks, published: '2021-01-26T14:26:27-05:00' })).toBe('Reuters, Talks resume in Istanbul, 26 Jan 2021 14:26');
  });

  it('leaves out what is missing and falls back to the site for the source', () => {
    expect(citationLine({ ...talks, agency: null, published: null })).toBe('Talks resume in Istanbul');
    expect(citationLine({ ...talks, agency: null, site: 'Wikinews' })).toBe('Wikinews, Talks resume in Istanbul, 21 Mar 2022 12:47');
    expect(citationLine({ ...talks, headline: '  ' })).toBe('Reuters, Untitled, 21 Mar 2022 12:47');
    expect(citationLine({ ...talks, versionNote: 'UPDATE 1' })).toBe('Reuters, Talks resume in Istanbul (UPDATE 1), 21 Mar 2022 12:47');
  });
});

describe('textWithCitation', () => {
  it('quotes a selection, tidies its spacing and adds the citation on its own line', () => {
    expect(textWithCitation(talks, '  the two  delegations\r\n met ')).toBe('“the two delegations\nmet”\n\nReuters, Talks resume in Istanbul, 21 Mar 2022 12:47');
  });

  it('copies the headline and the whole body when nothing is selected', () => {
    for (const none of [null, '', '   ']) {
      expect(textWithCitation(talks, none)).toBe('Talks resume in Istanbul\n\nFirst paragraph.\n\nSecond paragraph.\n\nReuters, Talks resume in Istanbul, 21 Mar 2022 12:47');
    }
  });
});
