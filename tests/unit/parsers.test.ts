import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/engine/ingest/decode.ts';
import { detectLanguage } from '../../src/engine/ingest/language.ts';
import { parseMarkdown, parsePlainText } from '../../src/engine/ingest/parsers/plain.ts';
import { parseDateline, parseWire } from '../../src/engine/ingest/parsers/wire.ts';
import { FIXTURES } from '../support/temp.ts';
import { textInput as input } from '../support/parse-input.ts';

const read = (rel: string): string => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');

describe('wire layout', () => {
  it('reads time, headline, place and agency of an Interfax-style item, keeping the body verbatim', () => {
    const article = parseWire(read('wire/talks-progress-interfax.txt'))!;
    expect(article.published).toBe('2022-03-21T12:47');
    expect(article.headline).toBe("Not enough progress in talks for a leaders' meeting so far - negotiator");
    expect(article.place).toBe('MOSCOW');
    expect(article.agency).toBe('Interfax');
    expect(article.body.startsWith('MOSCOW. March 21 (Interfax) - Progress in the negotiations')).toBe(true);
    expect(article.body.split('\n\n')).toHaveLength(4);
  });

  it('reads Reuters, TASS and Ukrinform style datelines', () => {
    expect(parseWire(read('wire/grain-corridor-reuters.txt'))).toMatchObject({ place: 'LONDON', agency: 'Reuters', published: '2022-03-22T09:15' });
    expect(parseWire(read('wire/energy-talks-tass-ru.txt'))).toMatchObject({ place: 'МОСКВА', agency: 'ТАСС', published: '2022-03-23T15:30' });
    expect(parseWire(read('wire/grain-exports-ukrinform-uk.txt'))).toMatchObject({ place: 'КИЇВ', agency: 'Укрінформ' });
  });

  it.each([
    ['NEW YORK, March 21 (Reuters) - Stocks rose.', 'NEW YORK', 'Reuters'],
    ['EL-SALVADOR. August 4 (TASS) - The consortium will own 48 pct.', 'EL-SALVADOR', 'TASS'],
    ['WASHINGTON (AP) — The Senate voted.', 'WASHINGTON', 'AP'],
    ['KYIV, March 21, 2022 (Ukrinform) - Text.', 'KYIV', 'Ukrinform'],
  ])('dateline %j', (text, place, agency) => {
    expect(parseDateline(text)).toMatchObject({ place, agency });
  });

  it.each(['The Senate (upper house) - voted today.', 'Moscow. March 21 (Interfax) - lower-case place', 'Progress was slow, officials said.'])('no dateline in %j', (text) => {
    expect(parseDateline(text)).toBeNull();
  });

  it('is not fooled by a file that does not start with a date', () => {
    expect(parseWire('Peace talks\n\nThey talked.')).toBeNull();
  });

  it('takes a headline on the line right after the date line', () => {
    expect(parseWire('4 Jan 2019\nHeadline here\n\nBody text.')).toMatchObject({ headline: 'Headline here', body: 'Body text.', published: '2019-01-04' });
  });
});

describe('plain text and markdown', () => {
  it('uses the first line as headline when there is no date line', () => {
    const [a] = parsePlainText(input(read('notes/undated-memo.txt'), 'undated-memo.txt'));
    expect(a).toMatchObject({ headline: 'Memo on archive conventions', published: null, place: null });
    expect(a!.body).toMatch(/^Wire stories in this archive/);
  });

  it('takes the heading marks off a Markdown headline', () => {
    const [a] = parseMarkdown(input(read('notes/briefing-notes.md'), 'briefing-notes.md'));
    expect(a!.headline).toBe('Briefing notes: grain corridor and insurance');
  });

  it('normalises Windows line endings', () => {
    const [a] = parsePlainText(input('Title\r\n\r\nFirst.\r\n\r\nSecond.\r\n', 'x.txt'));
    expect(a).toMatchObject({ headline: 'Title', body: 'First.\n\nSecond.' });
  });

  it('uses the first sentence of a single long paragraph as headline', () => {
    const text = `${'The committee met on Tuesday to discuss the budget for the coming year and beyond. '.repeat(6)}`;
    const [a] = parsePlainText(input(text, 'x.txt'));
    expect(a!.headline).toBe('The committee met on Tuesday to discuss the budget for the coming year and beyond.');
    expect(a!.body).toBe(text.trim());
  });
});

describe('decoding', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFПривет', 'utf8'))).toMatchObject({ ok: true, text: 'Привет' });
    expect(decodeText(Buffer.from('Привет', 'utf8'))).toMatchObject({ ok: true, text: 'Привет' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Héllo', 'utf16le')]))).toMatchObject({ ok: true, text: 'Héllo' });
  });

  it('falls back to windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9]))).toMatchObject({ ok: true, text: 'Café', encoding: 'windows-1252' });
  });

  it('refuses binary data', () => {
    expect(decodeText(fs.readFileSync(path.join(FIXTURES, 'bad/binary-named-as.txt')))).toEqual({ ok: false, reason: 'binary data, not text' });
  });
});

describe('language', () => {
  it('tells English, Russian and Ukrainian apart', () => {
    expect(detectLanguage(read('wire/talks-progress-interfax.txt'))).toBe('en');
    expect(detectLanguage(read('wire/energy-talks-tass-ru.txt'))).toBe('ru');
    expect(detectLanguage(read('wire/grain-exports-ukrinform-uk.txt'))).toBe('uk');
    expect(detectLanguage('12 34')).toBeNull();
  });
});
