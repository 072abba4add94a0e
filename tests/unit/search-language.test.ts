// The query language of issue 4 on a real corpus: fields, proximity, dates, stemming in
// English, Russian and Ukrainian, name variants across scripts, snippets and reader marks,
// facets, totals, export, saved searches, history, variant editing and reindexing.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/shared/api.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { suiteTempDir } from '../support/temp.ts';

const ARTICLES: Record<string, string> = {
  'talks-en.txt':
    '21 Mar 2022 12:47\n\nNot enough progress in Moscow-Kyiv talks for Putin-Zelensky meeting - Peskov\n\nMOSCOW. March 21 (Interfax) - Progress seen in negotiations between Russia and Ukraine is not enough for a meeting, Dmitry Peskov told journalists. The negotiation teams work daily.',
  'kiev-en.txt':
    '2 Feb 2019 09:00\n\nKiev hosts energy conference\n\nKIEV, February 2 (Reuters) - Ministers gathered in Kiev on Saturday. President Zelenskiy was not yet in office; the conference discussed gas transit.',
  'zelenskyy-en.txt':
    '15 Jun 2024 10:00\n\nReadout of a meeting with President Zelenskyy\n\nWASHINGTON, June 15 (AP) - The Vice President met President Zelenskyy of Ukraine and discussed energy security and the peace summit.',
  'talks-ru.txt':
    '22 марта 2022 10:00\n\nПесков: прогресс на переговорах недостаточен\n\nМОСКВА. 22 марта (Интерфакс) - Пресс-секретарь президента Дмитрий Песков заявил, что прогресса на переговорах недостаточно для встречи Путина и Зеленского.',
  'kyiv-ru.txt':
    '23 марта 2022 11:00\n\nВ Киеве прошли консультации\n\nКИЕВ. 23 марта (ТАСС) - В Киеве состоялись консультации по гуманитарным вопросам. Переговоры продолжатся.',
  'kyiv-uk.txt':
    '24 березня 2022 12:00\n\nУ Києві обговорили експорт зерна\n\nКИЇВ. 24 березня (Укрінформ) - Зеленський провів нараду щодо експорту зерна. Переговори з партнерами тривають.',
  'grain-en.txt':
    '1 Aug 2022 08:00\n\nFirst grain ship leaves Odesa\n\nODESA, August 1 (Reuters) - The first ship carrying Ukrainian grain left the port of Odessa under the deal negotiated in Istanbul. Officials said exports could resume.',
  'budget-en.txt':
    '3 Jan 2023 14:00\n\nBudget talks stall in parliament\n\nLONDON, January 3 (Reuters) - Talks on the budget stalled again. The finance minister said the budget would pass by March.',
};

let engine: Engine;
let api: ReturnType<typeof createClient>;
let dataDir: string;

const headlines = async (query: string, extra: object = {}): Promise<string[]> =>
  (await api.call('search.query', { query, limit: 50, ...extra })).hits.map((h) => h.headline).sort();
const one = (name: string): string => ARTICLES[name]!.split('\n\n')[1]!;

beforeAll(async () => {
  const folder = suiteTempDir('wirebench-lang-');
  for (const [name, text] of Object.entries(ARTICLES)) fs.writeFileSync(path.join(folder, name), text);
  dataDir = suiteTempDir();
  engine = createEngine({ dataDir, log: () => {} });
  api = createClient(engine);
  const summary = await api.call('import.run', { paths: [folder] });
  expect(summary.imported).toBe(Object.keys(ARTICLES).length);
});
afterAll(async () => engine.close());

describe('stemming', () => {
  it('finds English inflections', async () => {
    expect(await headlines('negotiation')).toEqual(await headlines('negotiations'));
    expect(await headlines('negotiations')).toContain(one('talks-en.txt'));
    expect(await headlines('negotiations')).toContain(one('grain-en.txt'));
  });

  it('finds Russian and Ukrainian inflections, across the two languages', async () => {
    const found = await headlines('переговоры');
    expect(found).toEqual(expect.arrayContaining([one('talks-ru.txt'), one('kyiv-ru.txt'), one('kyiv-uk.txt')]));
    expect(await headlines('переговоров')).toEqual(found);
  });
});

describe('name variants', () => {
  it('matches Песков and Peskov in both scripts', async () => {
    const both = [one('talks-en.txt'), one('talks-ru.txt')].sort();
    expect(await headlines('Peskov')).toEqual(both);
    expect(await headlines('Песков')).toEqual(both);
    expect(await headlines('Пескова')).toEqual(both);
  });

  it('matches Путин and Putin', async () => {
    const both = [one('talks-en.txt'), one('talks-ru.txt')].sort();
    expect(await headlines('Putin')).toEqual(both);
    expect(await headlines('Путин')).toEqual(both);
  });

  it('matches every spelling of Zelensky', async () => {
    const all = [one('talks-en.txt'), one('kiev-en.txt'), one('zelenskyy-en.txt'), one('talks-ru.txt'), one('kyiv-uk.txt')].sort();
    for (const spelling of ['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Зеленский', 'Зеленський']) expect(await headlines(spelling), spelling).toEqual(all);
  });

  it('matches Kyiv, Kiev, Київ and Киев', async () => {
    const all = [one('talks-en.txt'), one('kiev-en.txt'), one('kyiv-ru.txt'), one('kyiv-uk.txt')].sort();
    for (const spelling of ['Kyiv', 'Kiev', 'Київ', 'Киев']) expect(await headlines(spelling), spelling).toEqual(all);
  });

  it('uses edited variant groups at once, without reindexing', async () => {
    expect(await headlines('Istanbul')).toEqual([one('grain-en.txt')]);
    expect(await headlines('Constantinople')).toEqual([]);
    await api.call('variants.set', { name: 'Istanbul', variants: ['Istanbul', 'Constantinople'] });
    expect(await headlines('Constantinople')).toEqual([one('grain-en.txt')]);
    expect((await api.call('variants.list', {})).groups.find((g) => g.name === 'Istanbul')?.variants).toEqual(['Istanbul', 'Constantinople']);
    expect(await api.call('variants.delete', { name: 'Istanbul' })).toEqual({ deleted: true });
    expect(await headlines('Constantinople')).toEqual([]);
  });

  it('marks every matched form in snippets and the reader, in the original text', async () => {
    const r = await api.call('search.query', { query: 'Kyiv' });
    const ru = r.hits.find((h) => h.headline === one('kyiv-ru.txt'))!;
    expect(ru.snippet).toContain('<mark>Киеве</mark>');
    const article = await api.call('article.get', { id: ru.id, query: 'Kyiv' });
    const marked = article.matches.map((m) => (m.field === 'headline' ? article.headline : article.body).slice(m.start, m.end));
    expect(marked).toEqual(['Киеве', 'КИЕВ', 'Киеве']);
    const en = await api.call('search.query', { query: 'negotiation' });
    expect(en.hits.find((h) => h.headline === one('talks-en.txt'))!.snippet).toMatch(/<mark>negotiations<\/mark>.*<mark>negotiation<\/mark>/);
  });
});

describe('operators and fields', () => {
  it('restricts words to the headline or the body', async () => {
    expect(await headlines('headline:budget')).toEqual([one('budget-en.txt')]);
    expect(await headlines('headline:energy')).toEqual([one('kiev-en.txt')]);
    expect(await headlines('body:energy')).toEqual([one('zelenskyy-en.txt')]);
    expect(await headlines('title:(grain OR budget)')).toEqual([one('budget-en.txt'), one('grain-en.txt')].sort());
    expect(await headlines('headline:"budget talks"')).toEqual([one('budget-en.txt')]);
  });

  it('filters by agency, source, place and language', async () => {
    expect(await headlines('agency:Reuters')).toEqual([one('kiev-en.txt'), one('grain-en.txt'), one('budget-en.txt')].sort());
    expect(await headlines('source:Reuters grain')).toEqual([one('grain-en.txt')]);
    expect(await headlines('place:Odesa')).toEqual([one('grain-en.txt')]);
    expect(await headlines('lang:uk')).toEqual([one('kyiv-uk.txt')]);
    expect(await headlines('language:russian')).toEqual([one('kyiv-ru.txt'), one('talks-ru.txt')].sort());
    expect(await headlines('talks -agency:Reuters')).toEqual([one('talks-en.txt')]);
    expect(await headlines('agency:Reuters OR agency:AP')).toHaveLength(4);
    expect(await headlines('energy', { agency: 'AP' })).toEqual([one('zelenskyy-en.txt')]);
    expect(await headlines('', { language: 'ru' })).toHaveLength(2);
  });

  it('filters by date: a period, a range, open ends, and inside OR', async () => {
    expect(await headlines('date:2022-03')).toHaveLength(4);
    expect(await headlines('date:2022-03-22..2022-03-23')).toEqual([one('kyiv-ru.txt'), one('talks-ru.txt')].sort());
    expect(await headlines('date:>=2023')).toEqual([one('budget-en.txt'), one('zelenskyy-en.txt')].sort());
    expect(await headlines('date:>2023-01-03')).toEqual([one('zelenskyy-en.txt')]);
    expect(await headlines('date:<2020')).toEqual([one('kiev-en.txt')]);
    expect(await headlines('date:..2019-02-02')).toEqual([one('kiev-en.txt')]);
    expect(await headlines('energy (date:2019 OR date:2024-06)')).toEqual([one('kiev-en.txt'), one('zelenskyy-en.txt')].sort());
    expect(await headlines('energy -date:2019')).toEqual([one('zelenskyy-en.txt')]);
  });

  it('finds words near each other', async () => {
    expect(await headlines('Peskov NEAR/3 journalists')).toEqual([one('talks-en.txt')]);
    expect(await headlines('progress NEAR/2 journalists')).toEqual([]);
    expect(await headlines('"progress journalists"~20')).toEqual([one('talks-en.txt')]);
    expect(await headlines('"progress journalists"~3')).toEqual([]);
    expect(await headlines('grain NEAR "Ukrainian grain"')).toEqual([one('grain-en.txt')]);
  });

  it('rejects what it cannot read, pointing at the place', async () => {
    const cases: Array<[string, RegExp, number]> = [
      ['date:last-week', /date: at character 1 needs a date/, 0],
      ['peace date:2023..2022', /run backwards/, 6],
      ['agency:', /agency: at character 1 needs a value/, 0],
      ['NEAR peace', /NEAR at character 1 needs a word or phrase to its left/, 0],
      ['peace NEAR', /NEAR at character 7 needs a word or phrase to its right/, 6],
      ['(a OR b) NEAR c', /NEAR at character 10 joins words or phrases/, 9],
      ['headline:(agency:Reuters)', /cannot go inside headline/, 10],
    ];
    for (const [query, message, position] of cases) {
      await expect(api.call('search.query', { query }), query).rejects.toMatchObject({ code: 'bad_query', message: expect.stringMatching(message), position });
    }
  });
});

describe('results', () => {
  it('orders by date newest first through the index, undated last', async () => {
    const r = await api.call('search.query', { query: 'talks OR переговоры OR energy', sort: 'date' });
    const dates = r.hits.map((h) => h.published);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(r.order).toBe('date');
  });

  it('uses date order when the query has only filters, and says so', async () => {
    const r = await api.call('search.query', { query: 'agency:Reuters', sort: 'relevance' });
    expect(r.order).toBe('date');
    expect(r.hits.every((h) => h.score === null)).toBe(true);
  });

  it('boosts newer articles when asked', async () => {
    const plain = await api.call('search.query', { query: 'talks' });
    const recent = await api.call('search.query', { query: 'talks', recency: true });
    expect(recent.hits.map((h) => h.id).sort()).toEqual(plain.hits.map((h) => h.id).sort());
    expect(recent.hits[0]!.published! >= plain.hits[plain.hits.length - 1]!.published!).toBe(true);
  });

  it('counts exactly on small sets and says so', async () => {
    const r = await api.call('search.query', { query: 'talks' });
    expect(r.totalExact).toBe(true);
    expect(r.rankedAmong).toBeNull();
    expect((await api.call('search.count', { query: 'talks' })).total).toBe(r.total);
  });

  it('gives facets for the query and its filters', async () => {
    const f = await api.call('search.facets', { query: 'Kyiv' });
    expect(f.exact).toBe(true);
    expect(f.languages).toEqual(expect.arrayContaining([{ value: 'en', count: 2 }, { value: 'ru', count: 1 }, { value: 'uk', count: 1 }]));
    expect(f.agencies.find((a) => a.value === 'Reuters')?.count).toBe(1);
    expect(f.months.find((m) => m.month === '2022-03')?.count).toBe(3);
    expect(f.months.find((m) => m.month === '2019-02')?.count).toBe(1);
    expect(f.months.reduce((s, m) => s + m.count, 0) + f.undated).toBe(4);
    const filtered = await api.call('search.facets', { query: 'Kyiv', language: 'en' });
    expect(filtered.languages).toEqual([{ value: 'en', count: 2 }]);
  });

  it('keeps the index in step when an article is removed', async () => {
    const folder = suiteTempDir('wirebench-lang-extra-');
    fs.writeFileSync(path.join(folder, 'x.txt'), '5 May 2021 10:00\n\nZanzibar ferry resumes\n\nZANZIBAR, May 5 (AP) - The ferry resumed.');
    await api.call('import.run', { paths: [folder] });
    const hit = (await api.call('search.query', { query: 'zanzibar' })).hits[0]!;
    // The store is the only writer; removing through it removes the index entry in the same transaction.
    const { ArticleStore } = await import('../../src/engine/store/articles.ts');
    const { createFtsIndexer } = await import('../../src/engine/search/fts-indexer.ts');
    const store = new ArticleStore(engine.db);
    store.addIndexer(createFtsIndexer(engine.db));
    expect(store.remove(hit.id)).toBe(true);
    expect((await api.call('search.query', { query: 'zanzibar' })).total).toBe(0);
    expect((await api.call('search.query', { query: 'ferry OR talks' })).total).toBeGreaterThan(0);
  });
});

describe('saved searches and history', () => {
  it('saves, lists, replaces and deletes named searches', async () => {
    await api.call('searches.save', { name: 'Kyiv talks', query: 'Kyiv talks', options: { sort: 'date', agency: 'Interfax', from: '' } });
    const saved = await api.call('searches.save', { name: 'kyiv talks', query: 'Kyiv NEAR talks', options: { sort: 'date' } });
    expect(saved).toMatchObject({ name: 'kyiv talks', query: 'Kyiv NEAR talks', options: { sort: 'date' } });
    expect((await api.call('searches.list', {})).searches.map((s) => s.name)).toEqual(['kyiv talks']);
    await expect(api.call('searches.save', { name: 'broken', query: 'peace AND' })).rejects.toMatchObject({ code: 'bad_query' });
    expect(await api.call('searches.delete', { name: 'KYIV TALKS' })).toEqual({ deleted: true });
    expect((await api.call('searches.list', {})).searches).toEqual([]);
  });

  it('records searches asked to be remembered, newest first, without repeats', async () => {
    await api.call('history.clear', {});
    await api.call('search.query', { query: 'grain', remember: true });
    await api.call('search.query', { query: 'budget', remember: true, agency: 'Reuters' });
    await api.call('search.query', { query: 'grain', remember: true });
    await api.call('search.query', { query: 'not remembered' });
    const { entries } = await api.call('history.list', {});
    expect(entries.map((e) => e.query)).toEqual(['grain', 'budget']);
    expect(entries[1]!.options).toEqual({ agency: 'Reuters' });
    expect(await api.call('history.clear', {})).toEqual({ cleared: 2 });
  });
});

describe('export', () => {
  it('writes every match to CSV and JSONL with progress', async () => {
    const out = suiteTempDir('wirebench-export-');
    const progress: number[] = [];
    const off = engine.on('onSearchExportProgress', (p) => progress.push((p as { rows: number }).rows));
    const csv = await api.call('search.export', { query: 'talks OR переговоры', format: 'csv', path: path.join(out, 'r.csv') });
    off();
    const total = (await api.call('search.count', { query: 'talks OR переговоры' })).total;
    expect(csv.rows).toBe(total);
    const lines = fs.readFileSync(path.join(out, 'r.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,published,headline,place,agency,language,score,snippet');
    expect(lines).toHaveLength(total + 1);
    expect(progress.length).toBeGreaterThan(0);
    const jsonl = await api.call('search.export', { query: 'Kyiv', format: 'jsonl', path: path.join(out, 'r.jsonl'), includeBody: true, sort: 'date' });
    const records = fs.readFileSync(path.join(out, 'r.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { published: string; body: string; snippet: string });
    expect(records).toHaveLength(jsonl.rows);
    expect(records.map((r) => r.published)).toEqual(records.map((r) => r.published).sort().reverse());
    expect(records.every((r) => r.body.length > 0)).toBe(true);
    expect(records.some((r) => r.snippet.includes('[Киеве]'))).toBe(true);
    await expect(api.call('search.export', { query: 'x', format: 'csv', path: 'relative.csv' })).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('the derived index', () => {
  it('rebuilds from the articles and answers the same', async () => {
    const before = await headlines('Kyiv OR negotiations OR переговоры');
    const progress: unknown[] = [];
    const off = engine.on('onReindexProgress', (p) => progress.push(p));
    const r = await api.call('search.reindex', {});
    off();
    expect(r.articles).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ finished: true });
    expect(await headlines('Kyiv OR negotiations OR переговоры')).toEqual(before);
  });

  it('is rebuilt when the engine opens a corpus whose index is not current', async () => {
    const dir = suiteTempDir();
    const first = createEngine({ dataDir: dir, log: () => {} });
    const folder = suiteTempDir();
    fs.writeFileSync(path.join(folder, 'a.txt'), ARTICLES['talks-en.txt']!);
    await createClient(first).call('import.run', { paths: [folder] });
    // An index built by an older normaliser: emptied, and its version set back.
    first.db.prepare(`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`).run();
    first.db.prepare(`UPDATE search_state SET value = 1 WHERE name = 'index_version'`).run();
    await first.close();
    const second = createEngine({ dataDir: dir, log: () => {} });
    await second.indexReady();
    expect((await createClient(second).call('search.query', { query: 'Peskov' })).total).toBe(1);
    await second.close();
  });
});

describe('suggestions', () => {
  it('suggests people, places, agencies and headlines as you type, fuzzily', async () => {
    const names = async (text: string) => (await api.call('search.suggest', { text })).suggestions;
    expect((await names('Dmitry Pes')).find((s) => s.kind === 'person')).toMatchObject({ text: expect.stringMatching(/Dmitry Peskov|Дмитрий Песков/) });
    expect(await names('Reut')).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'agency', text: 'Reuters', query: 'agency:Reuters' })]));
    expect(await names('odessa')).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'place', text: 'ODESA' })]));
    const headline = (await names('grain shipp')).find((s) => s.kind === 'headline');
    expect(headline).toMatchObject({ text: one('grain-en.txt'), articleId: expect.any(Number) });
    expect(await names('x')).toEqual([]);
    // Saved next to the corpus, and reused when still current.
    expect(fs.existsSync(path.join(dataDir, 'suggest-index.json'))).toBe(true);
  });
});

describe('very large result sets', () => {
  it('ranks the newest matches, estimates the total, and pages on by date past the window', async () => {
    const { SearchService } = await import('../../src/engine/search/search.ts');
    const small = new SearchService(engine.db, { rankCap: 3, facetSample: 2, monthCap: 1 });
    const exact = (await api.call('search.count', { query: 'the' })).total;
    expect(exact).toBeGreaterThan(3);
    const first = small.query({ query: 'the', limit: 2 });
    expect(first.rankedAmong).toBe(3);
    expect(first.totalExact).toBe(false);
    expect(first.total).toBeGreaterThanOrEqual(3);
    // Every match is reachable, each once: the ranked window, then the rest newest first.
    const all = small.query({ query: 'the', limit: 50 });
    expect(all.hits).toHaveLength(exact);
    expect(new Set(all.hits.map((h) => h.id)).size).toBe(exact);
    const ranked = all.hits.filter((h) => h.score !== null);
    const rest = all.hits.filter((h) => h.score === null);
    expect(ranked.length).toBeGreaterThanOrEqual(3);
    expect(ranked.map((h) => h.score)).toEqual([...ranked.map((h) => h.score)].sort((a, b) => b! - a!));
    expect(rest.map((h) => h.published ?? '')).toEqual([...rest.map((h) => h.published ?? '')].sort().reverse());
    const oldestRanked = ranked.map((h) => h.published ?? '').sort()[0]!;
    expect(rest.every((h) => (h.published ?? '') <= oldestRanked)).toBe(true);
    const paged = [...small.query({ query: 'the', limit: 2, offset: 0 }).hits, ...small.query({ query: 'the', limit: 2, offset: 2 }).hits, ...small.query({ query: 'the', limit: 50, offset: 4 }).hits];
    expect(paged.map((h) => h.id)).toEqual(all.hits.map((h) => h.id));
    const facets = small.facets({ query: 'the' });
    expect(facets.exact).toBe(false);
    expect(facets.months.some((m) => m.count > 0)).toBe(true);
  });
});

describe('robustness of the full syntax', () => {
  it('answers any mix of operators, fields, dates and proximity with results or a bad_query, never an SQL error', async () => {
    const pieces = ['peace', 'war', 'Киев', 'negotiat*', '"', '“', '»', '(', ')', 'NEAR', 'NEAR/3', '~2', 'date:', '2022', '2022-03', '..', '>=', '<',
      'headline:', 'body:', 'agency:', 'place:', 'lang:', 'source:', '-', '*', 'OR', 'AND', 'NOT', ' ', ' ', ':', '\\', "'"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.boolean(), async (parts, any) => {
        const query = parts.join('');
        for (const sort of ['relevance', 'date'] as const) {
          const envelope = await engine.call('search.query', { query, sort, ...(any && { match: 'any' }) });
          if (!envelope.ok) {
            expect(envelope.error.code).toBe('bad_query');
            expect(envelope.error.position ?? 0).toBeLessThanOrEqual(query.length);
          }
        }
        const facets = await engine.call('search.facets', { query });
        if (!facets.ok) expect(facets.error.code).toBe('bad_query');
      }),
      { seed: 4242, numRuns: 400 },
    );
  });
});
