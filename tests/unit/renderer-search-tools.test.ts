import { describe, expect, it } from 'vitest';
import { applySuggestion, fragmentLength, monthRange, selectedMonths } from '../../src/renderer/src/lib/search-tools.ts';

describe('search tools', () => {
  it('turns a brushed span of months into From and To days, either way round', () => {
    expect(monthRange('2022-03', '2022-05')).toEqual({ from: '2022-03-01', to: '2022-05-31' });
    expect(monthRange('2024-02', '2023-12')).toEqual({ from: '2023-12-01', to: '2024-02-29' });
    expect(selectedMonths('2022-03-01', '')).toEqual({ first: '2022-03', last: '9999-99' });
    expect(selectedMonths('', '')).toBeNull();
  });

  it('puts a suggestion in place of the words being typed', () => {
    expect(applySuggestion('grain Dmitry Pes', fragmentLength('grain Dmitry Pes'), '"Dmitry Peskov"')).toBe('grain "Dmitry Peskov" ');
    expect(applySuggestion('Reut', fragmentLength('Reut'), 'agency:Reuters')).toBe('agency:Reuters ');
    expect(applySuggestion('talks AND reut', 1, 'agency:Reuters')).toBe('talks AND agency:Reuters ');
    expect(applySuggestion('talks -reut', 1, 'agency:Reuters')).toBe('talks -agency:Reuters ');
  });
});
