// article.similar on a real corpus (SQLite, the search index, near-duplicate groups) made of
// short hand-written wire stories whose right answers are known.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/shared/api.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { suiteTempDir } from '../support/temp.ts';

const TALKS = [
  'The two delegations met for five hours on Monday and agreed to meet again next week, officials from both sides said afterwards.',
  '"We have made progress on the humanitarian questions, but much remains to be done," the lead negotiator told reporters after the session ended.',
  'Neither side gave details of the draft agreement, which is expected to cover prisoner exchanges, grain shipments and the safety of the nuclear plant.',
];
const wire = (date: string, headline: string, place: string, paras: string[]): string => `${date}\n\n${headline}\n\n${place} (Reuters) - ${paras.join('\n\n')}\n`;

let engine: Engine;
let folder: string;
let api: ReturnType<typeof createClient>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  folder = suiteTempDir('wirebench-similar-');
  engine = createEngine({ dataDir: suiteTempDir(), log: () => {}, watch: false });
  api = createClient(engine);
  const files: Record<string, string> = {
    talks: wire('21 Mar 2022 12:47', 'Talks resume in Istanbul', 'ISTANBUL, March 21', TALKS),
    update: wire('21 Mar 2022 14:05', 'UPDATE 1-Talks resume in Istanbul', 'ISTANBUL, March 21', [...TALKS, 'Officials said a further round was planned for Thursday in the same venue, with observers from the United Nations.']),
    // Different words, same subject: the Zaporizhzhia plant, prisoner exchanges, Istanbul.
    related: wire('23 Mar 2022 09:10', 'Negotiators discuss Zaporizhzhia plant and prisoner exchanges', 'ISTANBUL, March 23', [
      'Negotiators meeting in Istanbul turned to the safety of the Zaporizhzhia nuclear plant on Wednesday, and to a list of prisoner exchanges drawn up by the humanitarian working group.',
      'A draft text on the plant was circulated among the delegations, two people familiar with the talks said.',
    ]),
    grain: wire('24 Mar 2022 08:00', 'Grain ships leave Odesa', 'ODESA, March 24', ['Three ships carrying maize left the port of Odesa on Friday under a corridor brokered by Turkey, the ministry said in a statement.']),
    football: wire('25 Mar 2022 20:00', 'Late goal lifts Galatasaray', 'ISTANBUL, March 25', ['Galatasaray scored in stoppage time to beat Fenerbahce two goals to one in a derby played in heavy rain at the stadium.']),
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, `${name}.txt`), text);
  const summary = await api.call('import.run', { paths: [folder] });
  expect(summary.imported).toBe(5);
  for (const name of Object.keys(files)) ids[name] = engine.db.prepare('SELECT id FROM articles WHERE source_path = ?').pluck().get(path.join(folder, `${name}.txt`)) as number;
});

afterAll(async () => {
  await engine.close();
});

describe('article.similar', () => {
  it('lists near-duplicates first, then related articles by shared rare words, scored 0..1', async () => {
    const result = await api.call('article.similar', { id: ids.talks! });
    const byId = new Map(result.articles.map((a) => [a.id, a]));
    expect(result.articles[0]).toMatchObject({ id: ids.update, kind: 'near-duplicate', versionNote: 'UPDATE 1' });
    expect(result.articles[0]!.score).toBeGreaterThan(0.5);
    expect(byId.has(ids.talks!)).toBe(false);
    expect(byId.get(ids.related!)).toMatchObject({ kind: 'related', headline: 'Negotiators discuss Zaporizhzhia plant and prisoner exchanges' });
    // The related story shares the rare words; the football report shares only "Istanbul".
    const related = result.articles.filter((a) => a.kind === 'related');
    expect(related[0]!.id).toBe(ids.related);
    // The grain and football stories share a word or two ("grain", "Istanbul"): if listed, lower.
    for (const weak of [ids.football!, ids.grain!]) {
      const other = byId.get(weak);
      if (other) expect(other.score).toBeLessThan(byId.get(ids.related!)!.score / 2);
    }
    for (const a of result.articles) {
      expect(a.score).toBeGreaterThan(0);
      expect(a.score).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < related.length; i++) expect(related[i]!.score).toBeLessThanOrEqual(related[i - 1]!.score);
    expect(result.terms.length).toBeGreaterThan(0);
    expect(result.terms).not.toContain('the');
  });

  it('leaves the near-duplicates out of the related list and obeys the limit', async () => {
    const related = await api.call('article.similar', { id: ids.related! });
    expect(related.articles.every((a) => a.kind === 'related')).toBe(true);
    expect(related.articles.map((a) => a.id)).toEqual(expect.arrayContaining([ids.talks, ids.update]));
    expect(new Set(related.articles.map((a) => a.id)).size).toBe(related.articles.length);
    const one = await api.call('article.similar', { id: ids.talks!, limit: 1 });
    expect(one.articles).toHaveLength(1);
    expect(one.articles[0]!.kind).toBe('near-duplicate');
  });

  it('answers an unknown article or a bad limit with a clear error', async () => {
    await expect(api.call('article.similar', { id: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.call('article.similar', { id: ids.talks!, limit: 0 })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(api.call('article.similar', { id: ids.talks!, limit: 1.5 })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('stays in step with the corpus: a removed article is no longer suggested', async () => {
    // The update's file now holds another story: the import replaces the article.
    const file = path.join(folder, 'update.txt');
    fs.writeFileSync(file, wire('26 Mar 2022 10:00', 'Bakery prices rise', 'LYON, March 26', ['Bread in Lyon costs a fifth more than a year ago, bakers said, blaming flour and electricity.']));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await api.call('import.run', { paths: [folder] })).imported).toBe(1);
    const after = await api.call('article.similar', { id: ids.talks! });
    expect(after.articles.some((a) => a.id === ids.update)).toBe(false);
    expect(after.articles[0]!.id).toBe(ids.related);
  });
});

describe('source files outside the desktop app', () => {
  it('answers unsupported for opening or revealing a source file', async () => {
    await expect(api.call('article.openSource', { id: ids.talks! })).rejects.toMatchObject({ code: 'unsupported' });
    await expect(api.call('article.revealSource', { id: ids.talks! })).rejects.toMatchObject({ code: 'unsupported' });
  });
});
