import { describe, expect, it } from 'vitest';
import { barHeights, base64ToBytes, moveInList, parseTags, speakerOf, timelineLabels, withSpeaker } from '../../src/renderer/src/lib/quotes.ts';

describe('quotes view helpers', () => {
  it('puts one speaker: filter into a query, replacing any other', () => {
    expect(withSpeaker('talks', 'Peskov')).toBe('speaker:Peskov talks');
    expect(withSpeaker('speaker:Reed talks', 'Dmitry Peskov')).toBe('speaker:"Dmitry Peskov" talks');
    expect(withSpeaker('speaker:"Anna Weiss" grain', null)).toBe('grain');
    expect(withSpeaker('', null)).toBe('');
    expect(speakerOf('grain speaker:"Anna Weiss"')).toBe('Anna Weiss');
    expect(speakerOf('speaker:Песков')).toBe('Песков');
    expect(speakerOf('speakers are')).toBeNull();
  });

  it('scales timeline bars to the busiest period', () => {
    expect(barHeights([1, 4, 2])).toEqual([0.25, 1, 0.5]);
    expect(barHeights([])).toEqual([]);
    expect(barHeights([0, 0])).toEqual([0, 0]);
  });

  it('reads tags, moves list items, and decodes exports', () => {
    expect(parseTags(' talks, tempo ,, talks ')).toEqual(['talks', 'tempo']);
    expect(moveInList(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveInList(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveInList(['a'], 5, 0)).toEqual(['a']);
    expect(new TextDecoder().decode(base64ToBytes(Buffer.from('Песков', 'utf8').toString('base64')))).toBe('Песков');
  });
});

describe('timelineLabels', () => {
  it('shortens days and months, and shows the year on the first bar and where it changes', () => {
    expect(timelineLabels(['2021-12-23', '2022-03-22', '2022-03-23'])).toEqual([
      { main: '23 Dec', year: '2021' },
      { main: '22 Mar', year: '2022' },
      { main: '23 Mar', year: null },
    ]);
    expect(timelineLabels(['2022-01', '2022-02'])).toEqual([
      { main: 'Jan', year: '2022' },
      { main: 'Feb', year: null },
    ]);
    expect(timelineLabels(['2021', '2022'])).toEqual([
      { main: '2021', year: null },
      { main: '2022', year: null },
    ]);
  });
});
