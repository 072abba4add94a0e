// The suggestion index's rebuild after a change waits while an import writes: built in the
// middle of an import, it cost the import's thread time and was stale again when the import ended.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCorpus } from '../../src/engine/db/open.ts';
import { CorpusProfiles } from '../../src/engine/search/corpus-profile.ts';
import { SUGGEST_FILE, Suggestions } from '../../src/engine/search/suggest.ts';
import { tempDir } from '../support/temp.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('suggestion rebuilds', () => {
  it('wait until the import writing now is done', () => {
    vi.useFakeTimers();
    const dataDir = tempDir();
    const db = openCorpus({ dataDir });
    db.prepare(`INSERT INTO articles (headline, body, content_hash, imported_at) VALUES ('Grain deal talks resume in Istanbul', 'Talks resumed.', 'h1', 'now')`).run();
    let importing = true;
    const suggestions = new Suggestions(db, dataDir, new CorpusProfiles(db), () => importing);
    const saved = path.join(dataDir, SUGGEST_FILE);
    suggestions.invalidate();
    vi.advanceTimersByTime(10_000);
    expect(fs.existsSync(saved)).toBe(false);
    importing = false;
    vi.advanceTimersByTime(2_500);
    expect(fs.existsSync(saved)).toBe(true);
    expect(suggestions.suggest('Istan').map((s) => s.text)).toContain('Grain deal talks resume in Istanbul');
    suggestions.close();
    db.close();
  });
});
