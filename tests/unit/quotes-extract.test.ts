// Quote extraction on text we wrote for the tests (the DESIGN.md example is a real agency's
// text and stays out of the repository; its layout is reproduced in tests/fixtures/quotes).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuotes, type ExtractedQuote } from '../../src/engine/quotes/extract.ts';
import { foldName, nominative } from '../../src/engine/quotes/names.ts';
import { REPO } from '../support/temp.ts';

const QUOTES = path.join(REPO, 'tests/fixtures/quotes');
const read = (name: string): string => fs.readFileSync(path.join(QUOTES, name), 'utf8');

function summary(text: string): Array<{ text: string; speaker: string | null; kind: string; mention: string }> {
  return extractQuotes(text).map((q: ExtractedQuote) => ({ text: text.slice(q.start, q.end), speaker: q.speaker.name ?? q.speaker.description, kind: q.kind, mention: text.slice(q.mentionStart, q.mentionEnd) }));
}

describe('quote extraction', () => {
  it('finds every quote of the wire story and gives each to Peskov, whatever the pattern', () => {
    const text = read('kremlin-talks-interfax.txt');
    const quotes = summary(text);
    const peskov = quotes.filter((q) => q.speaker === 'Dmitry Peskov');
    expect(peskov.map((q) => q.text)).toEqual([
      'The work continues every day, and we would like it to move faster than it does', // "…," Peskov told journalists
      'A meeting of the leaders has to crown an agreement, not replace the work of the negotiators.', // Peskov said: "…"
      'There is no date, and there cannot be one until the documents are ready', // "…," said Peskov
      'We are not setting deadlines', // "…," he added
      'The negotiators need time, and they will have it.', // continuation after "he added."
      'difficult, but not hopeless', // partial, "The Kremlin spokesman stressed"
      'talking in substance',
      'the experts have exchanged new drafts', // according to Peskov
      expect.stringMatching(/^Western deliveries of weapons do not help the talks\. They only make a settlement harder to reach\.\s+"We have said this many times, and we will keep saying it$/), // over two paragraphs
    ]);
    expect(quotes.find((q) => q.text === 'We are not setting deadlines')).toMatchObject({ mention: 'he', kind: 'direct' });
    expect(quotes.find((q) => q.text.startsWith('difficult'))).toMatchObject({ kind: 'partial' });
    // The unnamed official is kept as a description, not merged with Peskov.
    expect(quotes.find((q) => q.text === 'Friday or Saturday')).toMatchObject({ speaker: 'an official in the delegation' });
    const first = extractQuotes(text)[0]!;
    expect(first.speaker.description).toBe('Russian presidential press secretary');
  });

  it('reads Russian «…» and „…“ quotes, по словам with the genitive, and он', () => {
    const quotes = summary(read('peskov-tass-ru.txt'));
    expect(quotes.map((q) => [q.speaker, q.text])).toEqual([
      ['Дмитрий Песков', 'Работа идет каждый день, но не так быстро, как нам хотелось бы'],
      ['Дмитрий Песков', 'эксперты обменялись новыми проектами документов'],
      ['Дмитрий Песков', 'Встреча на высшем уровне возможна только тогда, когда документы будут готовы'],
      ['Дмитрий Песков', 'Сроков мы не ставим'],
      ['Мария Захарова', 'Мы не комментируем слухи'],
    ]);
    expect(quotes[1]!.mention).toBe('Пескова');
    expect(quotes[3]!.mention).toBe('он');
  });

  it('keeps quotes over paragraphs whole, follows "she said" back to the named speaker, and skips titles and scare quotes', () => {
    const text = read('grain-deal-reuters.txt');
    const quotes = summary(text);
    expect(quotes.map((q) => q.speaker)).toEqual(['Thomas Reed', 'Thomas Reed', 'Thomas Reed', 'Anna Weiss', 'Anna Weiss']);
    expect(quotes[2]).toMatchObject({ text: 'a tax on every tonne that leaves the port', kind: 'partial' });
    expect(quotes[4]!.text).toMatch(/^There is grain to move, and there are buyers waiting\.\n\n"What is missing is confidence$/);
    expect(quotes[4]!.mention).toBe('she');
    expect(quotes.some((q) => q.text.includes('Guidance Note') || q.text === 'corridor')).toBe(false);
  });

  it('handles the one-line patterns of the issue', () => {
    const cases: Array<[string, string, string]> = [
      ['“We will see,” Peskov said.', 'We will see', 'Peskov'],
      ['Peskov said: “We will see.”', 'We will see.', 'Peskov'],
      ['“We will see,” said Peskov.', 'We will see', 'Peskov'],
      ['“We will see,” Peskov told journalists.', 'We will see', 'Peskov'],
      ['„Wir werden sehen“, sagte er. Peskov said: „We will see.“', 'We will see.', 'Peskov'],
      ['«Посмотрим», — заявил Песков.', 'Посмотрим', 'Песков'],
      ['Песков сказал: «Посмотрим».', 'Посмотрим', 'Песков'],
      ['«Подивимося», — зазначив Пєсков.', 'Подивимося', 'Пєсков'],
    ];
    for (const [text, quote, speaker] of cases) {
      const found = summary(text).find((q) => q.text === quote);
      expect(found, text).toBeDefined();
      expect(found!.speaker, text).toBe(speaker);
    }
  });

  it('gives offsets into the text that hold exactly the quoted words', () => {
    for (const name of fs.readdirSync(QUOTES)) {
      const text = read(name);
      for (const q of extractQuotes(text)) {
        expect(q.end).toBeGreaterThan(q.start);
        expect(q.start).toBeGreaterThanOrEqual(0);
        expect(q.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(q.start, q.end).trim()).toBe(text.slice(q.start, q.end));
        expect(q.mentionEnd).toBeGreaterThan(q.mentionStart);
      }
    }
  });

  it('finds nothing in text without attributed quotes, and copes with any input', () => {
    expect(extractQuotes('')).toEqual([]);
    expect(extractQuotes('He appeared on “Meet the Press” on Sunday.')).toEqual([]);
    expect(extractQuotes('It was less a “truce” than mutual exhaustion.')).toEqual([]);
    for (const junk of ['"', '“', '«»', '"""', '“,” said', '«', '" he said', 'a "b" c "d', '\n\n"\n\n"']) expect(() => extractQuotes(junk)).not.toThrow();
  });
});

describe('names', () => {
  it('folds Latin and Cyrillic spellings of a name to one key', () => {
    expect(foldName('Peskov')).toBe(foldName('Песков'));
    expect(foldName('Dmitry Peskov')).toBe(foldName('Дмитрий Песков'));
    expect(foldName('Zelensky')).toBe(foldName('Зеленский'));
    expect(foldName('Zelenskyy')).toBe(foldName('Зеленський'));
    expect(foldName('Peskov')).not.toBe(foldName('Putin'));
  });

  it('turns genitive names back into the nominative', () => {
    expect(nominative('Дмитрия Пескова')).toBe('Дмитрий Песков');
    expect(nominative('Сергея Лаврова')).toBe('Сергей Лавров');
    expect(nominative('Марии Захаровой')).toBe('Мария Захарова');
    expect(nominative('Владимира Зеленского')).toBe('Владимир Зеленский');
    expect(nominative('Peskov')).toBe('Peskov');
  });
});
