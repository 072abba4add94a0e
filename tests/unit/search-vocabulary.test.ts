// The prefix vocabulary (search_vocab) holds the words whose key is not their own form, so that
// a prefix of the word ("negotiat*") finds a key that is shorter ("negoti"). It must stay
// complete however the engine met a word before: here the snippets of a search met the words
// first, then the index was rebuilt.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { tempDir } from '../support/temp.ts';

describe('prefix vocabulary', () => {
  it('still finds words by a prefix after a rebuild, when searches had met them first', async () => {
    const folder = tempDir('wirebench-input-');
    fs.writeFileSync(path.join(folder, 'a.txt'), '21 Mar 2022 12:47\n\nTalks stall in Geneva\n\nGENEVA, March 21 (Reuters) - The negotiations stalled on Monday, officials said.\n');
    const engine = createEngine({ dataDir: tempDir(), log: () => {}, watch: false });
    const api = createClient(engine);
    await api.call('import.run', { paths: [folder] });
    expect((await api.call('search.query', { query: 'negotiat*' })).total).toBe(1);
    // Snippets and the reader's marks key the article's words on the engine thread.
    const hit = (await api.call('search.query', { query: 'negotiations stalled' })).hits[0]!;
    expect(hit.snippet).toContain('<mark>');
    expect((await api.call('article.get', { id: hit.id, query: 'negotiations' })).matches.length).toBeGreaterThan(0);
    await api.call('search.reindex', {});
    expect((await api.call('search.query', { query: 'negotiat*' })).total).toBe(1);
    expect(engine.db.prepare(`SELECT count(*) FROM search_vocab WHERE word = 'negotiations'`).pluck().get()).toBe(1);
    await engine.close();
  });
});
