import { describe, expect, it } from 'vitest';
import { barHeights, base64ToBytes, moveInList, parseTags, speakerOf, withSpeaker } from '../../src/renderer/src/lib/quotes.ts';

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
